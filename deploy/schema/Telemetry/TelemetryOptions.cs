namespace Dispatch.Schema.Telemetry;

/// <summary>The configuration section <c>Telemetry</c>: what the process records and where it sends it.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Whether metrics and traces are recorded at all. Logs are not affected.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether spans are recorded. Unset: only when there is somewhere to send them (an OTLP endpoint). Recording a span for
    /// every request, grain call and SQL command costs CPU even when nothing exports it (bench/write-path.sh measured the
    /// silo's and the web app's CPU per registration about 40% higher with spans recorded and dropped), so a process
    /// without a collector records none. True records them also without one (tests that read spans in memory).
    /// </summary>
    public bool? Tracing { get; set; }

    /// <summary>Whether spans are recorded, after the default above.</summary>
    public bool TracesRecorded => Tracing ?? OtlpEndpoint is not null;

    /// <summary>The OTLP collector's address (e.g. http://otel-collector:4317); nothing is sent when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The OTLP transport: grpc (port 4317) or http/protobuf (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// The share of root traces kept (parent-based: a request whose caller sampled it is always kept). 1.0 records every
    /// trace; production installations with an OTLP collector use a small share, e.g. 0.05.
    /// </summary>
    public double SamplingRatio { get; set; } = 1.0;

    /// <summary>The Prometheus scrape listener: off without a port.</summary>
    public PrometheusListenerOptions Prometheus { get; set; } = new();
}

/// <summary>The Prometheus scrape listener (<c>Telemetry:Prometheus</c>): its own small HTTP listener serving only GET /metrics.</summary>
public sealed class PrometheusListenerOptions
{
    /// <summary>The port; no listener when unset.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The address it binds: loopback unless a deployment opens it to its private network (the metrics carry no personal
    /// data, but they are for the operators' Prometheus only).
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";
}
