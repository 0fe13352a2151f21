using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Units;
using static Dispatch.Items.TextRules;

namespace Dispatch.LegalAid;

/// <summary>How a case leaves its station other than by a decision or conclusion: withdrawal, transfer, termination.</summary>
public static partial class LegalAidRules
{
    /// <summary>
    /// 视为撤回 (法律援助法 Art. 43): the applicant did not supply the documents asked for by the day the station set. Only
    /// once that day has passed; a request without a day cannot lead to withdrawal.
    /// </summary>
    public static Change<LegalAidEvent> Withdraw(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Withdraw, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        if (s.DocumentRequests[^1].RespondBy is not { } respondBy)
        {
            return ActionGate.Conflict(Words, s.Status, AllowedActions(s, clocks), "no_document_deadline",
                "补充材料通知未写明期限，不能视为撤回申请。请重新通知补充材料并写明期限。",
                "The request for documents set no day, so the application cannot be deemed withdrawn. Ask again with a day.");
        }
        if (clocks.LocalDate(clocks.Now) <= respondBy)
        {
            return ActionGate.Conflict(Words, s.Status, AllowedActions(s, clocks), "documents_not_overdue",
                $"补充材料的期限（{respondBy:yyyy-MM-dd}）尚未届满，不能视为撤回申请。",
                $"The day set for the documents ({respondBy:yyyy-MM-dd}) has not passed yet; the application cannot be deemed withdrawn.");
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new ApplicationWithdrawn(respondBy, Trimmed(command.Note)));
    }

    /// <summary>
    /// 移送 to the legal-aid station competent for the matter (法律援助法 Art. 38), before the decision. The target must be
    /// another active legal-aid station; it records its own eligibility checklist.
    /// </summary>
    public static Change<LegalAidEvent> Transfer(LegalAidState s, Actor actor, TransferCase command, IClockReader clocks, UnitInfo? target)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Transfer, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(
                TargetStation(s, command.StationCode, target),
                Check("reason", command.Reason, TextLimits.Note, true, "移送理由", "reason for the transfer")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new CaseTransferred(s.StationCode, target!.Code, command.Reason!.Trim()));
    }

    /// <summary>终止法律援助 (法律援助法 Art. 48) after the grant, with its reason; "other_by_law" needs a note naming the ground.</summary>
    public static Change<LegalAidEvent> Terminate(LegalAidState s, Actor actor, TerminateAid command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Terminate, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(
                Choice("reason", command.Reason, LegalAidVocabulary.TerminationReasons, "终止理由", "reason"),
                Check("note", command.Note, TextLimits.LongText, command.Reason == "other_by_law", "终止说明", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new AidTerminated(command.Reason!, Trimmed(command.Note)));
    }

    private static FieldError? TargetStation(LegalAidState s, string? code, UnitInfo? target)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new FieldError("stationCode", "required", "请选择移送的法律援助站。", "Choose the station to transfer to.");
        }
        if (target is not { Kind: UnitKinds.LegalAid, Active: true })
        {
            return new FieldError("stationCode", "not_a_station", "所选单位不是在用的法律援助站。", "That unit is not an active legal-aid station.");
        }
        return target.Code == s.StationCode
            ? new FieldError("stationCode", "same_station", "案件已在该法律援助站。", "The case is already at that station.")
            : null;
    }
}
