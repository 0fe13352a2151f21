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

    /// <summary>指派 a lawyer or legal worker; assigning again replaces the handler, the agreement clock keeps running.</summary>
    public static Change<LegalAidEvent> Assign(LegalAidState s, Actor actor, AssignHandler command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Assign, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        PhoneNumber? phone = null;
        var badPhone = command.Phone is { } text && !string.IsNullOrWhiteSpace(text) && !PhoneNumber.TryParse(text, out phone, out _)
            ? new FieldError("phone", "invalid_format", "承办人电话格式不正确。", "The handler's phone number is not valid.")
            : null;
        return Invalid(
                Check("handlerName", command.HandlerName, MaxNameLength, true, "承办人姓名", "handler's name"),
                Choice("kind", command.Kind, LegalAidVocabulary.HandlerKinds, "承办人类别", "handler kind"),
                Check("organisation", command.Organisation, MaxOrganisationLength, false, "所在机构", "organisation"),
                badPhone) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new HandlerAssigned(command.HandlerName!.Trim(), command.Kind!, Trimmed(command.Organisation), phone?.Value));
    }

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

    /// <summary>督办 by a supervisor whose scope covers the case.</summary>
    public static Change<LegalAidEvent> Supervise(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks, Guid orderId)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Supervise, () => LegalAidAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, true, "督办意见", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new CaseSupervisionOrdered(orderId, SupervisionCauses.Manual, command.Note!.Trim()));
    }

    private static readonly ClockEventShapes<LegalAidEvent> ClockShapes = new(
        clock => new CaseClockWarned(clock), clock => new CaseClockOverdue(clock), (id, cause, note) => new CaseSupervisionOrdered(id, cause, note));

    /// <summary>Warnings and overdue for clocks that reached those points; overdue also issues a supervision order.</summary>
    public static IReadOnlyList<LegalAidEvent> ClockEvents(LegalAidState s, IClockReader clocks, Func<Guid> newOrderId) =>
        !s.Exists || s.Status == LegalAidStatus.Archived ? [] : Items.ClockEvents.Due(s.Clocks, clocks, Words, ClockShapes, newOrderId);
}
