using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Openings;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Routing;
using Dispatch.Sla;
using Dispatch.Tickets;
using Dispatch.Units;
using Dispatch.Fields;

namespace Dispatch.Rehab;

/// <summary>
/// A rehabilitation plan. Records the plan with every visit's id and window first, then asks each visit actor to exist
/// (idempotently), then records their numbers. A crash in between is finished by the next identical request.
/// </summary>
[GrainType(PlanState.StreamType)]
public sealed class RehabPlanGrain(
    EventStore store, AreaDirectory areas, UnitDirectory units, UnitPicker picker, SlaSettings sla, TimeProvider time, PersonalDataAccessLog accessLog)
    : Grain, IRehabPlanGrain
{
    private ItemStream<PlanState, PlanEvent> stream = null!;

    private PlanState State => stream.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = new ItemStream<PlanState, PlanEvent>(store, PlanState.Kind, this.GetPrimaryKey());
        await stream.LoadAsync(cancellationToken);
    }

    public async Task<Outcome<PlanOpening>> Create(PlanRequest request, Actor actor)
    {
        var fingerprint = OpeningFingerprint.Of(actor, null, request);
        var created = !State.Exists;
        if (State.Exists && State.Plan.Fingerprint != fingerprint)
        {
            return DomainError.Conflict("idempotency_key_reused", "该幂等键已用于另一份不同内容的康复计划。",
                "This Idempotency-Key was already used for a plan with different content.");
        }
        if (!State.Exists && await PlanAsync(request, fingerprint, actor) is { } refused)
        {
            return refused;
        }
        if (!State.VisitsOpened && await OpenVisitsAsync(actor) is { } failed)
        {
            return failed;
        }
        return Outcome<PlanOpening>.Success(new PlanOpening(View(actor), created));
    }

    public Task<Outcome<RehabPlanView>> Get(Actor actor) => Task.FromResult(
        CanSee(actor) ? Outcome<RehabPlanView>.Success(View(actor)) : NotFound);

    /// <summary>Records the end first, then cancels the visits; a repeat after a crash finishes the cancelling.</summary>
    public async Task<Outcome<RehabPlanView>> End(EndPlan command, Actor actor, int? expectedVersion)
    {
        var (ended, refused) = RehabPlanRules.End(State, actor, command, expectedVersion);
        if (refused is not null && refused.Code != RehabPlanRules.Ended.Code)
        {
            return refused;
        }
        if (ended is not null && !await stream.TryCommitAsync([ended], actor, time.GetUtcNow()))
        {
            return DomainError.Stale(State.Version);
        }
        if (await CancelVisitsAsync(actor) is { } failed)
        {
            return failed;
        }
        return refused is null ? Outcome<RehabPlanView>.Success(View(actor)) : refused;
    }

    public Task<Outcome<RehabPlanView>> Amend(AmendPlan command, Actor actor, int? expectedVersion) =>
        ChangeAsync(actor, expectedVersion, "调整", "amend", (facts, now) => RehabPlanRules.Amend(State, actor, command, null, facts, now, sla.Calendar));

    public Task<Outcome<RehabPlanView>> Pause(PausePlan command, Actor actor, int? expectedVersion) =>
        ChangeAsync(actor, expectedVersion, "暂停", "pause", (facts, now) => RehabPlanRules.Pause(State, actor, command, null, facts, now, sla.Calendar));

    public Task<Outcome<RehabPlanView>> Resume(ResumePlan command, Actor actor, int? expectedVersion) =>
        ChangeAsync(actor, expectedVersion, "恢复", "resume", (facts, now) => RehabPlanRules.Resume(State, actor, command, null, facts, now, sla.Calendar));

    public Task<Outcome<RevealedValue>> Reveal(RevealRequest request, string? clientAddress, Actor actor) =>
        accessLog.RevealAsync(actor, request, clientAddress, ItemTypes.RehabPlan, stream.Id, new RevealableItem(CanSee(actor), NotFound,
            RevealableFields.Rehab, RevealableItem.PersonValues(RevealableFields.PersonPhone, () => State.Plan.Person)));

    private static DomainError NotFound => DomainError.NotFound("Rehabilitation plan", "康复计划");

    private bool CanSee(Actor actor) => State.Exists && RehabAccess.CanSee(actor, State.Plan.ProviderCode, State.Plan.Person.CountyCode);

    /// <summary>What every client gets: the person's numbers masked, the name masked for supervisors.</summary>
    private RehabPlanView View(Actor actor)
    {
        var view = State.View();
        return view with { Person = PersonalDataMasks.Person(view.Person, actor) };
    }

    private async Task<DomainError?> PlanAsync(PlanRequest request, string fingerprint, Actor actor)
    {
        if (actor.Role is not (Roles.Operator or Roles.Admin or Roles.UnitStaff))
        {
            return DomainError.Forbidden("只有话务员和康复机构可以制定康复计划。", "Only operators and rehabilitation providers make plans.");
        }
        var now = time.GetUtcNow();
        var rules = RehabClockRules.From(sla.RulesAt(now));
        var (valid, invalid) = RehabOpening.Validate(request, await areas.ReferenceAsync(), rules, now, sla.LocalDate(now));
        if (invalid is not null)
        {
            return invalid;
        }
        var area = RehabOpening.ProviderArea(valid!.Person);
        var pick = valid.ProviderCode is { } code
            ? await units.FindAsync(code) is { } named ? new UnitPick(named, null) : null
            : await picker.PickAsync(area, UnitKinds.Rehab, UnitChoice.OwnUnit(actor));
        var provider = pick?.Unit;
        if (RehabOpening.CheckProvider(valid.ProviderCode, area, provider, actor, fromTicket: false) is { } refused)
        {
            return refused;
        }
        var windows = PlanSchedule.Expand(valid.First, RehabVocabulary.FrequencyDays[valid.Frequency], valid.Count, sla.Calendar);
        var visits = windows.Select((w, i) => new PlannedVisit(i + 1, PlanVisitIds.Of(stream.Id, i + 1), w.Start, w.End)).ToList();
        var plan = new PlanCreated(valid.Person.ToView(), valid.Person.PersonId, valid.ServiceType, provider!.Code, valid.Frequency,
            valid.WindowMinutes, [.. visits], valid.Note, fingerprint, pick!.Why);
        return await stream.TryCommitAsync([plan], actor, now) ? null : DomainError.Stale(State.Version);
    }

    /// <summary>
    /// Every visit of the plan that can still be called off is cancelled with the plan's reason; one already done, under
    /// way or cancelled refuses (409) and stays as it is, and one never opened (a plan interrupted before) does not exist.
    /// Those a change called off are asked too: a change a crash interrupted may not have cancelled them yet.
    /// </summary>
    private Task<DomainError?> CancelVisitsAsync(Actor actor) => CancelAsync(State.Entries.Select(e => e.Visit), State.EndReason!, actor);

    private async Task<DomainError?> CancelAsync(IEnumerable<PlannedVisit> visits, string reason, Actor actor)
    {
        var outcomes = await Task.WhenAll(visits.Select(v => Visit(v).Cancel(new VisitReason(reason), actor, null)));
        return FirstFailure(outcomes.Select(o => o.Error));
    }

    /// <summary>A visit that has moved on (409) or was never opened (404) is left as it is; anything else stops the change.</summary>
    private static DomainError? FirstFailure(IEnumerable<DomainError?> errors) =>
        errors.FirstOrDefault(e => e is not null && e.Kind is not (DomainErrorKind.Conflict or DomainErrorKind.NotFound));

    private IRehabVisitGrain Visit(PlannedVisit visit) => GrainFactory.GetGrain<IRehabVisitGrain>(visit.VisitId);

    /// <summary>
    /// An amendment, pause or resumption: who and which version first (a refused caller finishes nothing), then any change
    /// a crash interrupted is finished, the plan's visits are read, the change is decided and recorded, and only then are
    /// its visits opened, moved and cancelled. A request that changes nothing answers the plan as it is.
    /// </summary>
    private async Task<Outcome<RehabPlanView>> ChangeAsync<TEvent>(Actor actor, int? expectedVersion, string whatZh, string whatEn,
        Func<IReadOnlyDictionary<int, PlanVisitFacts>, DateTimeOffset, (TEvent? Change, DomainError? Refused)> decide)
        where TEvent : PlanEvent
    {
        if (RehabPlanRules.Gate(State, actor, expectedVersion, whatZh, whatEn) is { } refused)
        {
            return refused;
        }
        if (await FinishChangeAsync(actor) is { } unfinished)
        {
            return unfinished;
        }
        var facts = await FactsAsync(actor);
        var now = time.GetUtcNow();
        var (change, refusal) = decide(facts, now);
        if (refusal is not null)
        {
            return refusal;
        }
        if (change is not null)
        {
            if (!await stream.TryCommitAsync([change], actor, now))
            {
                return DomainError.Stale(State.Version);
            }
            if (await FinishChangeAsync(actor) is { } failed)
            {
                return failed;
            }
        }
        return Outcome<RehabPlanView>.Success(View(actor));
    }

    /// <summary>Each opened visit of the plan that no change called off, as it is now.</summary>
    private async Task<IReadOnlyDictionary<int, PlanVisitFacts>> FactsAsync(Actor actor)
    {
        var entries = State.Current.Where(e => e.Number is not null).ToList();
        var views = await Task.WhenAll(entries.Select(e => Visit(e.Visit).Get(actor)));
        return entries.Zip(views).Where(p => p.Second.Succeeded).ToDictionary(p => p.First.Visit.Sequence, p => new PlanVisitFacts(
            p.First.Visit.Sequence, p.Second.Value!.Status,
            p.Second.Value.WindowStart is { } start && p.Second.Value.WindowEnd is { } end ? new VisitWindow(start, end) : null));
    }

    /// <summary>
    /// The last change's visits: the added ones opened (their ids derived from plan and sequence, so opening again reaches
    /// the same actors) and their numbers recorded, the moved ones moved (already there: nothing happens), the cancelled
    /// ones cancelled; then the change is marked applied with the visits left without their worker.
    /// </summary>
    private async Task<DomainError?> FinishChangeAsync(Actor actor)
    {
        if (State.Pending is not { } change)
        {
            return null;
        }
        var numbered = State.Entries.Where(e => e.Number is not null).Select(e => e.Visit.Sequence).ToHashSet();
        var unopened = change.Added.Where(v => !numbered.Contains(v.Sequence)).ToList();
        if (unopened.Count > 0)
        {
            var opened = await Task.WhenAll(unopened.Select(v => Visit(v).CreateForPlan(State.Slot(v), actor)));
            if (opened.FirstOrDefault(o => !o.Succeeded) is { } failed)
            {
                return failed.Error;
            }
            var numbers = new PlanVisitsOpened([.. opened.Select(o => o.Value!.Visit.Number)], [.. unopened.Select(v => v.Sequence)]);
            if (!await stream.TryCommitAsync([numbers], actor, time.GetUtcNow()))
            {
                return DomainError.Stale(State.Version);
            }
        }
        var moves = await Task.WhenAll(change.Moved.Select(v => Visit(v).MoveForPlan(new PlanMoveRequest(State.Id, v.WindowStart, v.WindowEnd, change.Reason), actor)));
        if (FirstFailure(moves.Select(m => m.Error)) is { } unmoved)
        {
            return unmoved;
        }
        var byId = State.Entries.ToDictionary(e => e.Visit.Sequence, e => e.Visit);
        if (await CancelAsync(change.Cancelled.Select(sequence => byId[sequence]), change.Reason, actor) is { } uncancelled)
        {
            return uncancelled;
        }
        var released = change.Moved.Zip(moves).Where(p => p.Second.Value?.WorkerReleased == true).Select(p => p.First.Sequence);
        return await stream.TryCommitAsync([new PlanChangeApplied([.. released])], actor, time.GetUtcNow()) ? null : DomainError.Stale(State.Version);
    }

    private async Task<DomainError?> OpenVisitsAsync(Actor actor)
    {
        var opened = await Task.WhenAll(State.Plan.Visits.Select(v =>
            GrainFactory.GetGrain<IRehabVisitGrain>(v.VisitId).CreateForPlan(State.Slot(v), actor)));
        if (opened.FirstOrDefault(o => !o.Succeeded) is { } failed)
        {
            return failed.Error;
        }
        var numbers = opened.Select(o => o.Value!.Visit.Number).ToList();
        return await stream.TryCommitAsync([new PlanVisitsOpened([.. numbers])], actor, time.GetUtcNow()) ? null : DomainError.Stale(State.Version);
    }
}
