using System.Net;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Tests.Integration.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace Dispatch.Tests.Integration.Telemetry;

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetrySystem>
{
    public const string Name = "telemetry";
}

/// <summary>
/// A silo on a <see cref="FakeTimeProvider"/> (so a ticket can go overdue) and a web app, each with its Prometheus
/// listener on a free loopback port and its spans kept in memory; the web app's log lines are captured. Starts on Monday
/// 2 March 2026, 09:00 in Jiaxing, a working day.
/// </summary>
public sealed class TelemetrySystem : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = FakeClockLiveSystem.Start;

    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;

    public FakeTimeProvider Clock { get; } = new(Start);

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    public IGrainFactory Cluster => Web.Services.GetRequiredService<IGrainFactory>();

    public int SiloMetricsPort { get; } = LocalSilo.FreePort();

    public int WebMetricsPort { get; } = LocalSilo.FreePort();

    /// <summary>Every span the silo exported.</summary>
    public SpanCollection SiloSpans { get; } = new();

    /// <summary>Every span the web app exported.</summary>
    public SpanCollection WebSpans { get; } = new();

    public CapturedLogs WebLogs { get; } = new();

    /// <summary>The county supervisor's hub connection the scenario opens, kept until the system stops.</summary>
    public LiveListener? CountyFeed { get; set; }

    public CapturedLogs SiloLogs { get; } = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var serviceId = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(connectionString, serviceId, SiloLogs, time: Clock, configure: builder =>
        {
            builder.Configuration["Telemetry:Prometheus:Port"] = SiloMetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Spans are recorded without a collector only when asked; here they go to memory.
            builder.Configuration["Telemetry:Tracing"] = "true";
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(SiloSpans));
        });
        web = await LocalWebApp.StartAsync(connectionString, serviceId, new WebAppSettings
        {
            Arguments = [$"--Telemetry:Prometheus:Port={WebMetricsPort}", "--Telemetry:Tracing=true"],
            Logs = WebLogs,
            ReplaceServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(WebSpans)),
        });
        await Eventually.Get(async () => (await web.Client.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");
    }

    /// <summary>Scrapes a listener's /metrics on loopback.</summary>
    public static async Task<PrometheusText> ScrapeAsync(int port)
    {
        using var client = new HttpClient();
        return PrometheusText.Parse(await client.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
    }

    /// <summary>
    /// Moves the silo's clock to a Jiaxing time of the start day and runs the item's deadline watcher then (after the web
    /// app's next renewal of its live-feed subscription, which the registry reads on the same clock).
    /// </summary>
    public async Task WatcherRunsAtAsync(int hour, int minute, Guid itemId)
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var probe = Cluster.GetGrain<ILiveRegistryProbeGrain>(0);
        await Eventually.Get(probe.ListeningInstances, n => n > 0, Dispatch.Live.LiveFeed.RenewEvery * 3, "the web app's renewal after the clock moved");
        await InsideSilo.TickWatcherAsync(Cluster, itemId);
    }

    public async Task DisposeAsync()
    {
        if (CountyFeed is not null)
        {
            await CountyFeed.DisposeAsync();
        }
        if (web is not null)
        {
            await web.DisposeAsync();
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
