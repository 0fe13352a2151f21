namespace Dispatch.Tests.Integration.Deployment;

/// <summary>The deployment tests that need the published output (published once for all of them) and PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<PublishedApps>, ICollectionFixture<PostgresFixture>
{
    public const string Name = "deployment";
}
