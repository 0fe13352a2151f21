using Dispatch.Web.ApiConventions;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Rehab;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Rehab;

/// <summary>/api/rehab-plans: a recurring plan that becomes one visit actor per occurrence.</summary>
public static class RehabPlanEndpoints
{
    private static readonly ItemEndpoints<IRehabPlanGrain, RehabPlanView> Plans = new(
        ItemTypes.RehabPlan, "/rehab-plans", RehabVisitEndpoints.Tag, (plan, actor) => plan.Get(actor), view => view.Id, view => view.Version);

    public static RouteGroupBuilder MapRehabPlansApi(this RouteGroupBuilder api)
    {
        var group = Plans.MapGroup(api);
        group.MapPost("/", (PlanRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains) =>
            Plans.OpenAsync(idempotencyKey, context, grains, (plan, actor) => plan.Create(request, actor), opening => (opening.Plan, opening.Created)))
            .WithSummary("Create a rehabilitation plan (康复计划), e.g. weekly for 12 weeks: one scheduled visit actor per occurrence. Requires an Idempotency-Key header").WithIdempotencyKey(required: true, ItemIds.MaxKeyLength).WithETag();
        Plans.MapReads(group, "One plan with its visits (id, number, window), its status (active, ended); the person's numbers masked",
            "The plan's events (created with the provider chosen and why, visits opened, ended)");
        Plans.MapReveal(group, RevealableFields.Rehab);
        Plans.MapAction(group, "end", "End the plan (终止计划) with a reason: every visit of it that can still be called off is cancelled with that reason",
            (EndPlan b) => (p, a, e) => p.End(b, a, e));
        return api;
    }
}
