using Dispatch.Identity;

namespace Dispatch.Scopes;

public enum ActorScopeKind
{
    /// <summary>Administrators, operators, the city supervisor and the platform: every county and unit.</summary>
    Everything,
    /// <summary>A county supervisor: the county's items and units.</summary>
    County,
    /// <summary>Unit staff: the unit's own items.</summary>
    Unit,
    /// <summary>Anyone else.</summary>
    Nothing,
}

/// <summary>
/// What part of the city an actor covers: the one rule behind "may this user see this item", "may this user watch these
/// figures" and the where clause of every list. Outside its scope an item does not exist for the user.
/// </summary>
public sealed record ActorScope(ActorScopeKind Kind, string? Code, string Role)
{
    /// <summary>嘉兴市本级: the city level, as an area code.</summary>
    public const string CityCode = "330400";

    public static ActorScope Of(Actor actor) => actor.Role switch
    {
        Roles.Admin or Roles.Operator or Roles.System => new(ActorScopeKind.Everything, null, actor.Role),
        Roles.Supervisor when actor.AreaCode == CityCode => new(ActorScopeKind.Everything, CityCode, actor.Role),
        Roles.Supervisor => new(ActorScopeKind.County, actor.AreaCode ?? "", actor.Role),
        Roles.UnitStaff => new(ActorScopeKind.Unit, actor.UnitCode ?? "", actor.Role),
        _ => new(ActorScopeKind.Nothing, null, actor.Role),
    };

    /// <summary>Does an item of this county, worked by this unit (none yet: null), lie inside the scope?</summary>
    public bool Covers(string? countyCode, string? unitCode) => Kind switch
    {
        ActorScopeKind.Everything => true,
        ActorScopeKind.County => Code!.Length > 0 && Code == countyCode,
        ActorScopeKind.Unit => Code!.Length > 0 && Code == unitCode,
        _ => false,
    };

    /// <summary>Is this actor a supervisor whose scope covers the county (the city supervisor covers all)?</summary>
    public bool SupervisesCounty(string? countyCode) => Role == Roles.Supervisor && Covers(countyCode, null);

    /// <summary>Is this actor staff of the unit?</summary>
    public bool IsStaffOf(string? unitCode) => Role == Roles.UnitStaff && unitCode is not null && Covers(null, unitCode);

    /// <summary>
    /// May this actor watch the figures of a scope? Administrators and the city supervisor watch every scope, a county
    /// supervisor the county and its units, unit staff their own unit, operators the city figures; the platform none.
    /// </summary>
    /// <param name="unitCounty">For a unit scope, the county the unit belongs to.</param>
    public bool MayWatch(StatsScope scope, string? unitCounty) => Role switch
    {
        Roles.Admin => true,
        Roles.Supervisor when Kind == ActorScopeKind.Everything => true,
        Roles.Supervisor => scope.Kind switch
        {
            StatsScopeKind.County => scope.Code == Code,
            StatsScopeKind.Unit => unitCounty is not null && unitCounty == Code,
            _ => false,
        },
        Roles.UnitStaff => scope.Kind == StatsScopeKind.Unit && Code!.Length > 0
            && string.Equals(scope.Code, Code, StringComparison.OrdinalIgnoreCase),
        Roles.Operator => scope.Kind == StatsScopeKind.City,
        _ => false,
    };

    /// <summary>
    /// The SQL condition that keeps a list inside the scope, e.g. <c>county_code = $3</c>; <paramref name="parameter"/>
    /// adds a value and returns its placeholder.
    /// </summary>
    /// <param name="unitColumn">The column naming the unit that works the item (unit_code, station_code, provider_code).</param>
    public string SqlCondition(string countyColumn, string unitColumn, Func<object?, string> parameter) => Kind switch
    {
        ActorScopeKind.Everything => "true",
        ActorScopeKind.County => $"{countyColumn} = {parameter(Code)}",
        ActorScopeKind.Unit => $"{unitColumn} = {parameter(Code)}",
        _ => "false",
    };
}
