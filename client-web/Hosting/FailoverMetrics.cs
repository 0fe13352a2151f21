using System.Diagnostics.Metrics;

namespace Dispatch.Web.Hosting;

/// <summary>
/// What the failover retry did on this web instance (meter "Dispatch.Failover"), also as running totals a health or
/// metrics page can read without a meter listener. The meter is static and never disposed, for the reason given on
/// LiveMetrics (disposing one meter of a name silences every meter of that name in OpenTelemetry's SDK).
/// </summary>
public sealed class FailoverMetrics
{
    public const string MeterName = "Dispatch.Failover";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> RetriesCounter =
        Meter.CreateCounter<long>("dispatch.failover.retries", "{retry}", "Idempotent requests tried again after their silo went away");
    private static readonly Counter<long> RecoveredCounter = Meter.CreateCounter<long>("dispatch.failover.recovered", "{request}", "Requests answered by a retry");
    private static readonly Counter<long> UnavailableCounter = Meter.CreateCounter<long>("dispatch.failover.unavailable", "{request}",
        "Requests whose silo went away that answered 503: reason exhausted (budget or attempts spent) or not_idempotent (never retried)");

    private long retryCount;
    private long recoveredCount;
    private long exhaustedCount;
    private long notIdempotentCount;

    /// <summary>Retries started.</summary>
    public long Retries => Interlocked.Read(ref retryCount);

    /// <summary>Requests that failed at first and were then answered by a retry.</summary>
    public long Recovered => Interlocked.Read(ref recoveredCount);

    /// <summary>Idempotent requests that still failed when the budget or the attempts were spent (503).</summary>
    public long Exhausted => Interlocked.Read(ref exhaustedCount);

    /// <summary>Requests that were not retried because they are not idempotent (503).</summary>
    public long NotIdempotent => Interlocked.Read(ref notIdempotentCount);

    public void Retried()
    {
        Interlocked.Increment(ref retryCount);
        RetriesCounter.Add(1);
    }

    public void RecoveredByRetry()
    {
        Interlocked.Increment(ref recoveredCount);
        RecoveredCounter.Add(1);
    }

    public void GaveUp()
    {
        Interlocked.Increment(ref exhaustedCount);
        UnavailableCounter.Add(1, new KeyValuePair<string, object?>("reason", "exhausted"));
    }

    public void NotRetried()
    {
        Interlocked.Increment(ref notIdempotentCount);
        UnavailableCounter.Add(1, new KeyValuePair<string, object?>("reason", "not_idempotent"));
    }
}
