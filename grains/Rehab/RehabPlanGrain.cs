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
    /// </summary>
    private async Task<DomainError?> CancelVisitsAsync(Actor actor)
    {
        var reason = new VisitReason(State.EndReason);
        var outcomes = await Task.WhenAll(State.Plan.Visits.Select(v => GrainFactory.GetGrain<IRehabVisitGrain>(v.VisitId).Cancel(reason, actor, null)));
        return outcomes.FirstOrDefault(o => !o.Succeeded && o.Error!.Kind is not (DomainErrorKind.Conflict or DomainErrorKind.NotFound))?.Error;
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
