using Dispatch.Scopes;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.Tickets;
using Dispatch.Units;
using Dispatch.Fields;
using Dispatch.Numbers;
using Dispatch.Openings;
using Dispatch.Routing;

namespace Dispatch.Rehab;

/// <summary>A visit request that passed <see cref="RehabOpening.Validate(VisitRequest, IntakeReference, RehabClockRules, DateTimeOffset, DateOnly)"/>.</summary>
public sealed record ValidVisitRequest(ValidPerson Person, string ServiceType, string? ProviderCode, VisitWindow? Window, string? Note);

/// <summary>A plan request that passed validation, with its windows laid out.</summary>
public sealed record ValidPlanRequest(
    ValidPerson Person, string ServiceType, string? ProviderCode, string Frequency, int Count, int WindowMinutes, VisitWindow First, string? Note);

/// <summary>What makes a visit or plan request acceptable and which provider takes it. No I/O: the grain looks things up.</summary>
public static class RehabOpening
{
    public const int MaxPlanVisits = 52;

    public static readonly UnitChoice Provider = new(UnitKinds.Rehab, "providerCode", "可上门服务的康复机构", "rehabilitation provider",
        "no_provider", "not_a_provider", "只能为本康复机构登记上门服务。", "Provider staff request visits only for their own provider.");

    /// <summary>A visit opens at a rehabilitation provider: the one named, or the provider serving the person's county.</summary>
    public static readonly UnitOpening<VisitRequest, ValidVisitRequest, RehabEvent> AtProvider = new(
        DailyNumberSeries.RehabVisits, Provider, MayRequest, WithTicketDefaults,
        (request, context) => Validate(request, context.Reference, RehabClockRules.From(context.Rules), context.Now, context.Today),
        valid => (valid.ProviderCode, ProviderArea(valid.Person)),
        (valid, provider, ticket, number, context, fingerprint) =>
            Request(valid, provider, ticket, number, RehabClockRules.From(context.Rules), context.Now, fingerprint,
                AcceptsAtOnce(context.Actor, provider.Code), context.Routing));

    public static (ValidVisitRequest? Request, DomainError? Error) Validate(
        VisitRequest request, IntakeReference reference, RehabClockRules rules, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<FieldError>();
        var person = PersonRules.Validate(request.Person, "person", reference, today, errors);
        AddIf(errors, TextRules.Choice("serviceType", request.ServiceType, RehabVocabulary.ServiceTypes, "服务类型", "service type"));
        AddIf(errors, TextRules.Check("note", request.Note, TextLimits.Note, false, "备注", "note"));
        var window = request.WindowStart is null && request.WindowMinutes is null ? null : RehabRules.WindowOf(request.WindowStart, request.WindowMinutes, rules, now, errors);
        if (errors.Count > 0)
        {
            return (null, DomainError.Validation([.. errors]));
        }
        return (new ValidVisitRequest(person!, request.ServiceType!, TextRules.Trimmed(request.ProviderCode), window, TextRules.Trimmed(request.Note)), null);
    }

    public static (ValidPlanRequest? Request, DomainError? Error) Validate(
        PlanRequest request, IntakeReference reference, RehabClockRules rules, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<FieldError>();
        var person = PersonRules.Validate(request.Person, "person", reference, today, errors);
        AddIf(errors, TextRules.Choice("serviceType", request.ServiceType, RehabVocabulary.ServiceTypes, "服务类型", "service type"));
        AddIf(errors, TextRules.Choice("frequency", request.Frequency, RehabVocabulary.FrequencyDays.Keys.ToHashSet(), "频次", "frequency"));
        AddIf(errors, CountError(request.Count));
        AddIf(errors, TextRules.Check("note", request.Note, TextLimits.Note, false, "备注", "note"));
        var first = RehabRules.WindowOf(request.FirstWindowStart, request.WindowMinutes, rules, now, errors, "firstWindowStart");
        if (errors.Count > 0)
        {
            return (null, DomainError.Validation([.. errors]));
        }
        return (new ValidPlanRequest(person!, request.ServiceType!, TextRules.Trimmed(request.ProviderCode), request.Frequency!, request.Count!.Value,
            request.WindowMinutes ?? rules.DefaultWindowMinutes, first!, TextRules.Trimmed(request.Note)), null);
    }

