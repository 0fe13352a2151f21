using Dispatch.People;
using Dispatch.Rehab;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Rehab;

/// <summary>/api/rehab-plans: a recurring plan that becomes one visit actor per occurrence.</summary>
public static class RehabPlanEndpoints
{
    public static RouteGroupBuilder MapRehabPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rehab-plans").WithTags(RehabVisitEndpoints.Tag).RequireAuthorization();
        group.MapPost("/", Create).WithSummary(
            "Create a rehabilitation plan (康复计划), e.g. weekly for 12 weeks: one scheduled visit actor per occurrence. Requires an Idempotency-Key header");
        group.MapGet("/{id:guid}", Get).WithSummary("One plan with its visits (id, number, window)");
        return api;
    }

    private static async Task<Results<Created<RehabPlanView>, Ok<RehabPlanView>, ProblemHttpResult>> Create(
        PlanRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains)
    {
        if (!ItemIds.IsUsable(idempotencyKey))
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        var id = ItemIds.FromKey(Dispatch.People.ItemTypes.RehabPlan, actor.UserId, idempotencyKey!.Trim());
        var outcome = await grains.GetGrain<IRehabPlanGrain>(id).Create(request, actor);
        var opening = outcome.Value;
        var view = outcome.Succeeded ? Outcome<RehabPlanView>.Success(opening!.Plan) : Outcome<RehabPlanView>.Failure(outcome.Error!);
        return ItemResponses.Opened(context, view, opening?.Created ?? false, $"/api/rehab-plans/{id}", opening?.Plan.Version ?? 0, actor, Present);
    }

    private static async Task<Results<Ok<RehabPlanView>, ProblemHttpResult>> Get(Guid id, HttpContext context, IGrainFactory grains)
    {
        var actor = context.User.ToActor();
        var outcome = await grains.GetGrain<IRehabPlanGrain>(id).Get(actor);
        return outcome.Succeeded ? TypedResults.Ok(Present(outcome.Value!, actor)) : ProblemResponses.From(outcome.Error!, context);
    }

    private static RehabPlanView Present(RehabPlanView view, Actor actor) => view with { Person = ItemResponses.Present(view.Person, actor) };
}
