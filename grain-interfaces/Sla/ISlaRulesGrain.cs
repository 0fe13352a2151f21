using System.Collections.Immutable;

namespace Dispatch.Sla;

/// <summary>The deadline rules in force, with where each comes from. A stateless worker: every silo answers from what it loaded.</summary>
[Alias("Dispatch.Sla.ISlaRulesGrain")]
public interface ISlaRulesGrain : IGrainWithIntegerKey
{
    [Alias("Current")]
    Task<SlaRulesView> Current();
}

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRulesView")]
public sealed record SlaRulesView(
    [property: Id(0)] int Version,
    [property: Id(1)] DateOnly EffectiveFrom,
    [property: Id(2)] int WarningAtPercent,
    [property: Id(3)] ImmutableArray<SlaRuleView> Rules);

/// <param name="Item">ticket, legalAid or rehab.</param>
/// <param name="Name">A ticket rule's kind/urgency ("complaint/normal", "*/urgent") or a case's or visit's clock name.</param>
/// <param name="Clocks">The lengths the rule sets, e.g. signFor 1 working_days.</param>
/// <param name="Source">Where the rule comes from: the statute and article, ministry rules, or a local default.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRuleView")]
public sealed record SlaRuleView(
    [property: Id(0)] string Item,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<SlaLengthView> Clocks,
    [property: Id(3)] string Source,
    [property: Id(4)] string? Note);

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaLengthView")]
public sealed record SlaLengthView([property: Id(0)] string Clock, [property: Id(1)] decimal Amount, [property: Id(2)] string Unit);
