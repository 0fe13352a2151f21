using Dispatch.Errors;
using Dispatch.Fields;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Numbers;
using Dispatch.People;
using Dispatch.Routing;
using Dispatch.Sla;
using Dispatch.Tickets;
using Dispatch.Units;

namespace Dispatch.Openings;

/// <summary>
/// What an opening knows besides its request: the places it may name, the instant, the day, the rules in force, who
/// opens, and, once its unit is found, why that unit when several of its kind serve the area.
/// </summary>
public sealed record OpeningContext(IntakeReference Reference, DateTimeOffset Now, DateOnly Today, SlaRuleSet Rules, Actor Actor, RoutingChoice? Routing = null);

/// <summary>Which units take an item: their kind, the request field that names one, and how refusals speak of them.</summary>
/// <param name="NameZh">What a fitting unit is called, e.g. 可受理的法律援助站.</param>
/// <param name="NameEn">The same in English, e.g. legal-aid station.</param>
public sealed record UnitChoice(
    string Kind, string Field, string NameZh, string NameEn, string NoneCode, string NotCode, string OwnOnlyZh, string OwnOnlyEn)
{
    /// <summary>Operators and administrators open items at any unit; unit staff only at their own.</summary>
    public static bool MayOpenAt(Actor actor, string unitCode) => actor.Role switch
    {
        Roles.Admin or Roles.Operator => true,
        Roles.UnitStaff => actor.UnitCode == unitCode,
        _ => false,
    };

    /// <summary>The unit of the staff member asking, whom a choice among several units of a kind leaves at their own.</summary>
    public static string? OwnUnit(Actor actor) => actor.Role == Roles.UnitStaff ? actor.UnitCode : null;

    /// <summary>
    /// The unit must be an active unit of the kind; its staff open items only there. From a ticket the referral rules
    /// have already decided who may open, wherever the item goes.
    /// </summary>
    /// <param name="named">The unit the request named, or null when the one serving <paramref name="area"/> was looked for.</param>
    public DomainError? Check(string? named, string area, UnitInfo? unit, Actor actor, bool fromTicket)
    {
        if (unit is null || unit.Kind != Kind || !unit.Active)
        {
            return named is null
                ? DomainError.Validation(new FieldError(Field, NoneCode, $"地区 {area} 没有{NameZh}，请指定 {Field}。",
                    $"No active {NameEn} serves area {area}; name one in {Field}."))
                : DomainError.Validation(new FieldError(Field, NotCode, $"{named} 不是{NameZh}。", $"{named} is not an active {NameEn}."));
        }
        return fromTicket || MayOpenAt(actor, unit.Code) ? null : DomainError.Forbidden(OwnOnlyZh, OwnOnlyEn);
    }
}

/// <summary>
/// How a legal-aid case or a visit opens at the unit that takes it: who may open one, its request's checks, which unit
/// (named, or the one of its kind serving an area), whether that unit may take it, its number series and its first
/// change. All pure; <see cref="ItemOpener"/> does the looking up.
/// </summary>
/// <param name="UnitOf">The unit the request names, if any, and the area whose unit of the <paramref name="Unit"/> kind serves it otherwise.</param>
public sealed record UnitOpening<TRequest, TValid, TEvent>(
    DailyNumberSeries Numbers,
    UnitChoice Unit,
    Func<Actor, DomainError?> MayOpen,
    Func<TRequest, TicketView, TRequest> WithTicketDefaults,
    Func<TRequest, OpeningContext, (TValid? Valid, DomainError? Error)> Validate,
    Func<TValid, (string? Named, string Area)> UnitOf,
    Func<TValid, UnitInfo, TicketLink?, string, OpeningContext, string, Change<TEvent>> Open)
    where TValid : class;

/// <summary>
/// Opens cases and visits, directly or from a ticket (转办), the same way for both: a repeat of the same request answers
/// with the item as it is; otherwise the request is checked, its unit found (the one named, or picked by
/// <see cref="UnitPicker"/>) and checked, a number taken and the first change committed through the item's host.
/// </summary>
public sealed class ItemOpener(AreaDirectory areas, UnitDirectory units, UnitPicker picker, DailyNumbers numbers, IGrainFactory grains)
{
    public async Task<Outcome<TOpening>> OpenAsync<TRequest, TValid, TState, TEvent, TRow, TOpening>(
        ItemHost<TState, TEvent, TRow> host, UnitOpening<TRequest, TValid, TEvent> opening, TRequest request, Actor actor, Func<bool, TOpening> result)
        where TValid : class where TState : EventSourcing.IFoldedState<TState, TEvent> where TRow : class
    {
        var fingerprint = OpeningFingerprint.Of(actor, null, request);
        if (host.State.Version > 0)
        {
            return host.Repeat(fingerprint, () => result(false));
        }
        return opening.MayOpen(actor) is { } refused ? refused : await OpenAtUnitAsync(host, opening, request, null, fingerprint, actor, result);
    }

    /// <param name="link">The item's link to its ticket once it exists, and how the ticket lists it.</param>
    public Task<Outcome<TOpening>> OpenFromTicketAsync<TRequest, TValid, TState, TEvent, TRow, TOpening>(
        ItemHost<TState, TEvent, TRow> host, UnitOpening<TRequest, TValid, TEvent> opening, Guid ticketId, TRequest request, Actor actor,
        Func<bool, TOpening> result, Func<(Guid TicketId, LinkedItem Item)?> link)
        where TValid : class where TState : EventSourcing.IFoldedState<TState, TEvent> where TRow : class
    {
        var fingerprint = OpeningFingerprint.Of(actor, ticketId, request);
        return TicketReferrals.OpenFromAsync(grains, ticketId, actor, host.State.Version > 0 ? () => host.Repeat(fingerprint, () => result(false)) : null,
            (ticket, ticketLink) => OpenAtUnitAsync(host, opening, opening.WithTicketDefaults(request, ticket), ticketLink, fingerprint, actor, result),
            link);
    }

    private async Task<Outcome<TOpening>> OpenAtUnitAsync<TRequest, TValid, TState, TEvent, TRow, TOpening>(
        ItemHost<TState, TEvent, TRow> host, UnitOpening<TRequest, TValid, TEvent> opening, TRequest request, TicketLink? ticket,
        string fingerprint, Actor actor, Func<bool, TOpening> result)
        where TValid : class where TState : EventSourcing.IFoldedState<TState, TEvent> where TRow : class
    {
        var now = host.Now;
        var context = new OpeningContext(await areas.ReferenceAsync(), now, host.Sla.LocalDate(now), host.Sla.RulesAt(now), actor);
        var (valid, invalid) = opening.Validate(request, context);
        if (invalid is not null)
        {
            return invalid;
        }
        var (named, area) = opening.UnitOf(valid!);
        var pick = named is { } code
            ? await units.FindAsync(code) is { } found ? new UnitPick(found, null) : null
            : await picker.PickAsync(area, opening.Unit.Kind, UnitChoice.OwnUnit(actor));
        if (opening.Unit.Check(named, area, pick?.Unit, actor, ticket is not null) is { } refused)
        {
            return refused;
        }
        var number = await numbers.NextAsync(opening.Numbers, context.Today);
        return await host.ApplyAsync(opening.Open(valid!, pick!.Unit, ticket, number, context with { Routing = pick.Why }, fingerprint), actor, () => result(true));
    }
}
