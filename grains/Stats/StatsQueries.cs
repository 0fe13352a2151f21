using Dispatch.People;
using System.Collections.Immutable;
using Dispatch.Live;

namespace Dispatch.Stats;

/// <summary>Builds snapshots and trends from the counters: one round trip per request, whatever the number of tickets.</summary>
public sealed class StatsQueries(StatsCounterReader counters, ScopeDirectory scopes, MeasureTargets targets, TimeProvider time)
{
    public DateOnly Today => StatsPeriod.LocalDate(time.GetUtcNow());

    public async Task<StatsSnapshot> SnapshotAsync(ScopeInfo scope, string period, DateOnly date)
    {
        var start = StatsPeriod.Start(period, date);
        var children = await scopes.ChildrenAsync(scope.Scope);
        var set = await counters.ReadAsync(Queries([scope], children, [(period, start)]));
        return Snapshot(set, scope, children, period, date);
    }

    /// <summary>Today's and this month's snapshots of many scopes at once (statsChanged, and the snapshot at join).</summary>
    public async Task<ImmutableArray<LiveStats>> LiveStatsAsync(IReadOnlyList<ScopeInfo> watched)
    {
        var today = Today;
        var children = new Dictionary<string, IReadOnlyList<ScopeInfo>>(StringComparer.Ordinal);
        foreach (var scope in watched)
        {
            children[scope.Scope.Key] = await scopes.ChildrenAsync(scope.Scope);
        }
        var allChildren = children.Values.SelectMany(c => c).DistinctBy(c => c.Scope.Key).ToList();
        var set = await counters.ReadAsync(Queries(watched, allChildren,
            [(StatsPeriod.Day, today), (StatsPeriod.Month, StatsPeriod.Start(StatsPeriod.Month, today))]));
        return [.. watched.Select(scope => new LiveStats(scope.Scope.Key,
            Snapshot(set, scope, children[scope.Scope.Key], StatsPeriod.Day, today),
            Snapshot(set, scope, children[scope.Scope.Key], StatsPeriod.Month, today)))];
    }

    public async Task<ImmutableArray<TrendPoint>> TrendAsync(ScopeInfo scope, DateOnly month)
    {
        var first = StatsPeriod.Start(StatsPeriod.Month, month);
        var days = Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month)).Select(first.AddDays).ToList();
        var set = await counters.ReadAsync([new CounterQuery(ItemTypes.Ticket, [scope.Scope.Key], [.. days.Select(d => (StatsPeriod.Day, d))],
            [TicketTallies.Received, TicketTallies.Resolved, TicketTallies.OnTime, TicketTallies.OnTimeCounted])]);
        var key = scope.Scope.Key;
        return [.. days.Select(d => new TrendPoint(d,
            set.Get(key, StatsPeriod.Day, d, TicketTallies.Received),
            set.Get(key, StatsPeriod.Day, d, TicketTallies.Resolved),
            TicketFigures.Rate(set.Get(key, StatsPeriod.Day, d, TicketTallies.OnTime), set.Get(key, StatsPeriod.Day, d, TicketTallies.OnTimeCounted))))];
    }

    /// <summary>A month's or year's breakdown: the dimension's counters of that period and its gauges, one round trip.</summary>
    public async Task<StatsBreakdown> BreakdownAsync(ScopeInfo scope, string period, DateOnly date, string dimension)
    {
        var start = StatsPeriod.Start(period, date);
        var set = await counters.ReadAsync([new CounterQuery(ItemTypes.Ticket, [scope.Scope.Key],
            [(period, start), (StatsPeriod.Current, StatsPeriod.CurrentStart)], Breakdown: BreakdownTallies.PrefixOf(dimension))]);
        return new StatsBreakdown
        {
            Scope = scope.Scope.Key,
            ScopeName = scope.Name,
            ScopeNameEn = scope.NameEn,
            Period = period,
            From = start,
            To = StatsPeriod.End(period, date),
            By = dimension,
            Rows = BreakdownFigures.Rows(set, scope.Scope.Key, period, start, dimension),
        };
    }

    /// <summary>The twelve months of a year, January first, read in one round trip.</summary>
    public async Task<ImmutableArray<MonthFigures>> MonthsAsync(ScopeInfo scope, int year)
    {
        var months = Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1)).ToList();
        var set = await counters.ReadAsync([new CounterQuery(ItemTypes.Ticket, [scope.Scope.Key],
            [.. months.Select(m => (StatsPeriod.Month, m)), (StatsPeriod.Current, StatsPeriod.CurrentStart)])]);
        var key = scope.Scope.Key;
        return [.. months.Select(m => new MonthFigures(m,
            TicketFigures.Measures(set, key, StatsPeriod.Month, m), TicketFigures.Petitions(set, key, StatsPeriod.Month, m)))];
    }

    /// <summary>
    /// The scopes' own counters (the asked periods, the gauges, and today and this month for the forecast) and their
    /// children's headline counters.
    /// </summary>
    private List<CounterQuery> Queries(IReadOnlyList<ScopeInfo> own, IReadOnlyList<ScopeInfo> children, List<(string, DateOnly)> periods)
    {
        var today = Today;
        var ownPeriods = periods.Concat([
            (StatsPeriod.Current, StatsPeriod.CurrentStart),
            (StatsPeriod.Day, today),
            (StatsPeriod.Month, StatsPeriod.Start(StatsPeriod.Month, today)),
        ]).Distinct().ToList();
        List<(string, DateOnly)> childPeriods = [.. periods, (StatsPeriod.Current, StatsPeriod.CurrentStart)];
        return
        [
            new CounterQuery(ItemTypes.Ticket, [.. own.Select(s => s.Scope.Key)], ownPeriods),
            new CounterQuery(ItemTypes.Ticket, [.. children.Select(s => s.Scope.Key)], childPeriods, TicketFigures.HeadlineMeasures),
            new CounterQuery(ItemTypes.LegalAidCase, [.. own.Select(s => s.Scope.Key)], periods.Append((StatsPeriod.Current, StatsPeriod.CurrentStart)).Distinct().ToList()),
            new CounterQuery(ItemTypes.RehabVisit, [.. own.Select(s => s.Scope.Key)], periods.Append((StatsPeriod.Current, StatsPeriod.CurrentStart)).Distinct().ToList()),
        ];
    }

    private StatsSnapshot Snapshot(CounterSet set, ScopeInfo scope, IReadOnlyList<ScopeInfo> children, string period, DateOnly date)
    {
        var start = StatsPeriod.Start(period, date);
        return new StatsSnapshot
        {
            Scope = scope.Scope.Key,
            ScopeName = scope.Name,
            ScopeNameEn = scope.NameEn,
            Period = period,
            From = start,
            To = StatsPeriod.End(period, date),
            Target = (double)targets.OnTimeClosureTarget,
            Tickets = TicketFigures.Measures(set, scope.Scope.Key, period, start),
            Petitions = TicketFigures.Petitions(set, scope.Scope.Key, period, start),
            LegalAid = CaseFigures.LegalAid(set.ForType(ItemTypes.LegalAidCase), scope.Scope.Key, period, start),
            Rehab = CaseFigures.Rehab(set.ForType(ItemTypes.RehabVisit), scope.Scope.Key, period, start),
            Forecast = TicketFigures.Forecast(set, scope.Scope.Key, Today, targets.OnTimeClosureTarget),
            Children = [.. children.Select(child => TicketFigures.Headline(set, child, period, start))],
        };
    }
}
