using Dispatch.Tests.Fixtures;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// A test class that calls grains as a client of the cluster (the web app's place): a database of its own and an Orleans
/// test cluster on it, started before the class's tests and stopped after them.
/// </summary>
public abstract class OwnClusterTests(PostgresFixture database) : IAsyncLifetime
{
    private TestCluster? cluster;

    protected TestCluster Cluster => cluster ?? throw new InvalidOperationException("Not started.");

    /// <summary>The application role's connection to the class's database.</summary>
    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await database.CreateIsolatedDatabaseAsync();
        cluster = await DispatchTestCluster.StartAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
