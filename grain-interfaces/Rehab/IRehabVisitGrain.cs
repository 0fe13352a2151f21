using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.PersonalData;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>One home-rehabilitation visit (上门康复服务): the single writer of its window, worker, life cycle and clocks.</summary>
/// <remarks>
/// expectedVersion, when given, must equal the visit's version (If-Match); otherwise the call fails with a stale-version
/// error. Every view answered masks the person's numbers (the name for supervisors); a full number only through Reveal.
/// </remarks>
[Alias("Dispatch.Rehab.IRehabVisitGrain")]
public interface IRehabVisitGrain : IClockedItem, IPersonalDataItem, Items.IWorkedItem<RehabVisitView>, Items.IAttachedItem
{
    /// <summary>A visit requested by a provider or the hotline. Calling again with the same request returns the existing visit.</summary>
    [Alias("Request")] Task<Outcome<VisitOpening>> Request(VisitRequest request, Actor actor);

    /// <summary>A visit arising from a ticket, linked on both. Idempotent like <see cref="Request"/>.</summary>
    [Alias("RequestFromTicket")] Task<Outcome<VisitOpening>> RequestFromTicket(Guid ticketId, VisitRequest request, Actor actor);

    /// <summary>One visit of a plan, created scheduled in its window. Idempotent: a plan may repeat it after a crash.</summary>
    [SiloOnly, Alias("CreateForPlan")] Task<Outcome<VisitOpening>> CreateForPlan(PlanSlot slot, Actor actor);

    /// <summary>
    /// A plan's amendment moves this visit, not yet started, to a new window: the worker goes along when still free (the
    /// bookings and the roster allow it), otherwise the visit is left without one. Already in that window: nothing changes.
    /// </summary>
    [SiloOnly, Alias("MoveForPlan")] Task<Outcome<PlanMove>> MoveForPlan(PlanMoveRequest request, Actor actor);

    [Alias("Get")] Task<Outcome<RehabVisitView>> Get(Actor actor);
    /// <summary>受理 by the provider: the first-visit clock starts; a window the request asked for is scheduled when still ahead.</summary>
    [Alias("Accept")] Task<Outcome<RehabVisitView>> Accept(VisitNote command, Actor actor, int? expectedVersion);
    [Alias("Schedule")] Task<Outcome<RehabVisitView>> Schedule(ScheduleVisit command, Actor actor, int? expectedVersion);
    [Alias("Assign")] Task<Outcome<RehabVisitView>> Assign(AssignWorker command, Actor actor, int? expectedVersion);
    [Alias("Reschedule")] Task<Outcome<RehabVisitView>> Reschedule(ScheduleVisit command, Actor actor, int? expectedVersion);
    [Alias("CheckIn")] Task<Outcome<RehabVisitView>> CheckIn(VisitNote command, Actor actor, int? expectedVersion);
    [Alias("Complete")] Task<Outcome<RehabVisitView>> Complete(VisitRecord command, Actor actor, int? expectedVersion);
    [Alias("Record")] Task<Outcome<RehabVisitView>> Record(VisitRecord command, Actor actor, int? expectedVersion);
    [Alias("Miss")] Task<Outcome<RehabVisitView>> Miss(VisitReason command, Actor actor, int? expectedVersion);
    [Alias("Cancel")] Task<Outcome<RehabVisitView>> Cancel(VisitReason command, Actor actor, int? expectedVersion);
    [Alias("Supervise")] Task<Outcome<RehabVisitView>> Supervise(VisitNote command, Actor actor, int? expectedVersion);

    /// <summary>督办回复: the provider's written reply to an open supervision order.</summary>
    [Alias("ReplyToOrder")] Task<Outcome<RehabVisitView>> ReplyToOrder(Tickets.ReplyToOrder command, Actor actor, int? expectedVersion);
}

/// <summary>
/// A rehabilitation plan (康复计划): expands into one visit actor per occurrence. Its view carries the person, masked
/// like a visit's; a full number only through Reveal.
/// </summary>
[Alias("Dispatch.Rehab.IRehabPlanGrain")]
public interface IRehabPlanGrain : IPersonalDataItem
{
    /// <summary>Creates the plan and its visits. Calling again with the same request returns the plan (and finishes an interrupted expansion).</summary>
    [Alias("Create")] Task<Outcome<PlanOpening>> Create(PlanRequest request, Actor actor);

    [Alias("Get")] Task<Outcome<RehabPlanView>> Get(Actor actor);

    /// <summary>
    /// 终止计划: the plan ends and every visit of it that can still be called off is cancelled with the reason. Calling it
    /// on an ended plan finishes cancellations a crash interrupted, then answers 409 plan_ended.
    /// </summary>
    [Alias("End")] Task<Outcome<RehabPlanView>> End(EndPlan command, Actor actor, int? expectedVersion);

    /// <summary>
    /// 调整计划: the number of visits, the frequency and/or the time and length of the visits not yet started, with a reason.
    /// The change is recorded first, then visits are opened, moved and cancelled; any later call finishes what a crash
    /// interrupted, and a repeat of an amendment already made changes nothing.
    /// </summary>
    [Alias("Amend")] Task<Outcome<RehabPlanView>> Amend(AmendPlan command, Actor actor, int? expectedVersion);

    /// <summary>暂停: the visits not yet started in the pause are cancelled with the reason.</summary>
    [Alias("Pause")] Task<Outcome<RehabPlanView>> Pause(PausePlan command, Actor actor, int? expectedVersion);

    /// <summary>恢复: as many visits as the pause called off are opened after the plan's last one.</summary>
    [Alias("Resume")] Task<Outcome<RehabPlanView>> Resume(ResumePlan command, Actor actor, int? expectedVersion);
}
