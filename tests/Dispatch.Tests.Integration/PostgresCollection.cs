using Dispatch.Tests.Fixtures;

namespace Dispatch.Tests.Integration;

/// <summary>Tests that use the shared PostgreSQL database join this collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
