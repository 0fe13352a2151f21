using Dispatch.Identity;

namespace Dispatch.Tickets;

/// <summary>Who may see a ticket and who may act on it. Outside a user's scope a ticket does not exist (404).</summary>
public static class TicketAccess
{
    public const string CityArea = "330400";

    public static bool CanSee(Actor actor, TicketState ticket) => actor.Role switch
    {
        Roles.Admin or Roles.Operator => true,
        Roles.Supervisor => actor.AreaCode == CityArea || actor.AreaCode == ticket.Details.CountyCode,
        Roles.UnitStaff => actor.UnitCode is not null && actor.UnitCode == ticket.UnitCode,
        Roles.System => true,
        _ => false,
    };

    public static bool IsDispatcher(Actor actor) => actor.Role is Roles.Operator or Roles.Admin;

    public static bool IsHandlingUnit(Actor actor, TicketState ticket) =>
        actor.Role == Roles.Admin || (actor.Role == Roles.UnitStaff && actor.UnitCode == ticket.UnitCode);

    public static bool IsSupervisorInScope(Actor actor, TicketState ticket) =>
        actor.Role == Roles.Admin || (actor.Role == Roles.Supervisor && (actor.AreaCode == CityArea || actor.AreaCode == ticket.Details.CountyCode));
}
