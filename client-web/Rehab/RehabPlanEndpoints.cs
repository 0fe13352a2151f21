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
        group.MapGet("/{id:guid}", Get).WithSummary("One plan with its visits (id, number, window); the person's numbers masked");
        Plans.MapReveal(group, RevealableFields.Rehab);
        return api;
    }

    // A plan has no actions to guard with If-Match, so its read carries no ETag.
    private static async Task<Results<Ok<RehabPlanView>, ProblemHttpResult>> Get(Guid id, HttpContext context, IGrainFactory grains)
    {
        var actor = context.User.ToActor();
        var outcome = await grains.GetGrain<IRehabPlanGrain>(id).Get(actor);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}
