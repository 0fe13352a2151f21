using System.Collections.Immutable;
using Dispatch.Errors;
using Orleans.Concurrency;

namespace Dispatch.Sla;

/// <summary>Shows the deadline-rule versions this silo loaded, each rule with its lengths and source; any silo can answer.</summary>
[StatelessWorker, GrainType("sla-rules")]
public sealed class SlaRulesGrain(SlaSettings sla, TimeProvider time) : Grain, ISlaRulesGrain
{
    public Task<SlaRulesView> Current() => Task.FromResult(View(sla.Versions, InForce()));

    public Task<Outcome<SlaRuleVersionView>> Version(int version) => Task.FromResult(sla.Versions.Find(version) is { } rules
        ? Outcome<SlaRuleVersionView>.Success(VersionView(rules, InForce()))
        : DomainError.NotFound($"Deadline-rule version {version}", $"时限规则版本 {version}"));

    public Task<SupervisionRulesView> Supervision() => Task.FromResult(new SupervisionRulesView(
        [.. sla.Supervision.ReplyWithin.Select(r => Length(r.Key, r.Value))],
        [.. sla.Supervision.Ladder.Select(r => new LadderRuleView(r.Cause, r.Count, r.WithinDays))],
        sla.Supervision.Source));

    private SlaRuleSet InForce() => sla.RulesAt(time.GetUtcNow());

    /// <summary>The version in force at the top level, every version in <see cref="SlaRulesView.Versions"/>.</summary>
    public static SlaRulesView View(SlaRuleVersions versions, SlaRuleSet inForce) => new(
        inForce.Version, inForce.EffectiveFrom, inForce.WarningAtPercent, Rules(inForce),
        [.. versions.All.Select(rules => VersionView(rules, inForce))]);

    public static SlaRuleVersionView VersionView(SlaRuleSet rules, SlaRuleSet inForce) =>
        new(rules.Version, rules.EffectiveFrom, rules.Version == inForce.Version, rules.WarningAtPercent, Rules(rules))
        {
            PublishedBy = rules.Publication?.By,
            PublishedRole = rules.Publication?.Role,
            PublishedAt = rules.Publication?.At,
            Reason = rules.Publication?.Reason,
        };

    internal static ImmutableArray<SlaRuleView> Rules(SlaRuleSet rules) =>
        [.. rules.Sources.Select(source => new SlaRuleView(source.Item, source.Name, Lengths(rules, source), source.Source, source.Note, source.From))];

    private static ImmutableArray<SlaLengthView> Lengths(SlaRuleSet rules, SlaRuleSource source) => source.Item switch
    {
        "ticket" => [.. rules.TicketEntries.Single(r => $"{r.Kind}/{r.Urgency}" == source.Name).Clocks.Select(c => Length(c.Key, c.Value))],
        "legalAid" => [Length(source.Name, rules.LegalAidLengths[source.Name])],
        "petition" => [Length(source.Name, rules.PetitionLengths[source.Name])],
        _ => [Length(source.Name, rules.RehabLengths[source.Name])],
    };

    private static SlaLengthView Length(string clock, SlaDuration duration) => new(clock, duration.Amount, duration.Unit.Name());
}
