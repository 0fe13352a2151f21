namespace Dispatch.Tests.Integration.Security.Matrix;

/// <summary>
/// One column of the authorization matrix: a demo account (or nobody) and the part of the city it covers, written here
/// from the product's rules rather than read from the code under test. Every item the matrix probes lies in county
/// 330402 (南湖区), so each scoped role appears twice: once for 330402 ("own") and once for 330411 ("other").
/// </summary>
public sealed record Principal(string Key, string? Email, string Role, string? Area = null, string? Unit = null, bool Head = false)
{
    public const string City = "330400";
    public const string County = "330402";
    public const string OtherCounty = "330411";
    public const string Centre = "330402-CENTRE";
    public const string Station = "330402-LEGAL";
    public const string Provider = "330402-REHAB-1";

    public static readonly Principal Nobody = new("anonymous", null, "");
    public static readonly Principal Operator = new("operator", "operator@jx12385.test", "operator");
    public static readonly Principal Admin = new("admin", "admin@jx12385.test", "admin");
    public static readonly Principal CitySupervisor = new("supervisor.city", "supervisor@jx12385.test", "supervisor", City);
    public static readonly Principal CountySupervisor = new("supervisor.own", "supervisor.330402@jx12385.test", "supervisor", County);
    public static readonly Principal OtherSupervisor = new("supervisor.other", "supervisor.330411@jx12385.test", "supervisor", OtherCounty);
    public static readonly Principal CentreStaff = new("centre.own", "staff.330402-centre@jx12385.test", "unit_staff", Unit: Centre);
    public static readonly Principal CentreHead = new("centre.head", "head.330402-centre@jx12385.test", "unit_staff", Unit: Centre, Head: true);
    public static readonly Principal OtherCentreStaff = new("centre.other", "staff.330411-centre@jx12385.test", "unit_staff", Unit: "330411-CENTRE");
    public static readonly Principal StationStaff = new("legal.own", "staff.330402-legal@jx12385.test", "unit_staff", Unit: Station);
    public static readonly Principal OtherStationStaff = new("legal.other", "staff.330411-legal@jx12385.test", "unit_staff", Unit: "330411-LEGAL");
    public static readonly Principal ProviderStaff = new("rehab.own", "staff.330402-rehab-1@jx12385.test", "unit_staff", Unit: Provider);
    public static readonly Principal OtherProviderStaff = new("rehab.other", "staff.330411-rehab-1@jx12385.test", "unit_staff", Unit: "330411-REHAB-1");

    public static readonly IReadOnlyList<Principal> All =
    [
        Nobody, Operator, Admin, CitySupervisor, CountySupervisor, OtherSupervisor, CentreStaff, CentreHead, OtherCentreStaff,
        StationStaff, OtherStationStaff, ProviderStaff, OtherProviderStaff,
    ];

    public bool Anonymous => Email is null;

    public bool IsAdmin => Role == "admin";

    /// <summary>Operators, administrators and the city supervisor cover the whole city.</summary>
    public bool CoversCity => Role is "operator" or "admin" || (Role == "supervisor" && Area == City);

    /// <summary>Does an item of this county, worked by this unit (none yet: null), exist for this principal?</summary>
    public bool Sees(string county, string? unit) =>
        CoversCity || (Role == "supervisor" && Area == county) || (Role == "unit_staff" && unit is not null && Unit == unit);

    /// <summary>Operators and administrators register, dispatch, call back and close.</summary>
    public bool IsDispatcher => Role is "operator" or "admin";

    /// <summary>Staff of the unit (or an administrator) do the unit's work on its items.</summary>
    public bool Works(string unit) => IsAdmin || (Role == "unit_staff" && Unit == unit);

    /// <summary>A supervisor whose scope covers the county (the city supervisor covers all), or an administrator.</summary>
    public bool Supervises(string county) => IsAdmin || (Role == "supervisor" && (Area == City || Area == county));

    /// <summary>Opens a case or a visit at this unit: operators, administrators and the unit's own staff.</summary>
    public bool OpensAt(string unit) => IsDispatcher || (Role == "unit_staff" && Unit == unit);

    /// <summary>Asks for a full personal number: operators, administrators and staff of the item's unit, never supervisors.</summary>
    public bool Reveals(string unit) => IsDispatcher || (Role == "unit_staff" && Unit == unit);

    /// <summary>
    /// May watch the figures of a stats scope: administrators and the city supervisor all, a county supervisor the county
    /// and its units, unit staff their own unit, operators the city figures.
    /// </summary>
    public bool Watches(string scope) => Role switch
    {
        "admin" => true,
        "supervisor" when Area == City => true,
        "supervisor" => scope == "county:" + Area || (scope.StartsWith("unit:" + Area, StringComparison.Ordinal)),
        "unit_staff" => scope == "unit:" + Unit,
        "operator" => scope == "city",
        _ => false,
    };

    public override string ToString() => Key;
}
