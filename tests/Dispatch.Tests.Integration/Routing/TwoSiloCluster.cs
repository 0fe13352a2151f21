using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Microsoft.Extensions.DependencyInjection;
using FluentAssertions;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Routing;

/// <summary>A database of its own and a cluster of two silos on it, started for a test class and stopped after it.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    private readonly PostgresFixture postgres = new();
    private TestCluster? cluster;

    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("Not started.");

    /// <summary>The application role's connection to the cluster's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The schema owner's connection to the same database, as another tool would connect.</summary>
    public string OwnerConnectionString => postgres.AsOwner(ConnectionString);

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        ConnectionString = await postgres.CreateIsolatedDatabaseAsync();
        cluster = await DispatchTestCluster.StartAsync(ConnectionString, silos: 2);
    }

    /// <summary>A service of the silo that hosts <paramref name="grain"/>, and the same service of the other silo.</summary>
    public async Task<(T Host, T Other)> HostAndOtherAsync<T>(IAddressable grain) where T : notnull
    {
        var host = await Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException("The grain is not active anywhere.");
        var silos = Cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        silos.Should().HaveCount(2);
        var hosting = silos.Single(s => s.SiloAddress.Equals(host));
        var other = silos.Single(s => !s.SiloAddress.Equals(host));
        return (hosting.ServiceProvider.GetRequiredService<T>(), other.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>The same service of every silo.</summary>
    public IReadOnlyList<T> OnEverySilo<T>() where T : notnull =>
        [.. Cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.ServiceProvider.GetRequiredService<T>())];

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
