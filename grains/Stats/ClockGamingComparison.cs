using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>
/// One unit's figures for the comparison: handled items and signal counts per kind, for the period (index 0) and each of
/// the previous periods (1, 2...). Handled = tickets the unit resolved, legal-aid cases it decided and home visits it
/// completed in the period.
/// </summary>
public sealed record UnitSignalHistory(
    string Code, string Name, string NameEn, string UnitKind, string County, IReadOnlyList<long> Handled, IReadOnlyDictionary<string, IReadOnlyList<long>> Counts)
{
    public long CountOf(string kind, int period) =>
        kind == Total ? ClockGamingKinds.All.Sum(k => CountOf(k, period))
        : Counts.TryGetValue(kind, out var counts) && period < counts.Count ? counts[period] : 0;

    public long HandledIn(int period) => period < Handled.Count ? Handled[period] : 0;

    public const string Total = "total";
}

/// <summary>
/// How a unit's signals compare with its own history and with its peers. For each kind (and all kinds together) the
/// rate is signals per 100 handled items in the period; the unit's own average is the mean rate of the previous periods
/// in which it handled anything; the peer medians are the median rates, in the period, of the other units of the same
/// kind (centre, legal-aid station, rehabilitation provider) that handled anything, in the unit's county and in the
/// city. A unit is flagged for a kind when it has at least <see cref="ClockGamingSettings.MinimumCount"/> signals of it
/// and its rate is at least <see cref="ClockGamingSettings.FlagFactor"/> times both its own average and the higher of
/// its peer medians (a missing baseline counts as 0). Pure.
/// </summary>
public static class ClockGamingComparison
{
    public static double? Rate(long count, long handled) => handled <= 0 ? null : Math.Round(100.0 * count / handled, 4);

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static bool Flags(long count, double? rate, double? ownAverage, double? countyPeers, double? cityPeers, ClockGamingSettings settings) =>
        count >= settings.MinimumCount && rate is { } r && r > 0
        && r >= settings.FlagFactor * (ownAverage ?? 0)
        && r >= settings.FlagFactor * Math.Max(countyPeers ?? 0, cityPeers ?? 0);

    /// <summary>The figures of the <paramref name="shown"/> units, compared with every unit in <paramref name="all"/>; flagged first.</summary>
    public static ImmutableArray<ClockGamingUnit> Compare(IReadOnlyList<UnitSignalHistory> all, IEnumerable<UnitSignalHistory> shown, ClockGamingSettings settings) =>
        [.. shown.Select(unit => Figures(unit, all, settings))
            .OrderByDescending(u => u.Flagged)
            .ThenByDescending(u => u.Total.Rate ?? -1)
            .ThenBy(u => u.UnitCode, StringComparer.Ordinal)];

    private static ClockGamingUnit Figures(UnitSignalHistory unit, IReadOnlyList<UnitSignalHistory> all, ClockGamingSettings settings)
    {
        var peers = all.Where(p => p.Code != unit.Code && p.UnitKind == unit.UnitKind && p.HandledIn(0) > 0).ToList();
        ClockGamingFigure Figure(string kind)
        {
            var count = unit.CountOf(kind, 0);
            var rate = Rate(count, unit.HandledIn(0));
            var own = Mean(Enumerable.Range(1, settings.HistoryPeriods).Select(i => Rate(unit.CountOf(kind, i), unit.HandledIn(i))));
            var county = Median(peers.Where(p => p.County == unit.County).Select(p => Rate(p.CountOf(kind, 0), p.HandledIn(0))!.Value));
            var city = Median(peers.Select(p => Rate(p.CountOf(kind, 0), p.HandledIn(0))!.Value));
            return new ClockGamingFigure
            {
                Kind = kind, Count = count, Rate = rate, OwnAverage = own, CountyPeerMedian = county, CityPeerMedian = city,
                Flagged = Flags(count, rate, own, county, city, settings),
            };
        }
        var kinds = ClockGamingKinds.All.Select(Figure).ToImmutableArray();
        var total = Figure(UnitSignalHistory.Total);
        return new ClockGamingUnit
        {
            UnitCode = unit.Code, UnitName = unit.Name, UnitNameEn = unit.NameEn, UnitKind = unit.UnitKind, CountyCode = unit.County,
            Handled = unit.HandledIn(0), Kinds = kinds, Total = total, Flagged = total.Flagged || kinds.Any(k => k.Flagged),
        };
    }

    private static double? Mean(IEnumerable<double?> rates)
    {
        var known = rates.OfType<double>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 4);
    }
}
