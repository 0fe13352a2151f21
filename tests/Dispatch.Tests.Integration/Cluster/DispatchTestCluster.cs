using Dispatch.Silo.Hosting;
using Dispatch.Tests.Fixtures.Security;
using Orleans.Connections.Security;
using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>A TestingHost cluster wired exactly like the real silo: mutual TLS, ADO.NET clustering, storage and reminders on PostgreSQL.</summary>
public static class DispatchTestCluster
{
    private const string ConnectionStringKey = "ConnectionStrings:Dispatch";
    private const string TimeKey = "Tests:Clock";

    public static async Task<TestCluster> StartAsync(string connectionString, string? serviceId = null, short silos = 1, TimeProvider? time = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId ?? "test-" + Guid.NewGuid().ToString("N")[..12];
        builder.Options.ClusterId = builder.Options.ServiceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = connectionString;
        if (time is not null)
        {
            builder.Properties[TimeKey] = TestClocks.Register(time);
        }
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
            siloBuilder.UseClusterTls(TestCertificates.Shared.Cluster);
            siloBuilder.AddDispatchProviders(siloBuilder.Configuration[ConnectionStringKey]!);
            // Tests use a short reminder period; the product keeps Orleans' one-minute floor.
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            if (siloBuilder.Configuration[TimeKey] is { } clock)
            {
                siloBuilder.Services.AddSingleton(TestClocks.Get(clock));
            }
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder
                .UseTls(TestCertificates.Shared.Node, options =>
                {
                    options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                    options.RemoteCertificateValidation = TestCertificates.Shared.Cluster.Validate;
                })
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = DispatchSiloExtensions.Invariant;
                    o.ConnectionString = configuration[ConnectionStringKey];
                });
    }
}

/// <summary>Hands a test's FakeTimeProvider to silos that are built from configuration.</summary>
internal static class TestClocks
{
    private static readonly ConcurrentDictionary<string, TimeProvider> Clocks = new();

    public static string Register(TimeProvider time)
    {
        var key = Guid.NewGuid().ToString("N");
        Clocks[key] = time;
        return key;
    }

    public static TimeProvider Get(string key) => Clocks[key];
}
