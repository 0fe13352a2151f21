using Dispatch.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>A TestingHost cluster wired exactly like the real silo: ADO.NET clustering, storage and reminders on PostgreSQL.</summary>
public static class DispatchTestCluster
{
    private const string ConnectionStringKey = "ConnectionStrings:Dispatch";

    public static async Task<TestCluster> StartAsync(string connectionString, string? serviceId = null, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId ?? "test-" + Guid.NewGuid().ToString("N")[..12];
        builder.Options.ClusterId = builder.Options.ServiceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDispatchProviders(siloBuilder.Configuration[ConnectionStringKey]!);
            // Tests use a short reminder period; the product keeps Orleans' one-minute floor.
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = DispatchSiloExtensions.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
    }
}
