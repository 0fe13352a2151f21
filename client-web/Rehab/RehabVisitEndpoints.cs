using Dispatch.Tickets;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Attachments;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Rehab;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Rehab;

/// <summary>/api/rehab-visits: request (by a provider, the hotline or from a ticket), one visit, its history, one POST per action.</summary>
public static class RehabVisitEndpoints
{
    public const string Tag = "Home rehabilitation 上门康复";

    private static readonly ItemEndpoints<IRehabVisitGrain, RehabVisitView> Visits = new(
        ItemTypes.RehabVisit, "/rehab-visits", Tag, (visit, actor) => visit.Get(actor), view => view.Id, view => view.Version);

    public static RouteGroupBuilder MapRehabVisitsApi(this RouteGroupBuilder api)
    {
        var group = Visits.MapGroup(api);
        group.MapPost("/", (VisitRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains) =>
            Visits.OpenAsync(idempotencyKey, context, grains, (visit, actor) => visit.Request(request, actor), Opened)).WithSummary(
            "Request a home-rehabilitation visit (上门康复申请). Registered by the provider's own staff it is accepted (受理) at once and, with windowStart, scheduled; from anyone else it awaits the provider's acceptance, keeping windowStart as the asked window. Requires an Idempotency-Key header").WithIdempotencyKey(required: true, ItemIds.MaxKeyLength).WithETag();
        group.MapGet("/", RehabListEndpoints.Search).WithSummary("Search visits (read model): q, county, provider, status, type, worker, plan, page, pageSize");
        Visits.MapReads(group, "One visit with its window, worker and deadlines (firstVisit, window, record); ETag carries the version",
            "Every change of the visit, in order, reschedules included");
        Visits.MapReveal(group, RevealableFields.Rehab);
        api.MapPost("/tickets/{id:guid}/rehab-visits", (Guid id, [FromBody] VisitRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            HttpContext context, IGrainFactory grains) =>
            Visits.OpenFromTicketAsync(id, idempotencyKey, context, grains, (visit, actor) => visit.RequestFromTicket(id, request, actor), Opened))
            .WithTags(Tag).RequireAuthorization().WithSummary(
                "Request a visit from a ticket (转上门康复); person fields left out come from the ticket's caller. Idempotency-Key optional").WithIdempotencyKey(required: false, ItemIds.MaxKeyLength).WithETag();

        Visits.MapAction(group, RehabActions.Accept, "Accept the request (受理, the provider's staff): the first-visit clock starts; a window the request asked for is scheduled when still ahead",
            (VisitNote b) => (v, a, e) => v.Accept(b, a, e));
        Visits.MapAction(group, RehabActions.Schedule, "Schedule the visit in a window (排期): windowStart, windowMinutes (default 120)", (ScheduleVisit b) => (v, a, e) => v.Schedule(b, a, e));
        Visits.MapAction(group, RehabActions.Assign, "Assign a worker (派人); 409 when the worker is booked for an overlapping window", (AssignWorker b) => (v, a, e) => v.Assign(b, a, e));
        Visits.MapAction(group, RehabActions.Reschedule, "Move the window with a reason (改期); earlier windows stay in the history", (ScheduleVisit b) => (v, a, e) => v.Reschedule(b, a, e));
        Visits.MapAction(group, RehabActions.CheckIn, "The worker arrived (到达签到), from an hour before the window", (VisitNote b) => (v, a, e) => v.CheckIn(b, a, e));
        Visits.MapAction(group, RehabActions.Complete, "The visit is done (完成服务); notes given here also file the record", (VisitRecord b) => (v, a, e) => v.Complete(b, a, e));
        Visits.MapAction(group, RehabActions.Record, "File the visit record (服务记录), due within one working day", (VisitRecord b) => (v, a, e) => v.Record(b, a, e));
        Visits.MapAction(group, RehabActions.Miss, "Record that the visit did not happen (未上门) once its window opened", (VisitReason b) => (v, a, e) => v.Miss(b, a, e));
        Visits.MapAction(group, RehabActions.Cancel, "Cancel the visit with a reason (取消)", (VisitReason b) => (v, a, e) => v.Cancel(b, a, e));
        Visits.MapAction(group, RehabActions.Supervise, "Issue a supervision order (督办, supervisors)", (VisitNote b) => (v, a, e) => v.Supervise(b, a, e));
        Visits.MapAction(group, RehabActions.SupervisionReply, "The provider's written reply to an open supervision order (督办回复, {orderId, reply}); closes the order",
            (ReplyToOrder b) => (v, a, e) => v.ReplyToOrder(b, a, e));
        Visits.MapWork(group);
        group.MapAttachments<IRehabVisitGrain>(ItemTypes.RehabVisit);
        return api;
    }

    private static (RehabVisitView, bool) Opened(VisitOpening opening) => (opening.Visit, opening.Created);
}
