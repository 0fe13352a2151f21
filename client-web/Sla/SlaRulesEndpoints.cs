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
        group.MapGet("/{version:int}", Version)
            .WithSummary("One deadline-rule version with every rule's lengths and source; 404 for a version never published");
        return api;
    }

    private static async Task<Results<Ok<SlaRuleVersionView>, ProblemHttpResult>> Version(int version, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<ISlaRulesGrain>(0).Version(version);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}
