using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;
using static Dispatch.Items.TextRules;

namespace Dispatch.LegalAid;

/// <summary>Review and decision: acceptance, missing documents, grant, refusal, objection and its review.</summary>
public static partial class LegalAidRules
{
    /// <summary>受理: the decision clock starts here under the 2012 rules (v1); under the Law (v2) it already runs from receipt.</summary>
    public static Change<LegalAidEvent> Accept(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Accept, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new CaseAccepted(Trimmed(command.Note)));
    }

    /// <summary>
    /// 补充材料: the time the applicant takes is not counted, so the decision clock pauses. The day set for the documents
    /// (respondBy) may be today or later.
    /// </summary>
    public static Change<LegalAidEvent> RequestDocuments(LegalAidState s, Actor actor, RequestDocuments command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.RequestDocuments, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        var past = command.RespondBy < clocks.LocalDate(clocks.Now)
            ? new FieldError("respondBy", "in_past", "补充材料的期限不能早于今天。", "The day for the documents cannot lie before today.")
            : null;
        return Invalid(
                Check("documents", command.Documents, TextLimits.Note, true, "需补充的材料", "list of missing documents"),
                Check("note", command.Note, TextLimits.Note, false, "备注", "note"),
                past) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new DocumentsRequested(command.Documents!.Trim(), Trimmed(command.Note), command.RespondBy));
    }

    public static Change<LegalAidEvent> ReceiveDocuments(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.ReceiveDocuments, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new DocumentsReceived(Trimmed(command.Note)));
    }

    /// <summary>资格审查: records the whole eligibility checklist (《法律援助法》 Arts. 31, 32, 34, 38, 42), replacing any earlier one.</summary>
    public static Change<LegalAidEvent> RecordEligibility(LegalAidState s, Actor actor, RecordEligibility command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.RecordEligibility, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return EligibilityRules.Check(command) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new EligibilityRecorded(command.Scope, command.Means, Trimmed(command.MeansBasis), command.ExemptMatter,
                command.ExemptPerson, command.Competent, Trimmed(command.Note)));
    }

    /// <summary>决定给予援助, on a complete checklist at a competent station: the decision clock stops, the assignment clock starts.</summary>
    public static Change<LegalAidEvent> Grant(LegalAidState s, Actor actor, CaseNote command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Grant, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        if (EligibilityRules.BlocksGrant(s, AllowedActions(s, clocks)) is { } ineligible)
        {
            return ineligible;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new AidGranted(Trimmed(command.Note)));
    }

    /// <summary>决定不予援助 with the reasons told to the applicant; the objection window opens when the case's rule version has one.</summary>
    public static Change<LegalAidEvent> Refuse(LegalAidState s, Actor actor, RefuseAid command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.Refuse, () => LegalAidAccess.IsStation(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("reasons", command.Reasons, TextLimits.LongText, true, "不予援助的理由", "reasons for the refusal")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new AidRefused(command.Reasons!.Trim()));
    }

    /// <summary>异议: within the objection window where the rule version has one, else until archived; the review clock starts.</summary>
    public static Change<LegalAidEvent> RecordObjection(LegalAidState s, Actor actor, RecordObjection command, IClockReader clocks)
    {
        if (s.Exists && LegalAidAccess.CanSee(actor, s) && s.Status == LegalAidStatus.Refused && s.Objection is null && !ObjectionWindowOpen(s, clocks))
        {
            return ActionGate.Conflict(Words, s.Status, AllowedActions(s, clocks), "objection_window_closed",
                $"该案件已{Words.StatusZh(s.Status)}，异议期限（{s.Rules.ObjectionWindow}）已过，不能再登记异议。",
                $"The legal-aid case is {s.Status} and the objection window ({s.Rules.ObjectionWindow}) has closed; no objection can be recorded now.");
        }
        if (Gate(s, actor, clocks, LegalAidActions.Object, () => LegalAidAccess.MayRecordObjection(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("grounds", command.Grounds, TextLimits.LongText, true, "异议理由", "grounds of the objection")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new ObjectionRecorded(command.Grounds!.Trim()));
    }

    /// <summary>异议审查 by the justice bureau: grant aid after all, or uphold the refusal with reasons.</summary>
    public static Change<LegalAidEvent> DecideObjection(LegalAidState s, Actor actor, DecideObjection command, IClockReader clocks)
    {
        if (Gate(s, actor, clocks, LegalAidActions.DecideObjection, () => LegalAidAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        var upheld = command.Decision == ObjectionRulings.UpholdRefusal;
        return Invalid(
                Choice("decision", command.Decision, LegalAidVocabulary.ObjectionDecisions, "审查决定", "decision"),
                Check("note", command.Note, TextLimits.LongText, upheld, "审查意见", "review note")) is { } invalid
            ? invalid
            : Change<LegalAidEvent>.Of(new ObjectionDecided(command.Decision!, Trimmed(command.Note)));
    }
}
