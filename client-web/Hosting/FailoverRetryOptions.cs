namespace Dispatch.Web.Hosting;

/// <summary>
/// How the web app retries an idempotent request whose silo went away (configuration section <c>Failover</c>). The
/// budget should cover the time the silos need to declare a dead one dead (about ProbeTimeout x NumMissedProbesLimit:
/// 5 s x 3 with Orleans' defaults, longer when the surviving silo is loaded and extends its probe timeouts; 10.8 to
/// 22.7 s were measured on a busy 2-core machine) plus one response timeout of the cluster client (Orleans:ResponseTimeout).
/// </summary>
public sealed class FailoverRetryOptions
{
    public const string Section = "Failover";

    /// <summary>From the first attempt: no retry starts after this; the last attempt may still run one response timeout.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The pause before the first retry; it doubles with every further retry up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The pause before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var doubled = FirstDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 16));
        return doubled >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)doubled);
    }
}
