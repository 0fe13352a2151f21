using System.Net;
using System.Reflection;
using Dispatch.Silo.Hosting;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Fixtures.Hosting;
using Dispatch.Tests.Fixtures.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// Two silos and one web app on a database of their own. The <see cref="Victim"/> silo is reached only through
/// <see cref="CuttableLink"/>s (its silo port, its gateway port and its PostgreSQL connections), so <see cref="KillVictim"/>
/// can take it away as SIGKILL would: every connection to it is reset, its ports refuse, and it can neither answer nor
/// write its own death into the membership table, nor reach the survivor; the survivor has to find out by probing, as
/// after a real kill.
/// Both silos run the production providers and membership settings (AddDispatchProviders).
/// </summary>
public sealed class TwoSiloSystem : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private readonly List<CuttableLink> victimLinks = [];
    private readonly Dictionary<int, CuttableLink> outboundLinks = [];
    private bool killed;
    private LocalSilo? survivor;
    private IHost? victim;
    private LocalWebApp? web;

    public string ClusterId { get; } = "failover-" + Guid.NewGuid().ToString("N")[..8];

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    /// <summary>The port the victim silo advertises (its link's), as it appears in the silo addresses of its activations.</summary>
    public int VictimSiloPort { get; private set; }

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        survivor = await LocalSilo.StartAsync(connectionString, ClusterId);
        victim = await StartVictimAsync(connectionString);
        web = await LocalWebApp.StartAsync(connectionString, ClusterId);
    }

    private async Task<IHost> StartVictimAsync(string connectionString)
    {
        var siloLink = CuttableLink.ToFreePort(out var siloPort);
        var gatewayLink = CuttableLink.ToFreePort(out var gatewayPort);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var databaseLink = CuttableLink.To(builder.Port);
        victimLinks.AddRange([siloLink, gatewayLink, databaseLink]);
        VictimSiloPort = siloLink.Port;
        builder.Host = "127.0.0.1";
        builder.Port = databaseLink.Port;

        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        host.Logging.SetMinimumLevel(LogLevel.Warning);
        host.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId))
            .Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloPort = siloLink.Port;
                o.GatewayPort = gatewayLink.Port;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, gatewayPort);
            })
            .UseClusterTls(TestCertificates.Shared.Cluster)
            .AddDispatchProviders(builder.ConnectionString));
        // Cut off, the victim may learn from the survivor that it was declared dead; Orleans would then end the whole test process.
        host.Services.AddSingleton<IFatalErrorHandler, IgnoredFatalError>();
        DialThroughLinks(host.Services);
        var started = host.Build();
        await started.StartAsync();
        return started;
    }

    /// <summary>
    /// The victim's own connections to other silos go through links as well: cut, it must not reach the survivor either
    /// (silo connections carry messages both ways, so an open one from the victim would keep it alive to the others).
    /// Orleans keeps the silo-to-silo connection factory under an internal key, hence the reflection.
    /// </summary>
    private void DialThroughLinks(IServiceCollection services)
    {
        var key = Type.GetType("Orleans.Runtime.Messaging.SiloConnectionFactory, Orleans.Runtime", throwOnError: true)!
            .GetField("ServicesKey", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var original = services.Last(d => d.IsKeyedService && Equals(d.ServiceKey, key) && d.ServiceType == typeof(IConnectionFactory));
        services.Remove(original);
        services.AddKeyedSingleton<IConnectionFactory>(key, (provider, k) =>
            new LinkedConnectionFactory((IConnectionFactory)original.KeyedImplementationFactory!(provider, k), this));
    }

    private CuttableLink LinkTo(int port)
    {
        lock (victimLinks)
        {
            if (!outboundLinks.TryGetValue(port, out var link))
            {
                link = CuttableLink.To(port);
                outboundLinks[port] = link;
                victimLinks.Add(link);
                if (killed)
                {
                    link.Cut();
                }
            }
            return link;
        }
    }

    /// <summary>Takes the victim silo away at once, as SIGKILL would (see the class summary).</summary>
    public void KillVictim()
    {
        lock (victimLinks)
        {
            killed = true;
            foreach (var link in victimLinks)
            {
                link.Cut();
            }
        }
    }

    private sealed class LinkedConnectionFactory(IConnectionFactory inner, TwoSiloSystem system) : IConnectionFactory
    {
        public ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
        {
            var target = (IPEndPoint)endpoint;
            return inner.ConnectAsync(new IPEndPoint(IPAddress.Loopback, system.LinkTo(target.Port).Port), cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }
        KillVictim();
        if (victim is not null)
        {
            // Already cut off: stop without the graceful steps, which would only wait for a database it cannot reach.
            using var now = new CancellationTokenSource();
            await now.CancelAsync();
            await victim.StopAsync(now.Token);
            victim.Dispose();
        }
        if (survivor is not null)
        {
            await survivor.DisposeAsync();
        }
        lock (victimLinks)
        {
            foreach (var link in victimLinks)
            {
                link.Dispose();
            }
        }
    }

    private sealed class IgnoredFatalError : IFatalErrorHandler
    {
        public bool IsUnexpected(Exception exception) => true;

        public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
        {
        }
    }
}
