using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>The working calendar and deadline rules in force, loaded from the reference-data folder at silo start.</summary>
public sealed class SlaSettings(WorkingCalendar calendar, SlaRuleSet rules)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public SlaRuleSet Rules { get; } = rules;

    public DateOnly LocalDate(DateTimeOffset instant) => Calendar.LocalDate(instant);

    public static SlaSettings Load(string referenceDataFolder)
    {
        var calendar = WorkingCalendar.FromDirectory(Path.Combine(referenceDataFolder, "calendar"));
        return new SlaSettings(calendar, SlaRuleSet.Load(Path.Combine(referenceDataFolder, "sla-rules.json")));
    }
}
