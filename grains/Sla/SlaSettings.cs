using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>
/// The working calendar and every deadline-rule version: the single place grains read them from. The rule versions and
/// the seed calendar are loaded from the reference-data folder at silo start; administered calendar changes (published
/// years, county closures) arrive through <see cref="Apply"/> as a new <see cref="CalendarHistory"/>.
/// </summary>
public sealed class SlaSettings(WorkingCalendar calendar, SlaRuleVersions versions, SupervisionRules supervision)
{
    /// <summary>Supervision orders' reply times per level and the escalation ladder (reference-data/supervision.json).</summary>
    public SupervisionRules Supervision { get; } = supervision;

    /// <summary>The folder of rule versions inside the reference-data folder.</summary>
    public const string RulesFolder = "sla-rules";

    private CalendarHistory calendars = CalendarHistory.FromSeed(calendar);

    /// <summary>The calendar in force now, without county closures.</summary>
    public WorkingCalendar Calendar => Calendars.Latest;

    /// <summary>The calendar with every administered change, each in force from the instant it was made.</summary>
    public CalendarHistory Calendars => Volatile.Read(ref calendars);

    private SlaRuleVersions ruleVersions = versions;

    /// <summary>The versions shipped as files (reference-data/sla-rules); published versions are added on top.</summary>
    public SlaRuleVersions ShippedVersions { get; } = versions;

    /// <summary>Every rule version: the shipped files and those administrators published.</summary>
    public SlaRuleVersions Versions => Volatile.Read(ref ruleVersions);

    /// <summary>Takes a set of versions with a newer latest version; an older or equal one (a late poll) is ignored.</summary>
    public bool Apply(SlaRuleVersions next)
    {
        while (true)
        {
            var current = Versions;
            if (next.Latest.Version <= current.Latest.Version)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref ruleVersions, next, current) == current)
            {
                return true;
            }
        }
    }

    public DateOnly LocalDate(DateTimeOffset instant) => Calendar.LocalDate(instant);

    /// <summary>Takes a newer calendar history; an older or equal one (a late poll) is ignored. True when it was taken.</summary>
    public bool Apply(CalendarHistory history)
    {
        while (true)
        {
            var current = Calendars;
            if (history.Version <= current.Version)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref calendars, history, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>The rule version in force for an item received at <paramref name="receipt"/> (its local day in Asia/Shanghai).</summary>
    public SlaRuleSet RulesAt(DateTimeOffset receipt) => Versions.InForceOn(LocalDate(receipt));

    public static SlaSettings Load(string referenceDataFolder)
    {
        var seed = WorkingCalendar.FromDirectory(Path.Combine(referenceDataFolder, "calendar"));
        return new SlaSettings(seed, SlaRuleVersions.Load(Path.Combine(referenceDataFolder, RulesFolder)), SupervisionRules.Load(referenceDataFolder));
    }
}
