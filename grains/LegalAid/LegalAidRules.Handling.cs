using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Tickets;
using static Dispatch.Items.TextRules;

namespace Dispatch.LegalAid;

/// <summary>After the grant: assignment, agreement, progress, conclusion, archive; supervision and clock alarms.</summary>
public static partial class LegalAidRules
{
    public const int MaxNameLength = 50;
    public const int MaxOrganisationLength = 100;

    /// <summary>
    /// 指派 a member of the station's roster (<paramref name="offer"/>: the rotation over the roster for this case);
    /// assigning again replaces the handler, the agreement clock keeps running. Without a member: nobody is typed by hand.
    /// One not on the roster is not found, a conflicted one refused naming the conflict, one on leave, left or at the cap
    /// refused; another than the rotation's pick needs a reason.
    /// </summary>
    public static Change<LegalAidEvent> Assign(LegalAidState s, Actor actor, AssignHandler command, IClockReader clocks, RotationOffer offer)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Assign, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return command.MemberId is { } memberId
            ? AssignMember(memberId, command.Reason, offer)
            : DomainError.Validation(new FieldError("memberId", "member_required",
                "指派须从本站名册中选择；请先将其加入名册。", "An assignment must choose a member of the station's roster; add the person to the roster first."));
    }

    /// <summary>Offered to the clerk when 指派 is allowed: the rotation over the roster (numbers masked by the grain).</summary>
    public static DomainError? MayOfferRotation(LegalAidState s, Actor actor, IClockReader clocks) =>
        Gate(s, actor, clocks, LegalAidActions.Assign, () => LegalAidAccess.IsStation(actor, s));

    private static Change<LegalAidEvent> AssignMember(Guid memberId, string? reason, RotationOffer offer)
    {
        if (offer.Members.FirstOrDefault(e => e.Member.Id == memberId) is not { } entry)
        {
            return DomainError.Validation(new FieldError("memberId", "not_on_roster",
                "该人员不在本法律援助机构的名册中；请先将其加入名册，再指派。",
                "This person is not on the station's roster; add them to the roster first, then assign."));
        }
        var member = entry.Member;
        if (entry.Skip == RotationSkips.Conflict)
        {
            return DomainError.Conflict("conflict_of_interest", entry.ConflictCase is { } number
                    ? $"利益冲突：{member.Name} 曾在案件 {number} 中为或对当事人「{entry.ConflictParty}」办理，不能指派。"
                    : $"利益冲突：{member.Name} 已申报与当事人「{entry.ConflictParty}」存在利益冲突，不能指派。",
                entry.ConflictCase is { } en
                    ? $"Conflict of interest: {member.Name} acted for or against the party \"{entry.ConflictParty}\" in case {en} and cannot be assigned."
                    : $"Conflict of interest: {member.Name} declared a conflict with the party \"{entry.ConflictParty}\" and cannot be assigned.");
        }
        if (entry.Skip is { } skip)
        {
            return skip switch
            {
                RotationSkips.OnLeave => DomainError.Conflict("member_on_leave", $"{member.Name} 今天休假，不能指派。", $"{member.Name} is on leave today and cannot be assigned."),
                RotationSkips.AtCap => MemberAtCap(member.Name, member.MaxOpenCases),
                _ => DomainError.Conflict("member_left", $"{member.Name} 已不在名册轮派中。", $"{member.Name} has left the roster."),
            };
        }
        var pick = offer.Pick == memberId;
        var why = Trimmed(reason);
        var badReason = !pick && why is null
            ? new FieldError("reason", "required", "未按轮派顺序指派时须说明理由。", "Choosing another member than the rotation's pick needs a reason.")
            : Check("reason", reason, TextLimits.Note, false, "理由", "reason");
        return Invalid(badReason) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new HandlerAssigned(member.Name, member.Kind, member.Organisation, member.Phone, memberId, pick, why));
    }

    /// <summary>The member already holds as many open cases as the roster allows (also when another assignment took the last slot first).</summary>
    public static DomainError MemberAtCap(string name, int cap) => DomainError.Conflict("member_at_cap", $"{name} 在办案件已达上限（{cap} 件）。",
        $"{name} already has the most open cases allowed ({cap}).");

    /// <summary>委托协议 signed with the client; the case is in progress. The date may not lie in the future.</summary>
    public static Change<LegalAidEvent> RecordAgreement(LegalAidState s, Actor actor, RecordAgreement command, IClockReader clocks, DateOnly today)
    {
        if (Gate(s, actor, clocks, LegalAidActions.RecordAgreement, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        var future = command.SignedOn > today
            ? new FieldError("signedOn", "in_future", "协议签订日期不能晚于今天。", "The agreement cannot be signed after today.")
            : null;
        return Invalid(future, Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new AgreementRecorded(command.SignedOn ?? today, Trimmed(command.Note)));
    }

    public static Change<LegalAidEvent> RecordProgress(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.RecordProgress, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.LongText, true, "办理进展", "progress note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new ProgressRecorded(command.Note!.Trim(), actor.UserId));
    }

    /// <summary>结案 with an outcome and a summary of what was achieved.</summary>
    public static Change<LegalAidEvent> Conclude(LegalAidState s, Actor actor, ConcludeCase command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Conclude, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(
                Choice("outcome", command.Outcome, LegalAidVocabulary.Outcomes, "结案结果", "outcome"),
                Check("summary", command.Summary, TextLimits.LongText, true, "结案摘要", "summary")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new CaseConcluded(command.Outcome!, command.Summary!.Trim()));
    }

    /// <summary>归档: a concluded case, or a refusal that stands (objection window over or absent, or objection decided).</summary>
    public static Change<LegalAidEvent> Archive(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Archive, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new CaseArchived(Trimmed(command.Note)));
    }

    /// <summary>
    /// 督办 by a supervisor whose scope covers the case: it asks the station for a written reply within the unit level's
    /// reply time (supervision.json); unanswered, it escalates to the county and then the city.
    /// </summary>
    public static Change<LegalAidEvent> Supervise(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks, Guid orderId)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Supervise, () => LegalAidAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, true, "督办意见", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(Order(s, orderId, SupervisionCauses.Manual, command.Note!.Trim(), clocks));
    }

    /// <summary>督办回复: the station's staff answer an open order in writing, which closes it.</summary>
    public static Change<LegalAidEvent> ReplyToOrder(LegalAidState s, Actor actor, ReplyToOrder command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.SupervisionReply, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        var (order, reply, invalid) = SupervisionOrders.Answer(s.SupervisionOrders, command.OrderId, command.Reply, Words);
        if (invalid is not null)
        {
            return invalid;
        }
        return order!.Open
            ? Change<LegalAidEvent>.Of(new CaseSupervisionReplied(order.OrderId, reply!, actor.UserId))
            : ActionGate.Conflict(Words, s.Status, AllowedActions(s, clocks), SupervisionOrders.NotOpenCode, SupervisionOrders.NotOpen.Zh, SupervisionOrders.NotOpen.En);
    }

    /// <summary>An order of this cause, asking the station holding the case for a reply.</summary>
    private static CaseSupervisionOrdered Order(LegalAidState s, Guid orderId, string cause, string? note, IClockReader clocks) =>
        new(orderId, cause, note, SupervisionOrders.ReplyWithin(s.StationCode, clocks));

    /// <summary>
    /// Warnings and overdue for clocks that reached those points (overdue also issues a supervision order), and each open
    /// order unanswered at its due time going one level up (also on an archived case: the order waits for its reply).
    /// </summary>
    public static IReadOnlyList<LegalAidEvent> ClockEvents(LegalAidState s, IClockReader clocks, Func<Guid> newOrderId)
    {
        if (!s.Exists)
        {
            return [];
        }
        var shapes = new ClockEventShapes<LegalAidEvent>(
            clock => new CaseClockWarned(clock), clock => new CaseClockOverdue(clock), (id, cause, note) => Order(s, id, cause, note, clocks));
        IEnumerable<LegalAidEvent> alarms = s.Status == LegalAidStatus.Archived ? [] : Items.ClockEvents.Due(s.Clocks, clocks, Words, shapes, newOrderId);
        return [.. alarms, .. SupervisionOrders.Due(s.SupervisionOrders, clocks).Select(e => new CaseSupervisionEscalated(e.OrderId, e.Cause, e.Level, e.ReplyWithin))];
    }
}
