using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>The working calendar and every deadline-rule version, loaded from the reference-data folder at silo start.</summary>
public sealed class SlaSettings(WorkingCalendar calendar, SlaRuleVersions versions)
{
    /// <summary>The folder of rule versions inside the reference-data folder.</summary>
    public const string RulesFolder = "sla-rules";

    public WorkingCalendar Calendar { get; } = calendar;

    public SlaRuleVersions Versions { get; } = versions;

    public DateOnly LocalDate(DateTimeOffset instant) => Calendar.LocalDate(instant);

    /// <summary>The rule version in force for an item received at <paramref name="receipt"/> (its local day in Asia/Shanghai).</summary>
    public SlaRuleSet RulesAt(DateTimeOffset receipt) => Versions.InForceOn(LocalDate(receipt));

    public static SlaSettings Load(string referenceDataFolder)
    {
        var calendar = WorkingCalendar.FromDirectory(Path.Combine(referenceDataFolder, "calendar"));
        return new SlaSettings(calendar, SlaRuleVersions.Load(Path.Combine(referenceDataFolder, RulesFolder)));
    }
}
