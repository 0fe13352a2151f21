using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;

namespace Dispatch.Tickets;

/// <summary>Who may open a legal-aid case or a rehabilitation visit from a ticket (转法律援助 / 转上门康复).</summary>
public static class TicketReferrals
{
    /// <summary>
    /// The ticket, with the caller's full numbers to copy into the new item, when this user sees it and may open an item
    /// from it; otherwise why not.
    /// </summary>
    public static async Task<Outcome<TicketView>> ReferrableAsync(IGrainFactory grains, Guid ticketId, Actor actor)
    {
        var ticket = await grains.GetGrain<ITicketGrain>(ticketId).GetForReferral(actor);
        if (!ticket.Succeeded)
        {
            return ticket;
        }
        return Check(ticket.Value!, actor) is { } refused ? refused : ticket;
    }

    /// <summary>
    /// Opens an item from a ticket (转办): a repeat answers with the item as it is; otherwise the ticket must be
    /// referrable, and the item opens with the ticket's number. Then the ticket records the link, also on a repeat, so
    /// a crash between the item and the ticket's record of it heals here.
    /// </summary>
    /// <param name="link">The item's link to its ticket once it exists, and how the ticket lists it.</param>
    public static async Task<Outcome<TOpening>> OpenFromAsync<TOpening>(
        IGrainFactory grains, Guid ticketId, Actor actor, Func<Outcome<TOpening>>? repeat,
        Func<TicketView, TicketLink, Task<Outcome<TOpening>>> open, Func<(Guid TicketId, LinkedItem Item)?> link)
    {
        Outcome<TOpening> opening;
        if (repeat is not null)
        {
            opening = repeat();
        }
        else
        {
            var ticket = await ReferrableAsync(grains, ticketId, actor);
            if (!ticket.Succeeded)
            {
                return ticket.Error!;
            }
            opening = await open(ticket.Value!, new TicketLink(ticketId, ticket.Value!.Number));
        }
        if (opening.Succeeded && link() is { } linked)
        {
            await grains.GetGrain<ITicketGrain>(linked.TicketId).AttachLink(linked.Item, actor);
        }
        return opening;
    }

    public static DomainError? Check(TicketView ticket, Actor actor)
    {
        if (ticket.MergedInto is not null)
        {
            return DomainError.Conflict("ticket_merged", $"该工单已并入工单 {ticket.MergedIntoNumber}，请从该工单转办。",
                $"This ticket was merged into {ticket.MergedIntoNumber}; open it from that ticket.") with { CurrentStatus = ticket.Status };
        }
        var allowed = actor.Role is Roles.Operator or Roles.Admin || (actor.Role == Roles.UnitStaff && actor.UnitCode == ticket.UnitCode);
        return allowed
            ? null
            : DomainError.Forbidden("只有话务员或该工单的承办单位可以由工单转办。", "Only operators or the unit handling the ticket open items from it.");
    }

    /// <summary>The person a referral is about: what was given, completed from the ticket's caller where left out.</summary>
    public static PersonInput CallerAsPerson(PersonInput? given, TicketView ticket)
    {
        given ??= new PersonInput();
        return given with
        {
            Name = given.Name ?? ticket.CallerName,
            Phone = given.Phone ?? ticket.CallerPhone,
            ResidentId = given.ResidentId ?? ticket.ResidentId,
            DisabilityCertificate = given.DisabilityCertificate ?? ticket.DisabilityCertificate,
            // A town decides the county: the ticket's place is taken only when the request names neither.
            CountyCode = given.CountyCode ?? (given.TownCode is null ? ticket.CountyCode : null),
            TownCode = given.TownCode ?? (given.CountyCode is null ? ticket.TownCode : null),
            Address = given.Address ?? ticket.Address,
        };
    }
}
