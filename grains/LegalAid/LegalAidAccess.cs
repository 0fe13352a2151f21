using Dispatch.Identity;
using Dispatch.Units;

namespace Dispatch.LegalAid;

/// <summary>Who may see a case and who may act on it. Outside a user's scope a case does not exist (404).</summary>
public static class LegalAidAccess
{
    public static bool CanSee(Actor actor, LegalAidState s) => actor.Role switch
    {
        Roles.Admin or Roles.Operator or Roles.System => true,
        Roles.Supervisor => InSupervisorScope(actor, s),
        Roles.UnitStaff => actor.UnitCode is not null && actor.UnitCode == s.StationCode,
        _ => false,
    };

    /// <summary>Staff of the case's legal-aid station (or an administrator) do the station's work.</summary>
    public static bool IsStation(Actor actor, LegalAidState s) =>
        actor.Role == Roles.Admin || (actor.Role == Roles.UnitStaff && actor.UnitCode == s.StationCode);

    /// <summary>An objection reaches the station or the hotline; either records it.</summary>
    public static bool MayRecordObjection(Actor actor, LegalAidState s) => IsStation(actor, s) || actor.Role == Roles.Operator;

    /// <summary>The justice bureau's review and supervision orders: supervisors whose scope covers the case.</summary>
    public static bool IsSupervisorInScope(Actor actor, LegalAidState s) =>
        actor.Role == Roles.Admin || (actor.Role == Roles.Supervisor && InSupervisorScope(actor, s));

    /// <summary>Operators and administrators open cases anywhere; station staff only at their own station.</summary>
    public static bool MayOpenAt(Actor actor, string stationCode) => actor.Role switch
    {
        Roles.Admin or Roles.Operator => true,
        Roles.UnitStaff => actor.UnitCode == stationCode,
        _ => false,
    };

    private static bool InSupervisorScope(Actor actor, LegalAidState s) =>
        actor.AreaCode == UnitDirectory.CityArea || actor.AreaCode == s.CountyCode;
}
