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
            "The plan's events (created with the provider chosen and why, visits opened, amended, paused, resumed, change applied, ended)");
        Plans.MapReveal(group, RevealableFields.Rehab);
        Plans.MapAction(group, "end", "End the plan (终止计划) with a reason: every visit of it that can still be called off is cancelled with that reason",
            (EndPlan b) => (p, a, e) => p.End(b, a, e));
        Plans.MapAction(group, "amend", "Amend the plan going forward (调整计划): count, frequency, local time (HH:mm) and/or window length of the visits not yet started, with a reason; added visits are opened, later ones cancelled, the rest moved",
            (AmendPlan b) => (p, a, e) => p.Amend(b, a, e));
        Plans.MapAction(group, "pause", "Pause the plan (暂停) from a date (today or later), optionally until one, with a reason: its visits not yet started in the pause are cancelled",
            (PausePlan b) => (p, a, e) => p.Pause(b, a, e));
        Plans.MapAction(group, "resume", "Resume a paused plan (恢复) with a reason: as many visits as the pause cancelled are opened after the plan's last visit",
            (ResumePlan b) => (p, a, e) => p.Resume(b, a, e));
        return api;
    }
}
