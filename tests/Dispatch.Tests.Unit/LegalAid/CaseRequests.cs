using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Tests.Unit.Tickets;
using A = Dispatch.LegalAid.LegalAidActions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>A valid request for every case action, so that only state, role or scope can refuse it.</summary>
internal static class CaseRequests
{
    public static readonly string[] All =
    [
        A.Accept, A.RequestDocuments, A.ReceiveDocuments, A.RecordEligibility, A.Grant, A.Refuse, A.Object, A.DecideObjection, A.Assign,
        A.RecordAgreement, A.RecordProgress, A.Conclude, A.Archive, A.Supervise, A.Withdraw, A.Transfer, A.Terminate,
    ];

    /// <summary>The station a transfer goes to: 秀洲区's, an active legal-aid station.</summary>
    public static readonly Dispatch.Units.UnitInfo XiuzhouStation = new("330411-LEGAL", Dispatch.Units.UnitKinds.LegalAid, "330411", true);

    /// <summary>The member an assignment names: the rotation's only, free member.</summary>
    private static readonly RosterMember Handler = RosterBuilder.Member("王律师");

    public static Change<LegalAidEvent> Take(string action, LegalAidState s, Actor actor, DateTimeOffset now)
    {
        var clocks = TicketClocks.At(now);
        return action switch
        {
            A.Accept => LegalAidRules.Accept(s, actor, new CaseNote(null), clocks),
            A.RequestDocuments => LegalAidRules.RequestDocuments(s, actor, new RequestDocuments("身份证复印件", null), clocks),
            A.ReceiveDocuments => LegalAidRules.ReceiveDocuments(s, actor, new CaseNote(null), clocks),
            A.RecordEligibility => LegalAidRules.RecordEligibility(s, actor, CaseBuilder.CompleteChecklist, clocks),
            A.Grant => LegalAidRules.Grant(s, actor, new CaseNote(null), clocks),
            A.Refuse => LegalAidRules.Refuse(s, actor, new RefuseAid("经济状况不符合条件。"), clocks),
            A.Object => LegalAidRules.RecordObjection(s, actor, new RecordObjection("家庭收入已低于标准。"), clocks),
            A.DecideObjection => LegalAidRules.DecideObjection(s, actor, new DecideObjection("grant", null), clocks),
            A.Assign => LegalAidRules.Assign(s, actor, new AssignHandler(Handler.Id), clocks, RosterBuilder.OfferOf(Handler)),
            A.RecordAgreement => LegalAidRules.RecordAgreement(s, actor, new RecordAgreement(null, null), clocks, DateOnly.FromDateTime(now.Date)),
            A.RecordProgress => LegalAidRules.RecordProgress(s, actor, new CaseNote("已向劳动仲裁委提交仲裁申请。"), clocks),
            A.Conclude => LegalAidRules.Conclude(s, actor, new ConcludeCase("won", "仲裁裁决支持全部请求。"), clocks),
            A.Archive => LegalAidRules.Archive(s, actor, new CaseNote(null), clocks),
            A.Withdraw => LegalAidRules.Withdraw(s, actor, new CaseNote(null), clocks),
            A.Transfer => LegalAidRules.Transfer(s, actor, new TransferCase(XiuzhouStation.Code, "争议处理机关在秀洲区。"), clocks, XiuzhouStation),
            A.Terminate => LegalAidRules.Terminate(s, actor, new TerminateAid("own_lawyer_engaged", null), clocks),
            A.Supervise => LegalAidRules.Supervise(s, actor, new CaseNote("请加快审查。"), clocks, Guid.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No such case action."),
        };
    }
}
