using Dispatch.Tickets;
using Dispatch.People;
using Dispatch.Web.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Tickets;

/// <summary>/api/tickets: intake, one ticket, its history, and one POST per life-cycle action.</summary>
public static class TicketEndpoints
{
    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("Tickets 工单").RequireAuthorization();
        group.MapPost("/", Register).WithSummary("Register a ticket (登记). Requires an Idempotency-Key header; the same key returns the same ticket.");
        group.MapGet("/", TicketSearchEndpoints.Search).WithSummary("Search tickets (read model): q, county, unit, status, kind, overdue, from, to, page, pageSize");
        group.MapGet("/{id:guid}", Get).WithSummary("One ticket with its deadlines; ETag carries the version");
        group.MapGet("/{id:guid}/history", TicketSearchEndpoints.History).WithSummary("Every change, in order: who, when, what, why");

        Action(group, TicketActions.Answer, "Answer on the spot (直接办结)", (ReplyToCaller b) => (t, a, v) => t.AnswerOnSpot(b, a, v));
        Action(group, TicketActions.Dispatch, "Dispatch (派单): a chosen unitCode, or automatic routing when it is empty", (DispatchTicket b) => (t, a, v) => t.Dispatch(b, a, v));
        group.MapPost("/{id:guid}/" + TicketActions.Sign, (Guid id, HttpContext context, IGrainFactory grains) =>
            ActAsync(id, context, grains, (t, a, v) => t.Sign(a, v))).WithSummary("Sign for (签收)");
        Action(group, TicketActions.Return, "Return as not ours (退单) with a reasonCode", (ReturnTicket b) => (t, a, v) => t.Return(b, a, v));
        Action(group, TicketActions.Transfer, "Transfer to another unit (转派)", (TransferTicket b) => (t, a, v) => t.Transfer(b, a, v));
        Action(group, TicketActions.Suspend, "Suspend (挂起) with a reasonCode; the clocks pause", (SuspendTicket b) => (t, a, v) => t.Suspend(b, a, v));
        Action(group, TicketActions.Resume, "Resume (恢复)", (TicketNote b) => (t, a, v) => t.Resume(b, a, v));
        Action(group, TicketActions.ExtensionRequest, "Ask for an extension (延期申请)", (RequestExtension b) => (t, a, v) => t.RequestExtension(b, a, v));
        Action(group, TicketActions.ExtensionDecision, "Decide the pending extension (延期审批, supervisors)", (DecideExtension b) => (t, a, v) => t.DecideExtension(b, a, v));
        Action(group, TicketActions.Resolve, "Resolve with a reply (办结)", (ReplyToCaller b) => (t, a, v) => t.Resolve(b, a, v));
        Action(group, TicketActions.Callback, "Record a callback (回访) or a failed attempt", (RecordCallback b) => (t, a, v) => t.RecordCallback(b, a, v));
        Action(group, TicketActions.Reopen, "Reopen when the caller is unsatisfied (重办)", (TicketNote b) => (t, a, v) => t.Reopen(b, a, v));
        Action(group, TicketActions.Close, "Close (归档)", (TicketNote b) => (t, a, v) => t.Close(b, a, v));
        Action(group, TicketActions.Merge, "Merge as a duplicate into intoTicketId (合并)", (MergeTicket b) => (t, a, v) => t.Merge(b, a, v));
        Action(group, TicketActions.Supervise, "Issue a supervision order (督办, supervisors)", (TicketNote b) => (t, a, v) => t.Supervise(b, a, v));
        return api;
    }

    private delegate Task<Outcome<TicketView>> TicketCall(ITicketGrain ticket, Actor actor, int? expectedVersion);

    private static void Action<TBody>(RouteGroupBuilder group, string action, string summary, Func<TBody, TicketCall> call) =>
        group.MapPost("/{id:guid}/" + action, (Guid id, [FromBody] TBody body, HttpContext context, IGrainFactory grains) =>
            ActAsync(id, context, grains, call(body))).WithSummary(summary);

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> ActAsync(Guid id, HttpContext context, IGrainFactory grains, TicketCall call) =>
        ItemResponses.ActAsync(context, (actor, version) => call(grains.GetGrain<ITicketGrain>(id), actor, version),
            view => view.Version, TicketPresentation.ForActor);

    private static async Task<Results<Created<TicketView>, Ok<TicketView>, ProblemHttpResult>> Register(
        TicketIntake intake, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains)
    {
        if (!ItemIds.IsUsable(idempotencyKey))
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        var id = ItemIds.FromKey(ItemTypes.Ticket, actor.UserId, idempotencyKey!.Trim());
        var outcome = await grains.GetGrain<ITicketGrain>(id).Register(intake, actor);
        var registration = outcome.Value;
        var view = outcome.Succeeded ? Outcome<TicketView>.Success(registration!.Ticket) : Outcome<TicketView>.Failure(outcome.Error!);
        return ItemResponses.Opened(context, view, registration?.Created ?? false, $"/api/tickets/{registration?.Ticket.Id}",
            registration?.Ticket.Version ?? 0, actor, TicketPresentation.ForActor);
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Get(
        Guid id, HttpContext context, IGrainFactory grains, PersonalDataAccessLog accessLog) =>
        await ItemResponses.ShownAsync(context, await grains.GetGrain<ITicketGrain>(id).Get(context.User.ToActor()), accessLog,
            ItemTypes.Ticket, id, view => view.Version, TicketPresentation.ForActor);
}