    /// <summary>A plan has 1 to <see cref="MaxPlanVisits"/> visits.</summary>
    public static FieldError? CountError(int? count) => count is >= 1 and <= MaxPlanVisits
        ? null
        : new FieldError("count", count is null ? "required" : "invalid_value", $"上门次数须为 1 到 {MaxPlanVisits}。", $"The number of visits must be 1 to {MaxPlanVisits}.");

    /// <summary>Where the provider is looked for when none is named: the person's county (city-level: the city's centre).</summary>
    public static string ProviderArea(ValidPerson person) => person.CountyCode;

    /// <summary>The provider must be an active rehabilitation provider; provider staff request only for their own.</summary>
    /// <summary>The provider must be an active rehabilitation provider; provider staff request visits only for their own.</summary>
    public static DomainError? CheckProvider(string? named, string area, UnitInfo? provider, Actor actor, bool fromTicket) =>
        Provider.Check(named, area, provider, actor, fromTicket);

    /// <summary>Operators, administrators and provider staff request visits.</summary>
    public static DomainError? MayRequest(Actor actor) => ItemOpening.IsOpener(actor)
        ? null
        : DomainError.Forbidden("只有话务员和康复机构可以登记上门服务。", "Only operators and rehabilitation providers request visits.");

    /// <summary>The provider's own staff accept what they register themselves; a request from anyone else waits for 受理.</summary>
    public static bool AcceptsAtOnce(Actor actor, string providerCode) => ActorScope.Of(actor).IsStaffOf(providerCode);

    /// <summary>
    /// The visit requested at its provider (checked by <see cref="CheckProvider"/>). Registered by the provider's own staff
    /// it is accepted at once (and scheduled when a window was given); otherwise it waits for the provider to accept it,
    /// keeping the window it asked for until then. <paramref name="routing"/> says why this provider, when there was a choice.
    /// </summary>
    public static Change<RehabEvent> Request(
        ValidVisitRequest valid, UnitInfo provider, TicketLink? ticket, string number, RehabClockRules rules, DateTimeOffset now, string fingerprint,
        bool acceptedAtOnce, RoutingChoice? routing = null)
    {
        var requested = new VisitRequested(number, valid.Person.ToView(), valid.Person.PersonId, valid.ServiceType, provider.Code, ticket,
            null, null, FirstVisit: true, now, valid.Note, rules, fingerprint, AwaitsAcceptance: true, AskedWindow: acceptedAtOnce ? null : valid.Window,
            Routing: routing);
        if (!acceptedAtOnce)
        {
            return Change<RehabEvent>.Of(requested);
        }
        return valid.Window is { } window
            ? Change<RehabEvent>.Of(requested, new VisitAccepted(null), new VisitScheduled(window.Start, window.End))
            : Change<RehabEvent>.Of(requested, new VisitAccepted(null));
    }

    /// <summary>
    /// One visit of a plan, accepted and scheduled in its window when the plan is made (a plan is the provider's own
    /// arrangement); the first visit of the plan carries the first-visit clock, from that acceptance.
    /// </summary>
    public static Change<RehabEvent> ForPlan(PlanSlot slot, string number, RehabClockRules rules) => Change<RehabEvent>.Of(
        new VisitRequested(number, slot.Person, slot.PersonId, slot.ServiceType, slot.ProviderCode, null, slot.PlanId, slot.Sequence,
            FirstVisit: slot.Sequence == 1, slot.RequestedAt, slot.Note, rules, $"plan:{slot.PlanId:N}:{slot.Sequence}", AwaitsAcceptance: true),
        new VisitAccepted(null),
        new VisitScheduled(slot.WindowStart, slot.WindowEnd));

    /// <summary>From a ticket, person fields left out are the ticket caller's.</summary>
    public static VisitRequest WithTicketDefaults(VisitRequest request, TicketView ticket) => request with
    {
        Person = TicketReferrals.CallerAsPerson(request.Person, ticket),
        Note = request.Note ?? TextRules.Trimmed(ticket.Title),
    };

    private static void AddIf(List<FieldError> errors, FieldError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
