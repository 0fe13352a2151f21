using Dispatch.Identity;
using Dispatch.Scopes;

namespace Dispatch.Tickets;

/// <summary>Who may see a ticket and who may act on it. Outside a user's scope a ticket does not exist (404).</summary>
public static class TicketAccess
{
    public static bool CanSee(Actor actor, TicketState ticket) => ActorScope.Of(actor).Covers(ticket.Details.CountyCode, ticket.UnitCode);

    public static bool IsDispatcher(Actor actor) => actor.Role is Roles.Operator or Roles.Admin;

    public static bool IsHandlingUnit(Actor actor, TicketState ticket) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).IsStaffOf(ticket.UnitCode);

    /// <summary>The head (负责人) of the unit handling the ticket: staff of that unit with the unit-head flag.</summary>
    public static bool IsHeadOfHandlingUnit(Actor actor, TicketState ticket) =>
        actor.UnitHead && ActorScope.Of(actor).IsStaffOf(ticket.UnitCode);

    public static bool IsSupervisorInScope(Actor actor, TicketState ticket) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).SupervisesCounty(ticket.Details.CountyCode);
}
