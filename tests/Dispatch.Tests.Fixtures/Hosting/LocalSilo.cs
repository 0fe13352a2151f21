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
    public static async Task<LocalSilo> StartAsync(string connectionString, string clusterId, CapturedLogs? logs = null,
        TestCertificates? certificates = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
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
            .AddDispatchProviders(connectionString));
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
