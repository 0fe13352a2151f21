using Dispatch.Web.ApiConventions;
using Dispatch.Web.Attachments;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Tickets;

/// <summary>/api/tickets: intake, one ticket, its history, and one POST per life-cycle action.</summary>
public static class TicketEndpoints
{
    public const string Tag = "Tickets 工单";

    // The ticket (masked by its grain), its history and its lists carry the caller's personal data masked; a full number
    // only by a reveal the grain logs.
    private static readonly ItemEndpoints<ITicketGrain, TicketView> Tickets = new(
        ItemTypes.Ticket, "/tickets", Tag, (ticket, actor) => ticket.Get(actor), view => view.Id, view => view.Version);

    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder api)
    {
        var group = Tickets.MapGroup(api);
        group.MapPost("/", (TicketIntake intake, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains) =>
            Tickets.OpenAsync(idempotencyKey, context, grains, (ticket, actor) => ticket.Register(intake, actor), registered => (registered.Ticket, registered.Created)))
            .WithSummary("Register a ticket (登记). Requires an Idempotency-Key header; the same key returns the same ticket.").WithIdempotencyKey(required: true, ItemIds.MaxKeyLength).WithETag();
        group.MapGet("/", TicketSearchEndpoints.Search).WithSummary("Search tickets (read model): q (a whole ticket number, or text), county, unit, status, kind, overdue, from, to, page, pageSize");
        group.MapPost("/search", TicketSearchEndpoints.SearchByBody)
            .WithSummary("Search tickets with the filters of GET /api/tickets in the body (page and pageSize in the query), and the caller's phone, " +
                "which never goes in a URL (masked in the answer)");
        Tickets.MapReads(group, "One ticket with its deadlines; ETag carries the version", "Every change, in order: who, when, what, why");
        Tickets.MapReveal(group, RevealableFields.Ticket);

        Tickets.MapAction(group, TicketActions.Answer, "Answer on the spot (直接办结)", (ReplyToCaller b) => (t, a, v) => t.AnswerOnSpot(b, a, v));
        Tickets.MapAction(group, TicketActions.Dispatch, "Dispatch (派单): a chosen unitCode, or automatic routing when it is empty", (DispatchTicket b) => (t, a, v) => t.Dispatch(b, a, v));
        Tickets.MapAction(group, TicketActions.Sign, "Sign for (签收)", (t, a, v) => t.Sign(a, v));
        Tickets.MapAction(group, TicketActions.Return, "Return as not ours (退单) with a reasonCode", (ReturnTicket b) => (t, a, v) => t.Return(b, a, v));
        Tickets.MapAction(group, TicketActions.Transfer, "Transfer to another unit (转派)", (TransferTicket b) => (t, a, v) => t.Transfer(b, a, v));
        Tickets.MapAction(group, TicketActions.Suspend, "Suspend (挂起) with a reasonCode; the clocks pause", (SuspendTicket b) => (t, a, v) => t.Suspend(b, a, v));
        Tickets.MapAction(group, TicketActions.Resume, "Resume (恢复)", (TicketNote b) => (t, a, v) => t.Resume(b, a, v));
        Tickets.MapAction(group, TicketActions.ExtensionRequest, "Ask for an extension (延期申请)", (RequestExtension b) => (t, a, v) => t.RequestExtension(b, a, v));
        Tickets.MapAction(group, TicketActions.ExtensionDecision, "Decide the pending extension (延期审批): supervisors; for a petition the head of the handling unit, with the notice to the petitioner", (DecideExtension b) => (t, a, v) => t.DecideExtension(b, a, v));
        Tickets.MapAction(group, TicketActions.Resolve, "Resolve with a reply (办结); a petition's written reply (书面答复) records its notice, a review's its outcome", (ReplyToCaller b) => (t, a, v) => t.Resolve(b, a, v));
        Tickets.MapAction(group, TicketActions.Callback, "Record a callback (回访) or a failed attempt", (RecordCallback b) => (t, a, v) => t.RecordCallback(b, a, v));
        Tickets.MapAction(group, TicketActions.Reopen, "Reopen when the caller is unsatisfied (重办)", (TicketNote b) => (t, a, v) => t.Reopen(b, a, v));
        Tickets.MapAction(group, TicketActions.Close, "Close (归档)", (TicketNote b) => (t, a, v) => t.Close(b, a, v));
        Tickets.MapAction(group, TicketActions.Merge, "Merge as a duplicate into intoTicketId (合并)", (MergeTicket b) => (t, a, v) => t.Merge(b, a, v));
        Tickets.MapAction(group, TicketActions.Supervise, "Issue a supervision order (督办, supervisors); while a unit holds the ticket it asks the unit for a written reply by a due time", (TicketNote b) => (t, a, v) => t.Supervise(b, a, v));
        Tickets.MapAction(group, TicketActions.SupervisionReply, "The unit's written reply to an open supervision order (督办回复, {orderId, reply}); closes the order", (ReplyToOrder b) => (t, a, v) => t.ReplyToOrder(b, a, v));
        Tickets.MapAction(group, TicketActions.Remind, "Remind the unit (催办, operators and supervisors) with a note: a live notice on its worklist, no clock, never escalates", (TicketNote b) => (t, a, v) => t.Remind(b, a, v));
        Tickets.MapAction(group, TicketActions.Acceptance, "Decide a petition's acceptance (受理 / 不予受理) with the written notice", (DecideAcceptance b) => (t, a, v) => t.DecideAcceptance(b, a, v));
        Tickets.MapWork(group);
        group.MapAttachments<ITicketGrain>(ItemTypes.Ticket);
        Tickets.MapAction(group, TicketActions.Review, "Ask for review (复查) or re-review (复核) of the answer: opens the review at the body one level up", (RequestReview b) => (t, a, v) => t.RequestReview(b, a, v));
        return api;
    }
}
