using System.Diagnostics.Metrics;

namespace Dispatch.Web.Hosting;

/// <summary>
/// What the failover retry did on this web instance (meter "Dispatch.Failover"), also as running totals a health or
/// metrics page can read without a meter listener.
/// </summary>
public sealed class FailoverMetrics : IDisposable
{
    public const string MeterName = "Dispatch.Failover";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> retries;
    private readonly Counter<long> recovered;
    private readonly Counter<long> unavailable;
    private long retryCount;
    private long recoveredCount;
    private long exhaustedCount;
    private long notIdempotentCount;

    public FailoverMetrics()
    {
        retries = meter.CreateCounter<long>("dispatch.failover.retries", "{retry}", "Idempotent requests tried again after their silo went away");
        recovered = meter.CreateCounter<long>("dispatch.failover.recovered", "{request}", "Requests answered by a retry");
        unavailable = meter.CreateCounter<long>("dispatch.failover.unavailable", "{request}",
            "Requests whose silo went away that answered 503: reason exhausted (budget or attempts spent) or not_idempotent (never retried)");
    }

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
        retries.Add(1);
    }

    public void RecoveredByRetry()
    {
        Interlocked.Increment(ref recoveredCount);
        recovered.Add(1);
    }

    public void GaveUp()
    {
        Interlocked.Increment(ref exhaustedCount);
        unavailable.Add(1, new KeyValuePair<string, object?>("reason", "exhausted"));
    }

    public void NotRetried()
    {
        Interlocked.Increment(ref notIdempotentCount);
        unavailable.Add(1, new KeyValuePair<string, object?>("reason", "not_idempotent"));
    }

    public void Dispose() => meter.Dispose();
}
