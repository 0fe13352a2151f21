using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dispatch.Schema.Telemetry;

/// <summary>
/// OpenTelemetry for the web app and the silo alike: .NET runtime, HttpClient, Npgsql and Orleans' own meters and activity
/// sources, the process's own meters, a Prometheus scrape listener and, when configured, an OTLP exporter.
/// </summary>
public static class DispatchTelemetry
{
    /// <summary>Orleans' meter (every grain, message and storage figure).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: runtime calls (grain calls as RPC spans) and the application's own grain calls.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Npgsql's meter (connections, commands).</summary>
    public const string NpgsqlMeter = "Npgsql";

    /// <summary>The attribute a span would carry a request's query string in: removed, since a query may hold a phone number.</summary>
    public const string UrlQuery = "url.query";

    /// <summary>
    /// Registers metrics and traces as the <c>Telemetry</c> section says. <paramref name="meters"/> are the process's
    /// own meters; <paramref name="serveHttp"/> adds the ASP.NET Core instrumentation (the web app).
    /// </summary>
    public static IServiceCollection AddDispatchTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, IReadOnlyList<string> meters, bool serveHttp)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }
        if (options.SamplingRatio is < 0 or > 1)
        {
            throw new ArgumentException($"Telemetry:SamplingRatio must lie between 0 and 1, not {options.SamplingRatio}.");
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation().AddHttpClientInstrumentation().AddNpgsqlInstrumentation()
                    .AddMeter(OrleansMeter).AddMeter([.. meters]);
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) => builder.AddView(OwnScopeOnly(provider.GetRequiredService<IMeterFactory>())));
                if (serveHttp)
                {
                    metrics.AddAspNetCoreInstrumentation();
                }
                if (options.Prometheus.Port is not null)
                {
                    metrics.AddPrometheusExporter();
                }
                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, endpoint, options.OtlpProtocol));
                }
            });
        if (options.TracesRecorded)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.SamplingRatio)))
                    .AddSource([.. OrleansSources])
                    .AddNpgsql()
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, _) => WithoutQuery(activity));
                if (serveHttp)
                {
                    tracing.AddAspNetCoreInstrumentation(o =>
                    {
                        o.RecordException = false;
                        o.EnrichWithHttpRequest = (activity, _) => activity.SetTag(UrlQuery, null);
                    });
                }
                if (options.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => Otlp(o, endpoint, options.OtlpProtocol));
                }
            });
        }
        if (options.Prometheus.Port is not null)
        {
            services.AddHostedService<PrometheusListener>();
        }
        return services;
    }

    /// <summary>
    /// Meters made by a host's IMeterFactory (Orleans', ASP.NET Core's, ours) belong to that host: where several hosts share
    /// a process (the tests' silo and web app), each exports its own figures only. Process-wide meters (runtime, Npgsql,
    /// HttpClient) have no scope and pass.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnScopeOnly(IMeterFactory factory) =>
        instrument => instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, factory) ? MetricStreamConfiguration.Drop : null;

    private static void Otlp(OtlpExporterOptions exporter, Uri endpoint, string protocol)
    {
        exporter.Endpoint = endpoint;
        exporter.Protocol = protocol switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new ArgumentException($"Telemetry:OtlpProtocol must be grpc or http/protobuf, not '{protocol}'."),
        };
    }

    /// <summary>An outgoing call's full address without its query string (the instrumentation redacts its values; this drops it).</summary>
    private static void WithoutQuery(Activity activity)
    {
        activity.SetTag(UrlQuery, null);
        if (activity.GetTagItem("url.full") is string full && full.IndexOf('?', StringComparison.Ordinal) is var mark and >= 0)
        {
            activity.SetTag("url.full", full[..mark]);
        }
    }
}
