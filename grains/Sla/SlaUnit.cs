namespace Dispatch.Sla;

/// <summary>How a time limit is counted.</summary>
public enum SlaUnit
{
    /// <summary>Hours of working time (working hours on working days).</summary>
    WorkingHours,

    /// <summary>Whole working days of working time; one is the calendar's working-day length (7.5 h).</summary>
    WorkingDays,

    /// <summary>
    /// Statutory days (日), weekends and holidays included: the start day is not counted and a period ending on a day
    /// off ends on the next working day.
    /// </summary>
    CalendarDays,

    /// <summary>Elapsed clock hours.</summary>
    Hours,
}

/// <summary>The unit names used in the rule files (sla-rules/*.json) and the API (working_hours, working_days, calendar_days, hours).</summary>
public static class SlaUnitNames
{
    private static readonly Dictionary<string, SlaUnit> ByName = new(StringComparer.Ordinal)
    {
        ["working_hours"] = SlaUnit.WorkingHours,
        ["working_days"] = SlaUnit.WorkingDays,
        ["calendar_days"] = SlaUnit.CalendarDays,
        ["hours"] = SlaUnit.Hours,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static bool TryParse(string? name, out SlaUnit unit) => ByName.TryGetValue(name ?? "", out unit);

    public static string Name(this SlaUnit unit) => ByName.Single(pair => pair.Value == unit).Key;

    /// <summary>True when the unit counts working time against the calendar rather than elapsed time.</summary>
    public static bool CountsWorkingTime(this SlaUnit unit) => unit is SlaUnit.WorkingHours or SlaUnit.WorkingDays;
}
