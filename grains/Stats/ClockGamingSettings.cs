using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Stats;

/// <summary>
/// The thresholds of clock-gaming detection and of the flag rule (configuration section "ClockGaming"); see
/// <see cref="ClockGamingRules"/> and <see cref="ClockGamingComparison"/> for what each means.
/// </summary>
public sealed record ClockGamingSettings
{
    public const string Section = "ClockGaming";

    public static ClockGamingSettings Default { get; } = new();

    /// <summary>A suspension is late from this share of a clock on (the last 10%).</summary>
    public double LateSuspensionShare { get; init; } = 0.9;

    /// <summary>The suspension of one clock that makes it a repeated one (the 2nd, and each after it).</summary>
    public int RepeatedSuspensions { get; init; } = 2;

    /// <summary>An extension asked at this share of the handling clock or later.</summary>
    public double LateExtensionShare { get; init; } = 0.95;

    /// <summary>A merged item is near due from this share of its clock on.</summary>
    public double NearDueMergeShare { get; init; } = 0.9;

    /// <summary>The reopening that makes a loop (the 2nd, and each after it).</summary>
    public int ReopenLoops { get; init; } = 2;

    /// <summary>Returns between one pair of units (both ways) in a period above which the pair is shown as bouncing.</summary>
    public int PairReturns { get; init; } = 3;

    /// <summary>Fewest signals of a kind in the period before a unit can be flagged for it.</summary>
    public int MinimumCount { get; init; } = 3;

    /// <summary>How many times its baselines a unit's rate must reach to be flagged.</summary>
    public double FlagFactor { get; init; } = 2;

    /// <summary>How many earlier periods make the unit's own history.</summary>
    public int HistoryPeriods { get; init; } = 3;

    public ClockGamingRulesView View() => new()
    {
        LateSuspensionShare = LateSuspensionShare, RepeatedSuspensions = RepeatedSuspensions, LateExtensionShare = LateExtensionShare,
        NearDueMergeShare = NearDueMergeShare, ReopenLoops = ReopenLoops, PairReturns = PairReturns, MinimumCount = MinimumCount,
        FlagFactor = FlagFactor, HistoryPeriods = HistoryPeriods,
    };

    /// <summary>Reads the section; a bad value stops the silo naming the key.</summary>
    public static ClockGamingSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ClockGamingSettings
        {
            LateSuspensionShare = Share(section, nameof(LateSuspensionShare), Default.LateSuspensionShare),
            RepeatedSuspensions = Whole(section, nameof(RepeatedSuspensions), Default.RepeatedSuspensions, 2),
            LateExtensionShare = Share(section, nameof(LateExtensionShare), Default.LateExtensionShare),
            NearDueMergeShare = Share(section, nameof(NearDueMergeShare), Default.NearDueMergeShare),
            ReopenLoops = Whole(section, nameof(ReopenLoops), Default.ReopenLoops, 2),
            PairReturns = Whole(section, nameof(PairReturns), Default.PairReturns, 1),
            MinimumCount = Whole(section, nameof(MinimumCount), Default.MinimumCount, 1),
            FlagFactor = Factor(section, nameof(FlagFactor), Default.FlagFactor),
            HistoryPeriods = Whole(section, nameof(HistoryPeriods), Default.HistoryPeriods, 1),
        };
    }

    private static double Share(IConfigurationSection section, string key, double fallback) =>
        Number(section, key, fallback, v => v is > 0 and <= 1, "a share above 0 and at most 1");

    private static double Factor(IConfigurationSection section, string key, double fallback) =>
        Number(section, key, fallback, v => v >= 1, "a number of at least 1");

    private static double Number(IConfigurationSection section, string key, double fallback, Func<double, bool> valid, string what)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && valid(value))
        {
            return value;
        }
        throw new ArgumentException($"{section.Path}:{key} must be {what}, not '{text}'.");
    }

    private static int Whole(IConfigurationSection section, string key, int fallback, int least)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least)
        {
            return value;
        }
        throw new ArgumentException($"{section.Path}:{key} must be a whole number of at least {least}, not '{text}'.");
    }
}
