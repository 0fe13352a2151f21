using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

    private WebApplication? listener;

    /// <summary>Where the listener took its address and port (the port may have been 0: any free one).</summary>
    public IPEndPoint? Bound { get; private set; }

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
        // An empty builder: no configuration sources (ASPNETCORE_URLS cannot move it) and no logging of its own.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(address, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapPrometheusScrapingEndpoint(Path, services.GetRequiredService<MeterProvider>(), configureBranchedPipeline: null, optionsName: null);
        await app.StartAsync(cancellationToken);
        listener = app;
        Bound = app.Urls.Select(url => new Uri(url)).Select(uri => new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port)).FirstOrDefault();
        LogListening(settings.Address, Bound?.Port ?? port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (listener is not null)
        {
            await listener.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (listener is not null)
        {
            await listener.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prometheus metrics on {Address}:{Port}/metrics")]
    private partial void LogListening(string address, int port);
}
