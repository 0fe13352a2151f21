using Dispatch.Identity;
using Dispatch.Tickets;
using Dispatch.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>Every life-cycle action with a valid request, so that only the ticket's state or the actor can refuse it.</summary>
internal static class ActionRequests
{
    public static readonly Guid OrderId = Guid.Parse("5a000000-0000-0000-0000-000000000001");

    /// <summary>An earlier, open ticket that a duplicate may be merged into.</summary>
    public static readonly TicketView EarlierTicket = new()
    {
        Id = Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-000000000000"),
        Number = "JX12385-20260301-000007",
        Status = TicketStatus.Dispatched,
    };

    public static IReadOnlyList<string> All { get; } =
    [
        TicketActions.Answer, TicketActions.Dispatch, TicketActions.Sign, TicketActions.Return, TicketActions.Transfer,
        TicketActions.Suspend, TicketActions.Resume, TicketActions.ExtensionRequest, TicketActions.ExtensionDecision,
        TicketActions.Resolve, TicketActions.Callback, TicketActions.Reopen, TicketActions.Close, TicketActions.Merge,
        TicketActions.Supervise, TicketActions.SupervisionReply, TicketActions.Remind,
    ];

    public static Change<TicketEvent> Take(string action, TicketState s, Actor actor, DateTimeOffset now) => action switch
    {
        TicketActions.Answer => TicketRules.AnswerOnSpot(s, actor, new ReplyToCaller("已告知办理残疾人证所需材料。")),
        TicketActions.Dispatch => TicketRules.Dispatch(
            s, actor, new DispatchTicket(Units.NanhuLegal, null), Units.Target(Units.NanhuLegal), automatic: false),
        TicketActions.Sign => TicketRules.Sign(s, actor),
        TicketActions.Return => TicketRules.Return(s, actor, new ReturnTicket("not_our_responsibility", null), OrderId),
        TicketActions.Transfer => TicketRules.Transfer(s, actor, new TransferTicket(Units.NanhuRehab, null), Units.Target(Units.NanhuRehab)),
        TicketActions.Suspend => TicketRules.Suspend(s, actor, new SuspendTicket("awaiting_citizen_documents", null)),
        TicketActions.Resume => TicketRules.Resume(s, actor, new TicketNote(null)),
        TicketActions.ExtensionRequest => TicketRules.RequestExtension(
            s, actor, new RequestExtension(2, "working_days", "需等待区民政局出具意见"), TicketBuilder.SecondExtension, TicketClocks.At(now)),
        TicketActions.ExtensionDecision => TicketRules.DecideExtension(s, actor, new DecideExtension(null, true, null), TicketClocks.Later),
        TicketActions.Resolve => TicketRules.Resolve(s, actor, new ReplyToCaller("已协调街道核实，补贴已于本周发放。"), TicketClocks.Later),
        TicketActions.Callback => TicketRules.RecordCallback(s, actor, new RecordCallback(true, "satisfied", null), TicketClocks.At(now)),
        TicketActions.Reopen => TicketRules.Reopen(s, actor, new TicketNote(null)),
        TicketActions.Close => TicketRules.Close(s, actor, new TicketNote(null)),
        TicketActions.Merge => TicketRules.Merge(s, actor, EarlierTicket),
        TicketActions.Supervise => TicketRules.Supervise(s, actor, new TicketNote("请加快办理。"), OrderId, TicketClocks.At(now)),
        TicketActions.SupervisionReply => TicketRules.ReplyToOrder(s, actor, new ReplyToOrder(OrderId, "已约谈经办人，本周内办结。")),
        TicketActions.Remind => TicketRules.Remind(s, actor, new TicketNote("来电人再次来电询问进度，请尽快办理。")),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a ticket action."),
    };
}
