using Dispatch.Scopes;
using Dispatch.Identity;
using Dispatch.Units;

namespace Dispatch.Rehab;

/// <summary>Who may see a visit or plan and who may act on it. Outside a user's scope a visit does not exist (404).</summary>
public static class RehabAccess
{
    public static bool CanSee(Actor actor, string providerCode, string countyCode) => ActorScope.Of(actor).Covers(countyCode, providerCode);

    public static bool CanSee(Actor actor, RehabState s) => CanSee(actor, s.ProviderCode, s.CountyCode);

    /// <summary>The provider's staff (or an administrator) schedule, staff and record visits.</summary>
    public static bool IsProvider(Actor actor, RehabState s) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).IsStaffOf(s.ProviderCode);

    /// <summary>A person calls the hotline to call a visit off as often as the provider does.</summary>
    public static bool MayCancel(Actor actor, RehabState s) => IsProvider(actor, s) || actor.Role == Roles.Operator;

    public static bool IsSupervisorInScope(Actor actor, RehabState s) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).SupervisesCounty(s.CountyCode);
}
