using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Web.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Rehab;

/// <summary>/api/rehab-visits: request (by a provider, the hotline or from a ticket), one visit, its history, one POST per action.</summary>
public static class RehabVisitEndpoints
{
    public const string Tag = "Home rehabilitation 上门康复";

    public static RouteGroupBuilder MapRehabVisitsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rehab-visits").WithTags(Tag).RequireAuthorization();
        group.MapPost("/", Request).WithSummary(
            "Request a home-rehabilitation visit (上门康复申请); with windowStart it is scheduled at once. Requires an Idempotency-Key header");
        group.MapGet("/", RehabListEndpoints.Search).WithSummary("Search visits (read model): q, county, provider, status, type, worker, plan, page, pageSize");
        group.MapGet("/{id:guid}", Get).WithSummary("One visit with its window, worker and deadlines (firstVisit, window, record); ETag carries the version");
        group.MapGet("/{id:guid}/history", RehabListEndpoints.History).WithSummary("Every change of the visit, in order, reschedules included");
        api.MapPost("/tickets/{id:guid}/rehab-visits", RequestFromTicket).WithTags(Tag).RequireAuthorization().WithSummary(
            "Request a visit from a ticket (转上门康复); person fields left out come from the ticket's caller. Idempotency-Key optional");

        Action(group, RehabActions.Schedule, "Schedule the visit in a window (排期): windowStart, windowMinutes (default 120)", (ScheduleVisit b) => (v, a, e) => v.Schedule(b, a, e));
        Action(group, RehabActions.Assign, "Assign a worker (派人); 409 when the worker is booked for an overlapping window", (AssignWorker b) => (v, a, e) => v.Assign(b, a, e));
        Action(group, RehabActions.Reschedule, "Move the window with a reason (改期); earlier windows stay in the history", (ScheduleVisit b) => (v, a, e) => v.Reschedule(b, a, e));
        Action(group, RehabActions.CheckIn, "The worker arrived (到达签到), from an hour before the window", (VisitNote b) => (v, a, e) => v.CheckIn(b, a, e));
        Action(group, RehabActions.Complete, "The visit is done (完成服务); notes given here also file the record", (VisitRecord b) => (v, a, e) => v.Complete(b, a, e));
        Action(group, RehabActions.Record, "File the visit record (服务记录), due within one working day", (VisitRecord b) => (v, a, e) => v.Record(b, a, e));
        Action(group, RehabActions.Miss, "Record that the visit did not happen (未上门) once its window opened", (VisitReason b) => (v, a, e) => v.Miss(b, a, e));
        Action(group, RehabActions.Cancel, "Cancel the visit with a reason (取消)", (VisitReason b) => (v, a, e) => v.Cancel(b, a, e));
        Action(group, RehabActions.Supervise, "Issue a supervision order (督办, supervisors)", (VisitNote b) => (v, a, e) => v.Supervise(b, a, e));
        return api;
    }

    private delegate Task<Outcome<RehabVisitView>> VisitCall(IRehabVisitGrain visit, Actor actor, int? expectedVersion);

    private static void Action<TBody>(RouteGroupBuilder group, string action, string summary, Func<TBody, VisitCall> call) =>
        group.MapPost("/{id:guid}/" + action, (Guid id, [FromBody] TBody body, HttpContext context, IGrainFactory grains) =>
            ItemResponses.ActAsync(context, (actor, version) => call(body)(grains.GetGrain<IRehabVisitGrain>(id), actor, version),
                view => view.Version, Present)).WithSummary(summary);

    private static async Task<Results<Created<RehabVisitView>, Ok<RehabVisitView>, ProblemHttpResult>> Request(
        VisitRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains)
    {
        if (!ItemIds.IsUsable(idempotencyKey))
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        var id = ItemIds.FromKey(ItemTypes.RehabVisit, actor.UserId, idempotencyKey!.Trim());
        return Opened(context, await grains.GetGrain<IRehabVisitGrain>(id).Request(request, actor), actor);
    }

    private static async Task<Results<Created<RehabVisitView>, Ok<RehabVisitView>, ProblemHttpResult>> RequestFromTicket(
        Guid id, [FromBody] VisitRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context, IGrainFactory grains)
    {
        if (idempotencyKey is { Length: > ItemIds.MaxKeyLength })
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        // Without a key, one user's repeat of the same referral from the same ticket reaches the same visit.
        var visitId = ItemIds.FromKey(ItemTypes.RehabVisit + "/ticket", actor.UserId, id + "\n" + idempotencyKey?.Trim());
        return Opened(context, await grains.GetGrain<IRehabVisitGrain>(visitId).RequestFromTicket(id, request, actor), actor);
    }

    private static Results<Created<RehabVisitView>, Ok<RehabVisitView>, ProblemHttpResult> Opened(
        HttpContext context, Outcome<VisitOpening> outcome, Actor actor)
    {
        var opening = outcome.Value;
        var view = outcome.Succeeded ? Outcome<RehabVisitView>.Success(opening!.Visit) : Outcome<RehabVisitView>.Failure(outcome.Error!);
        return ItemResponses.Opened(context, view, opening?.Created ?? false, $"/api/rehab-visits/{opening?.Visit.Id}",
            opening?.Visit.Version ?? 0, actor, Present);
    }

    private static async Task<Results<Ok<RehabVisitView>, ProblemHttpResult>> Get(
        Guid id, HttpContext context, IGrainFactory grains, PersonalDataAccessLog accessLog) =>
        await ItemResponses.ShownAsync(context, await grains.GetGrain<IRehabVisitGrain>(id).Get(context.User.ToActor()), accessLog,
            ItemTypes.RehabVisit, id, view => view.Version, Present);

    public static RehabVisitView Present(RehabVisitView view, Actor actor) => view with { Person = ItemResponses.Present(view.Person, actor) };
}
