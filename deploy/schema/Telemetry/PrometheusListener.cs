using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Dispatch.Schema.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint, GET /metrics, on a listener of its own (Telemetry:Prometheus:Port, bound to
/// Telemetry:Prometheus:Address, loopback unless set): neither the public web port nor the silo's health port serves it,
/// so no user of the web app and nothing outside the private network reaches it.
/// </summary>
public sealed partial class PrometheusListener(IServiceProvider services, TelemetryOptions options, ILogger<PrometheusListener> logger)
    : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private SideListener? listener;

    /// <summary>Where the listener took its address and port (the port may have been 0: any free one).</summary>
    public IPEndPoint? Bound => listener?.Bound;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Prometheus;
        if (settings.Port is not { } port)
        {
            return;
        }
        if (!IPAddress.TryParse(settings.Address, out var address))
        {
            throw new ArgumentException($"Telemetry:Prometheus:Address must be an IP address, not '{settings.Address}'.");
        }
        var meters = services.GetRequiredService<MeterProvider>();
        listener = await SideListener.StartAsync(address, port,
            app => app.MapPrometheusScrapingEndpoint(Path, meters, configureBranchedPipeline: null, optionsName: null), cancellationToken);
        LogListening(settings.Address, Bound?.Port ?? port);
    }

    public Task StopAsync(CancellationToken cancellationToken) => listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => listener?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Prometheus metrics on {Address}:{Port}/metrics")]
    private partial void LogListening(string address, int port);
}
