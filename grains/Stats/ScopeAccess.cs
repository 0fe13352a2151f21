using Dispatch.Identity;

namespace Dispatch.Stats;

/// <summary>
/// Who may watch which scope. Administrators and the city supervisor see every scope; a county supervisor sees the
/// county and the units in it; unit staff see their own unit; operators see the city figures. Anything else does not
/// exist for that user (404, or a hub error).
/// </summary>
public static class ScopeAccess
{
    /// <param name="unitCounty">For a unit scope, the county the unit belongs to.</param>
    public static bool CanWatch(Actor actor, StatsScope scope, string? unitCounty) => actor.Role switch
    {
        Roles.Admin => true,
        Roles.Supervisor when actor.AreaCode == StatsScope.CityCode => true,
        Roles.Supervisor => scope.Kind switch
        {
            StatsScopeKind.County => scope.Code == actor.AreaCode,
            StatsScopeKind.Unit => unitCounty is not null && unitCounty == actor.AreaCode,
            _ => false,
        },
        Roles.UnitStaff => scope.Kind == StatsScopeKind.Unit && actor.UnitCode is not null
            && string.Equals(scope.Code, actor.UnitCode, StringComparison.OrdinalIgnoreCase),
        Roles.Operator => scope.Kind == StatsScopeKind.City,
        _ => false,
    };
}
