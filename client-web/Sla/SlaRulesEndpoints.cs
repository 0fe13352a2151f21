using System.Text.Json;
using Dispatch.Sla;

namespace Dispatch.Web.Sla;

/// <summary>/api/sla-rules: the deadline-rule versions and where each rule comes from, for every signed-in user.</summary>
public static class SlaRulesEndpoints
{
    public static RouteGroupBuilder MapSlaRulesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sla-rules").WithTags("Deadline rules 时限规则").RequireAuthorization();
        group.MapGet("/", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ISlaRulesGrain>(0).Current()))
            .WithSummary("The deadline rules in force today (version, effectiveFrom, warning share, rules with lengths and source: statute, " +
                "ministry rules or local default), and every version in 'versions' with its effectiveFrom and inForce flag");
        group.MapGet("/supervision", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ISlaRulesGrain>(0).Supervision()))
            .WithSummary("督办 rules (supervision.json): the unit's reply time at each level (unit, county, city), the escalation ladder's causes " +
                "(rework, repeat_caller, unsatisfied_callbacks) with their counts, and the source");
        group.MapGet("/{version:int}", Version)
            .WithSummary("One deadline-rule version with every rule's lengths and source; 404 for a version never published");
        group.MapPost("/versions", Publish).RequireAuthorization(Policies.Admin)
            .WithSummary("Publishes a new rule version {reason, rules: {effectiveFrom, warningAtPercent, ticketRules, petitionRules, legalAidRules, " +
                "rehabRules}} (admin): numbered next, in force for items received from effectiveFrom (after today); items keep their version");
        group.MapPost("/versions/preview", Preview).RequireAuthorization(Policies.Admin)
            .WithSummary("The same body, changing nothing: the version number, every rule that differs from the version it follows, and the open items that keep theirs");
        return api;
    }

    private static async Task<Results<Created<SlaRuleVersionView>, ProblemHttpResult>> Publish(RuleVersionRequest request, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<ISlaRulesAdminGrain>(0).Publish(request.Draft(), context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Created($"/api/sla-rules/{outcome.Value!.Version}", outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<SlaRulesPreview>, ProblemHttpResult>> Preview(RuleVersionRequest request, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<ISlaRulesAdminGrain>(0).Preview(request.Draft(), context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<SlaRuleVersionView>, ProblemHttpResult>> Version(int version, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<ISlaRulesGrain>(0).Version(version);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}

/// <summary>A new rule version: the rule document as JSON (the same shape as a file in reference-data/sla-rules, without version) and why.</summary>
public sealed record RuleVersionRequest(string? Reason, JsonElement? Rules)
{
    public SlaRulesDraft Draft() => new(Rules is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } rules ? rules.GetRawText() : null, Reason);
}
