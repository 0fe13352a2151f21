using Microsoft.Extensions.Logging;

namespace Dispatch.Schema.Telemetry;

/// <summary>
/// Logging as both processes do it: the console provider as configured (Logging:Console: the json formatter by default,
/// one JSON object a line), with each line's trace id and span id among its scopes, so a log line leads to its trace.
/// </summary>
public static class DispatchLogging
{
    public static ILoggingBuilder Configure(ILoggingBuilder logging) =>
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
}
