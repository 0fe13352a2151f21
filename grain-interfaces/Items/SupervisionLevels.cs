namespace Dispatch.Items;

/// <summary>
/// Who a supervision order (督办) stands before: it is issued to the unit; unanswered at its reply due time it escalates
/// to the county's supervisors, then to the city's.
/// </summary>
public static class SupervisionLevels
{
    public const string Unit = "unit";
    public const string County = "county";
    public const string City = "city";

    /// <summary>The levels in escalation order.</summary>
    public static readonly IReadOnlyList<string> All = [Unit, County, City];

    /// <summary>The level an unanswered order escalates to; null at the top.</summary>
    public static string? Next(string level) => level switch
    {
        Unit => County,
        County => City,
        _ => null,
    };

    public static string Zh(string level) => level switch
    {
        County => "县级",
        City => "市级",
        _ => "承办单位",
    };

    public static string En(string level) => level switch
    {
        County => "county",
        City => "city",
        _ => "unit",
    };
}
