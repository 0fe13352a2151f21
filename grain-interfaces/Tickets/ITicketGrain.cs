using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>One hotline ticket (工单): the single writer of its state and its life cycle.</summary>
/// <remarks>
/// expectedVersion, when given, must equal the ticket's version (If-Match); otherwise the call fails with a stale-version
/// error. Every view answered masks the caller's numbers (the name for supervisors); a full number only through Reveal.
/// </remarks>
[Alias("Dispatch.Tickets.ITicketGrain")]
public interface ITicketGrain : IClockedItem, IPersonalDataItem, Items.IWorkedItem<TicketView>, Items.IAttachedItem
{
    /// <summary>登记. Calling again with the same intake returns the existing ticket (Created = false).</summary>
    [Alias("Register")] Task<Outcome<Registration>> Register(TicketIntake intake, Actor actor);
    [Alias("Get")] Task<Outcome<TicketView>> Get(Actor actor);
    [Alias("AnswerOnSpot")] Task<Outcome<TicketView>> AnswerOnSpot(ReplyToCaller command, Actor actor, int? expectedVersion);
    [Alias("Dispatch")] Task<Outcome<TicketView>> Dispatch(DispatchTicket command, Actor actor, int? expectedVersion);
    [Alias("Sign")] Task<Outcome<TicketView>> Sign(Actor actor, int? expectedVersion);
    [Alias("Return")] Task<Outcome<TicketView>> Return(ReturnTicket command, Actor actor, int? expectedVersion);
    [Alias("Transfer")] Task<Outcome<TicketView>> Transfer(TransferTicket command, Actor actor, int? expectedVersion);
    [Alias("Suspend")] Task<Outcome<TicketView>> Suspend(SuspendTicket command, Actor actor, int? expectedVersion);
    [Alias("Resume")] Task<Outcome<TicketView>> Resume(TicketNote command, Actor actor, int? expectedVersion);
    [Alias("RequestExtension")] Task<Outcome<TicketView>> RequestExtension(RequestExtension command, Actor actor, int? expectedVersion);
    [Alias("DecideExtension")] Task<Outcome<TicketView>> DecideExtension(DecideExtension command, Actor actor, int? expectedVersion);
    [Alias("Resolve")] Task<Outcome<TicketView>> Resolve(ReplyToCaller command, Actor actor, int? expectedVersion);
    [Alias("RecordCallback")] Task<Outcome<TicketView>> RecordCallback(RecordCallback command, Actor actor, int? expectedVersion);
    [Alias("Reopen")] Task<Outcome<TicketView>> Reopen(TicketNote command, Actor actor, int? expectedVersion);
    [Alias("Close")] Task<Outcome<TicketView>> Close(TicketNote command, Actor actor, int? expectedVersion);
    [Alias("Merge")] Task<Outcome<TicketView>> Merge(MergeTicket command, Actor actor, int? expectedVersion);
    [Alias("Supervise")] Task<Outcome<TicketView>> Supervise(TicketNote command, Actor actor, int? expectedVersion);

    /// <summary>督办回复 by the handling unit; closes the order.</summary>
    [Alias("ReplyToOrder")] Task<Outcome<TicketView>> ReplyToOrder(ReplyToOrder command, Actor actor, int? expectedVersion);

    /// <summary>催办 by an operator or a supervisor: a note to the unit, with no clock.</summary>
    [Alias("Remind")] Task<Outcome<TicketView>> Remind(TicketNote command, Actor actor, int? expectedVersion);

    /// <summary>受理 / 不予受理 of a petition by its handling unit.</summary>
    [Alias("DecideAcceptance")] Task<Outcome<TicketView>> DecideAcceptance(DecideAcceptance command, Actor actor, int? expectedVersion);

    /// <summary>复查 / 复核 申请: opens the review as its own ticket at the body one level up and links it here.</summary>
    [Alias("RequestReview")] Task<Outcome<TicketView>> RequestReview(RequestReview command, Actor actor, int? expectedVersion);

    /// <summary>Opens this ticket as the review of another's answer (called by that ticket). Idempotent for the same intake.</summary>
    [SiloOnly, Alias("OpenReview")] Task<Outcome<TicketView>> OpenReview(TicketIntake intake, PetitionReviewOf reviewOf, Actor actor);

    /// <summary>
    /// The ticket as <see cref="Get"/> finds it for the actor, with the caller's full numbers: a legal-aid case or visit
    /// opened from it copies the caller. Silo only, so no client gets the numbers this way.
    /// </summary>
    [SiloOnly, Alias("GetForReferral")] Task<Outcome<TicketView>> GetForReferral(Actor actor);

    /// <summary>Records on this ticket that a duplicate was merged into it. Idempotent.</summary>
    [SiloOnly, Alias("AttachDuplicate")] Task AttachDuplicate(Guid duplicateId, string duplicateNumber);

    /// <summary>Records on this ticket, as done by <paramref name="actor"/>, that a legal-aid case or visit was opened from it. Idempotent.</summary>
    [SiloOnly, Alias("AttachLink")] Task AttachLink(LinkedItem link, Actor actor);
}
