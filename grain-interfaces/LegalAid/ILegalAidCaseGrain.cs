using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.PersonalData;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>One legal-aid case (法律援助案件): the single writer of its state, its life cycle and its statutory clocks.</summary>
/// <remarks>
/// expectedVersion, when given, must equal the case's version (If-Match); otherwise the call fails with a stale-version
/// error. Every view answered masks the applicant's numbers (the name for supervisors); a full number only through Reveal.
/// </remarks>
[Alias("Dispatch.LegalAid.ILegalAidCaseGrain")]
public interface ILegalAidCaseGrain : IClockedItem, IPersonalDataItem, Items.IWorkedItem<LegalAidCaseView>, Items.IAttachedItem
{
    /// <summary>Registers an application at a station. Calling again with the same application returns the existing case.</summary>
    [Alias("Open")] Task<Outcome<CaseOpening>> Open(LegalAidApplication application, Actor actor);

    /// <summary>Registers an application arising from a ticket and records the link on both. Idempotent like <see cref="Open"/>.</summary>
    [Alias("OpenFromTicket")] Task<Outcome<CaseOpening>> OpenFromTicket(Guid ticketId, LegalAidApplication application, Actor actor);

    [Alias("Get")] Task<Outcome<LegalAidCaseView>> Get(Actor actor);
    [Alias("Accept")] Task<Outcome<LegalAidCaseView>> Accept(CaseNote command, Actor actor, int? expectedVersion);
    [Alias("RequestDocuments")] Task<Outcome<LegalAidCaseView>> RequestDocuments(RequestDocuments command, Actor actor, int? expectedVersion);
    [Alias("ReceiveDocuments")] Task<Outcome<LegalAidCaseView>> ReceiveDocuments(CaseNote command, Actor actor, int? expectedVersion);
    [Alias("RecordEligibility")] Task<Outcome<LegalAidCaseView>> RecordEligibility(RecordEligibility command, Actor actor, int? expectedVersion);
    /// <summary>Grants aid; refused (409) while the eligibility checklist is incomplete or names this station not competent.</summary>
    [Alias("Grant")] Task<Outcome<LegalAidCaseView>> Grant(CaseNote command, Actor actor, int? expectedVersion);
    [Alias("Refuse")] Task<Outcome<LegalAidCaseView>> Refuse(RefuseAid command, Actor actor, int? expectedVersion);
    [Alias("RecordObjection")] Task<Outcome<LegalAidCaseView>> RecordObjection(RecordObjection command, Actor actor, int? expectedVersion);
    [Alias("DecideObjection")] Task<Outcome<LegalAidCaseView>> DecideObjection(DecideObjection command, Actor actor, int? expectedVersion);
    [Alias("Assign")] Task<Outcome<LegalAidCaseView>> Assign(AssignHandler command, Actor actor, int? expectedVersion);
    /// <summary>The roster's offer for this case (轮派): every member with why it is or is not eligible, and the pick.</summary>
    [Alias("Rotation")] Task<Outcome<RotationOffer>> Rotation(Actor actor);
    [Alias("RecordAgreement")] Task<Outcome<LegalAidCaseView>> RecordAgreement(RecordAgreement command, Actor actor, int? expectedVersion);
    [Alias("RecordProgress")] Task<Outcome<LegalAidCaseView>> RecordProgress(CaseNote command, Actor actor, int? expectedVersion);
    [Alias("Conclude")] Task<Outcome<LegalAidCaseView>> Conclude(ConcludeCase command, Actor actor, int? expectedVersion);
    [Alias("Archive")] Task<Outcome<LegalAidCaseView>> Archive(CaseNote command, Actor actor, int? expectedVersion);
    [Alias("Withdraw")] Task<Outcome<LegalAidCaseView>> Withdraw(CaseNote command, Actor actor, int? expectedVersion);
    [Alias("Transfer")] Task<Outcome<LegalAidCaseView>> Transfer(TransferCase command, Actor actor, int? expectedVersion);
    [Alias("Terminate")] Task<Outcome<LegalAidCaseView>> Terminate(TerminateAid command, Actor actor, int? expectedVersion);
    [Alias("Supervise")] Task<Outcome<LegalAidCaseView>> Supervise(CaseNote command, Actor actor, int? expectedVersion);

    /// <summary>督办回复: the station's written reply to an open supervision order.</summary>
    [Alias("ReplyToOrder")] Task<Outcome<LegalAidCaseView>> ReplyToOrder(Tickets.ReplyToOrder command, Actor actor, int? expectedVersion);
}
