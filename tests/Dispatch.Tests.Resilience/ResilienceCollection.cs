namespace Dispatch.Tests.Resilience;

/// <summary>
/// Every resilience scenario starts its own processes and loads the two cores fully: they run one at a time, never
/// beside each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResilienceCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "resilience";
}
