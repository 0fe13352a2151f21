using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Dispatch.Sla;

/// <summary>Shows the deadline rules this silo loaded, each with its source; any silo can answer.</summary>
[StatelessWorker, GrainType("sla-rules")]
public sealed class SlaRulesGrain(SlaSettings sla, TimeProvider time) : Grain, ISlaRulesGrain
{
    /// <summary>The version in force today (Asia/Shanghai).</summary>
    public Task<SlaRulesView> Current() => Task.FromResult(View(sla.RulesAt(time.GetUtcNow())));

    public static SlaRulesView View(SlaRuleSet rules) => new(rules.Version, rules.EffectiveFrom, rules.WarningAtPercent,
        [.. rules.Sources.Select(source => new SlaRuleView(source.Item, source.Name, Lengths(rules, source), source.Source, source.Note))]);

    private static ImmutableArray<SlaLengthView> Lengths(SlaRuleSet rules, SlaRuleSource source) => source.Item switch
    {
        "ticket" => [.. rules.TicketEntries.Single(r => $"{r.Kind}/{r.Urgency}" == source.Name).Clocks.Select(c => Length(c.Key, c.Value))],
        "legalAid" => [Length(source.Name, rules.LegalAidLengths[source.Name])],
        "petition" => [Length(source.Name, rules.PetitionLengths[source.Name])],
        _ => [Length(source.Name, rules.RehabLengths[source.Name])],
    };

    private static SlaLengthView Length(string clock, SlaDuration duration) => new(clock, duration.Amount, duration.Unit.Name());
}
