using Dispatch.Sla;

namespace Dispatch.Web.Sla;

/// <summary>/api/sla-rules: the deadline rules in force and where each comes from, for every signed-in user.</summary>
public static class SlaRulesEndpoints
{
    public static RouteGroupBuilder MapSlaRulesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sla-rules", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ISlaRulesGrain>(0).Current()))
            .WithTags("Deadline rules 时限规则").RequireAuthorization()
            .WithSummary("The deadline rules in force (version, effectiveFrom, warning share) with each rule's lengths and source: statute, ministry rules or local default");
        return api;
    }
}
