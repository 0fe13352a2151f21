using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Dispatch.Tests.Integration.Providers;

/// <summary>
/// Builds the real Orleans 10.4.2 ADO.NET providers against our schema, started the way a silo starts them
/// (so each one reads its statements from orleansquery), each in its own cluster or service.
/// </summary>
internal static class AdoNetProviders
{
    public const string Invariant = "Npgsql";

    public static async Task<AdoNetClusteringTable> StartMembershipTableAsync(string connectionString, string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = clusterId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    public static async Task<IGatewayListProvider> StartGatewayListAsync(string connectionString, string clusterId)
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = clusterId }));
        await provider.InitializeGatewayListProviderAsync();
        return provider;
    }

    /// <summary>Grain storage with the System.Text.Json serializer the silo uses; Init runs through the silo lifecycle.</summary>
    public static async Task<AdoNetGrainStorage> StartGrainStorageAsync(string connectionString, string serviceId, bool deleteStateOnClear = false)
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = Invariant,
            ConnectionString = connectionString,
            DeleteStateOnClear = deleteStateOnClear,
            GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
        };
        var activators = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();
        var storage = new AdoNetGrainStorage(
            activators,
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(options),
            Options.Create(new ClusterOptions { ClusterId = serviceId, ServiceId = serviceId }),
            "provider-tests");
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        await lifecycle.OnStart(CancellationToken.None);
        return storage;
    }

    /// <summary>The reminder table class is internal, so it is resolved through the provider's own registration.</summary>
    public static async Task<IReminderTable> StartReminderTableAsync(string connectionString, string serviceId)
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = serviceId;
            o.ServiceId = serviceId;
        });
        services.UseAdoNetReminderService(ob => ob.Configure(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        }));
        var table = services.BuildServiceProvider().GetRequiredService<IReminderTable>();
        if (table.GetType().Name != "AdoNetReminderTable")
        {
            throw new InvalidOperationException($"Expected the ADO.NET reminder table, got {table.GetType().FullName}.");
        }
        await table.StartAsync();
        return table;
    }
}
