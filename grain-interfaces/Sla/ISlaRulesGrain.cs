using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Sla;

/// <summary>
/// The deadline-rule versions, with where each rule comes from. A stateless worker: every silo answers from what it
/// loaded at start (deploy/reference-data/sla-rules/v{n}.json).
/// </summary>
[Alias("Dispatch.Sla.ISlaRulesGrain")]
public interface ISlaRulesGrain : IGrainWithIntegerKey
{
    /// <summary>The version in force today (Asia/Shanghai), and every version in <see cref="SlaRulesView.Versions"/>.</summary>
    [Alias("Current")]
    Task<SlaRulesView> Current();

    /// <summary>One version by number; not found when no such version was published.</summary>
    [Alias("Version")]
    Task<Outcome<SlaRuleVersionView>> Version(int version);

    /// <summary>The rules of supervision orders: reply times per level and the escalation ladder.</summary>
    [Alias("Supervision")]
    Task<SupervisionRulesView> Supervision();
}

/// <summary>
/// 督办 rules (reference-data/supervision.json): how long the unit has for its written reply at each level (Clock names the
/// level: unit, county, city), and the ladder's causes that raise an order by themselves.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SupervisionRulesView")]
public sealed record SupervisionRulesView(
    [property: Id(0)] ImmutableArray<SlaLengthView> ReplyWithin,
    [property: Id(1)] ImmutableArray<LadderRuleView> Ladder,
    [property: Id(2)] string Source);

/// <summary>One rung of the escalation ladder: Count events of the cause (within WithinDays days, when given) raise an order.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.LadderRuleView")]
public sealed record LadderRuleView([property: Id(0)] string Cause, [property: Id(1)] int Count, [property: Id(2)] int? WithinDays);

/// <summary>The version in force today at the top level (as before versions existed), and every version.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRulesView")]
public sealed record SlaRulesView(
    [property: Id(0)] int Version,
    [property: Id(1)] DateOnly EffectiveFrom,
    [property: Id(2)] int WarningAtPercent,
    [property: Id(3)] ImmutableArray<SlaRuleView> Rules,
    [property: Id(4)] ImmutableArray<SlaRuleVersionView> Versions);

/// <summary>One published version of the deadline rules.</summary>
/// <param name="EffectiveFrom">The first local (Asia/Shanghai) day on which items received take this version.</param>
/// <param name="InForce">True for the version new items take today; items keep the version they were received under.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRuleVersionView")]
public sealed record SlaRuleVersionView(
    [property: Id(0)] int Version,
    [property: Id(1)] DateOnly EffectiveFrom,
    [property: Id(2)] bool InForce,
    [property: Id(3)] int WarningAtPercent,
    [property: Id(4)] ImmutableArray<SlaRuleView> Rules)
{
    /// <summary>For a version published through the API: who (user id and role), when and why; null for a shipped file.</summary>
    [Id(5)] public string? PublishedBy { get; init; }
    [Id(6)] public string? PublishedRole { get; init; }
    [Id(7)] public DateTimeOffset? PublishedAt { get; init; }
    [Id(8)] public string? Reason { get; init; }
}

/// <param name="Item">ticket, petition, legalAid or rehab.</param>
/// <param name="Name">A ticket rule's kind/urgency ("complaint/normal", "*/urgent") or a case's or visit's clock name.</param>
/// <param name="Clocks">The lengths the rule sets, e.g. signFor 1 working_days.</param>
/// <param name="Source">Where the rule comes from: the statute and article, ministry rules, or a local default.</param>
/// <param name="From">Where the clock starts when the rule says so (a legal-aid decision: receipt or acceptance).</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRuleView")]
public sealed record SlaRuleView(
    [property: Id(0)] string Item,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<SlaLengthView> Clocks,
    [property: Id(3)] string Source,
    [property: Id(4)] string? Note,
    [property: Id(5)] string? From = null);

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaLengthView")]
public sealed record SlaLengthView([property: Id(0)] string Clock, [property: Id(1)] decimal Amount, [property: Id(2)] string Unit);

/// <summary>
/// Publishes new deadline-rule versions (administrators only). One activation serialises the publications; each is
/// appended to sla_rule_versions with who, when and why, applied on this silo at once and taken up by the others.
/// </summary>
[Alias("Dispatch.Sla.ISlaRulesAdminGrain")]
public interface ISlaRulesAdminGrain : IGrainWithIntegerKey
{
    [Alias("Publish")]
    Task<Outcome<SlaRuleVersionView>> Publish(SlaRulesDraft draft, Actor actor);

    /// <summary>The same checks, changing nothing: what the version would change against the one in force before it.</summary>
    [Alias("Preview")]
    Task<Outcome<SlaRulesPreview>> Preview(SlaRulesDraft draft, Actor actor);
}

/// <summary>
/// A new rule version as an administrator sends it: the rule document (effectiveFrom, warningAtPercent, ticketRules,
/// petitionRules, legalAidRules, rehabRules, each rule with its source; the version number is assigned) and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRulesDraft")]
public sealed record SlaRulesDraft([property: Id(0)] string? Rules, [property: Id(1)] string? Reason);

/// <summary>
/// What publishing would do. Items keep the version they were received under, so no running clock moves and none becomes
/// overdue: the open items counted here stay on their versions, and only items received from effectiveFrom take the new one.
/// </summary>
/// <param name="ReplacesVersion">The version items received before effectiveFrom keep taking.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRulesPreview")]
public sealed record SlaRulesPreview(
    [property: Id(0)] int Version,
    [property: Id(1)] DateOnly EffectiveFrom,
    [property: Id(2)] int ReplacesVersion,
    [property: Id(3)] ImmutableArray<SlaRuleChange> Changes,
    [property: Id(4)] int OpenItemsKeepingTheirVersion);

/// <summary>One rule that differs from the version it follows: a length (Before/After "10 working_days") or a source.</summary>
/// <param name="Change">added, removed, length or source.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SlaRuleChange")]
public sealed record SlaRuleChange(
    [property: Id(0)] string Item, [property: Id(1)] string Name, [property: Id(2)] string? Clock, [property: Id(3)] string Change,
    [property: Id(4)] string? Before, [property: Id(5)] string? After);
