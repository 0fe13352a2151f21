using Dispatch.Scopes;
using Dispatch.Identity;
using Dispatch.Units;

namespace Dispatch.LegalAid;

/// <summary>Who may see a case and who may act on it. Outside a user's scope a case does not exist (404).</summary>
public static class LegalAidAccess
{
    public static bool CanSee(Actor actor, LegalAidState s) => ActorScope.Of(actor).Covers(s.CountyCode, s.StationCode);

    /// <summary>Staff of the case's legal-aid station (or an administrator) do the station's work.</summary>
    public static bool IsStation(Actor actor, LegalAidState s) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).IsStaffOf(s.StationCode);

    /// <summary>An objection reaches the station or the hotline; either records it.</summary>
    public static bool MayRecordObjection(Actor actor, LegalAidState s) => IsStation(actor, s) || actor.Role == Roles.Operator;

    /// <summary>The justice bureau's review and supervision orders: supervisors whose scope covers the case.</summary>
    public static bool IsSupervisorInScope(Actor actor, LegalAidState s) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).SupervisesCounty(s.CountyCode);
}
