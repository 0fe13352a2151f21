using Xunit.Abstractions;

namespace Dispatch.Tests.Resilience.Load;

/// <summary>The [figure] lines a scenario prints (deploy/test.sh gathers them): what it did and what it counted.</summary>
public sealed class Figures(ITestOutputHelper output, string scenario)
{
    public void Line(string text) => output.WriteLine($"[figure] resilience {scenario}: {text}");

    /// <summary>What was done to the system, the requests by class of answer, and the acknowledgements against what is stored.</summary>
    public void Print(LoadLedger ledger, StoredTickets? stored = null)
    {
        foreach (var done in ledger.Events)
        {
            Line(done);
        }
        var attempts = ledger.Attempts;
        Line($"requests {attempts.Count}: {Classes(attempts)}; over {ledger.Now.TotalSeconds:0}s");
        var unavailable = attempts.Where(a => a.Status == 503).ToList();
        if (unavailable.Count > 0)
        {
            Line($"503 answers from +{unavailable.Min(a => a.At).TotalSeconds:0.0}s to +{unavailable.Max(a => a.At).TotalSeconds:0.0}s, "
                + $"slowest {unavailable.Max(a => a.Took).TotalMilliseconds:0} ms");
        }
        var answered = attempts.Where(a => a.Status != 0).Select(a => a.Took.TotalMilliseconds).Order().ToList();
        if (answered.Count > 0)
        {
            Line($"answered in p50 {Percentile(answered, 0.50):0} ms, p99 {Percentile(answered, 0.99):0} ms, max {answered[^1]:0} ms");
        }
        Line($"keys tried {ledger.KeysTried}, registrations acknowledged {ledger.Registrations.Count}, dispatches acknowledged {ledger.Actions.Count}"
            + $" (+{ledger.ConfirmedByRead} confirmed by a read after a lost answer or a 412), operations given up {ledger.Abandoned}, unexpected answers {ledger.Unexpected.Count}");
        foreach (var unexpected in ledger.Unexpected.Take(5))
        {
            Line("unexpected: " + unexpected);
        }
        if (stored is not null)
        {
            Line($"found stored: tickets {stored.TicketsStored}, acknowledged registrations {stored.RegistrationsFound} (missing {stored.RegistrationsMissing.Count}), "
                + $"acknowledged dispatches {stored.ActionsFound} (missing {stored.ActionsMissing.Count}), keys with two tickets {stored.KeysWithTwoTickets.Count}, "
                + $"streams registered twice {stored.StreamsRegisteredTwice.Count}, read model disagreeing with events {stored.ReadModelDisagreements.Count}");
        }
    }

    /// <summary>Counts by class: 2xx, 4xx, 503, other 5xx, no answer (connection refused or reset, timeout).</summary>
    public static string Classes(IReadOnlyList<Attempt> attempts) =>
        $"2xx {attempts.Count(a => a.Status is >= 200 and < 300)}, 4xx {attempts.Count(a => a.Status is >= 400 and < 500)}, "
        + $"503 {attempts.Count(a => a.Status == 503)}, other 5xx {attempts.Count(a => a.Status is >= 500 and not 503)}, "
        + $"no answer {attempts.Count(a => a.Status == 0)}";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
