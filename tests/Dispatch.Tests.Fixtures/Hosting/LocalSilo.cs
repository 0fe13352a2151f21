using System.Net;
using System.Net.Sockets;
using Dispatch.Silo.Hosting;
using Dispatch.Tests.Fixtures.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>A real silo with TCP endpoints on loopback, configured like silo/Program.cs (mutual TLS with the test run's certificates), for web and browser tests.</summary>
public sealed class LocalSilo : IAsyncDisposable
{
    private readonly IHost host;

    private readonly string connectionString;

    private LocalSilo(IHost host, int gatewayPort, string connectionString)
    {
        this.host = host;
        this.connectionString = connectionString;
        GatewayPort = gatewayPort;
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int GatewayPort { get; }

    /// <param name="logs">When given, every line from Information up goes there as well.</param>
    /// <param name="certificates">The cluster's mutual-TLS certificates; the test run's shared ones unless given.</param>
    /// <param name="time">The silo's clock (a FakeTimeProvider moves items' deadlines); the real one when null.</param>
    /// <param name="configure">More settings or services before the host is built (e.g. Telemetry:Prometheus:Port, an in-memory span exporter).</param>
    public static async Task<LocalSilo> StartAsync(string connectionString, string clusterId, CapturedLogs? logs = null,
        TestCertificates? certificates = null, TimeProvider? time = null, Action<HostApplicationBuilder>? configure = null)
    {
        // A free port is free when it is picked; another process of a parallel test project can take it before the silo
        // binds it. Such a start is tried again on other free ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(connectionString, clusterId, logs, certificates, time, configure);
            }
            catch (Exception ex) when (attempt < 3 && PortWasTaken(ex))
            {
            }
        }
    }

    /// <summary>Whether a start failed because a port picked as free was taken meanwhile.</summary>
    public static bool PortWasTaken(Exception? exception) => exception switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(PortWasTaken),
        _ => exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || PortWasTaken(exception.InnerException),
    };

    private static async Task<LocalSilo> StartOnFreePortsAsync(string connectionString, string clusterId, CapturedLogs? logs,
        TestCertificates? certificates, TimeProvider? time, Action<HostApplicationBuilder>? configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure?.Invoke(builder);
        builder.Logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        var gatewayPort = FreePort();
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId))
            .ConfigureEndpoints(IPAddress.Loopback, FreePort(), gatewayPort, listenOnAnyHostAddress: false)
            .UseClusterTls((certificates ?? TestCertificates.Shared).Cluster)
            .AddDispatchProviders(connectionString)
            .AddDispatchDiagnostics());
        builder.AddDispatchSiloTelemetry();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            Connections.Release(connectionString);
            throw;
        }
        return new LocalSilo(host, gatewayPort, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Connections.Release(connectionString);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
