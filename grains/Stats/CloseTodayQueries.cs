using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Scopes;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// Reads what the close-today list (<see cref="CloseTodayRules"/>) and the month-end projection (<see cref="MonthProjectionRules"/>)
/// rest on: the month so far from the counters, the open tickets with a handling deadline in a window from the tickets
/// read model (by unit or county through the indexes tickets_unit_open and tickets_county_status; open and not yet
/// past their deadline when last written, as the open_due counter counts them), and the handling history of their
/// units, counties and the city (<see cref="HandlingHistory"/>) for each ticket's chance of closing on time.
/// </summary>
public sealed class CloseTodayQueries(NpgsqlDataSource database, StatsCounterReader counters, ScopeDirectory scopes, MeasureTargets targets,
    SlaSettings sla, TimeProvider time)
{
    private sealed record OpenDue(Guid Id, string Number, string? UnitCode, string CountyCode, string Kind, string Topic, bool Suspended,
        DateTimeOffset DispatchedAt, DateTimeOffset DueAt, HandlingMeasure? Handling)
    {
        public HandlingPosition Clock(DateTimeOffset now, SlaSettings sla) =>
            HandlingPosition.At(Handling, Suspended, DispatchedAt, DueAt, now, sla.Calendars.ForCounty(CountyCode));
    }

    private static readonly string[] MonthMeasures = [TicketTallies.OnTime, TicketTallies.OnTimeCounted, TicketTallies.OpenDue];

    /// <summary>A unit's tickets due from today to Sunday, ranked, with the counts that must close today and this week.</summary>
    public async Task<CloseToday> CloseTodayAsync(ScopeInfo unit)
    {
        var now = time.GetUtcNow();
        var today = StatsPeriod.LocalDate(now);
        var month = StatsPeriod.Start(StatsPeriod.Month, today);
        var open = await OpenDueAsync([], [unit.Scope.Code], StatsPeriod.StartOf(today), StatsPeriod.StartOf(CloseTodayRules.WeekEnd(today).AddDays(1)));
        var county = unit.UnitCounty ?? open.FirstOrDefault()?.CountyCode ?? "";
        var set = await counters.ReadAsync([
            new CounterQuery(ItemTypes.Ticket, [unit.Scope.Key], [(StatsPeriod.Month, month)], MonthMeasures),
            HandlingHistory.Query([unit.Scope.Code], [county])]);
        var candidates = open.Select(o => new CloseTodayCandidate(o.Id, o.Number, o.Kind, o.Topic, o.DueAt, o.Suspended,
            ClosingChance.Of(HandlingHistory.Levels(set, o.Kind, o.Topic, unit.Scope.Code, county), now, o.DueAt, o.Clock(now, sla))));
        var key = unit.Scope.Key;
        return CloseTodayRules.Build(candidates, set.Get(key, StatsPeriod.Month, month, TicketTallies.OnTime),
            set.Get(key, StatsPeriod.Month, month, TicketTallies.OnTimeCounted), today, targets.OnTimeClosureTarget) with { Scope = key, At = now };
    }

    /// <summary>The month-end projection of a unit; of a county and its units; of the city's counties and all their units.</summary>
    public async Task<MonthProjections> ProjectionAsync(ScopeInfo scope)
    {
        var now = time.GetUtcNow();
        var today = StatsPeriod.LocalDate(now);
        var month = StatsPeriod.Start(StatsPeriod.Month, today);
        var rows = await RowScopesAsync(scope);
        var counties = rows.Where(r => r.Scope.Kind == StatsScopeKind.County).Select(r => r.Scope.Code).ToList();
        var units = rows.Where(r => r.Scope.Kind == StatsScopeKind.Unit).Select(r => r.Scope.Code).ToList();
        var open = await OpenDueAsync(counties, units, StatsPeriod.StartOf(month), StatsPeriod.StartOf(month.AddMonths(1)));
        var unitCounties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in open.Select(o => o.UnitCode).OfType<string>().Concat(units).Distinct())
        {
            unitCounties[unit] = (await scopes.FindAsync(StatsScope.Unit(unit)))?.UnitCounty ?? open.First(o => o.UnitCode == unit).CountyCode;
        }
        var set = await counters.ReadAsync([
            new CounterQuery(ItemTypes.Ticket, [.. rows.Select(r => r.Scope.Key)], [(StatsPeriod.Month, month), (StatsPeriod.Day, today)], MonthMeasures),
            HandlingHistory.Query(unitCounties.Keys, [.. unitCounties.Values, .. open.Select(o => o.CountyCode)])]);
        var chances = open.ToDictionary(o => o.Id, o => ClosingChance.Of(
            HandlingHistory.Levels(set, o.Kind, o.Topic, o.UnitCode, o.UnitCode is { } u ? unitCounties[u] : o.CountyCode), now, o.DueAt, o.Clock(now, sla)));
        var target = targets.OnTimeClosureTarget;
        return new MonthProjections
        {
            Scope = scope.Scope.Key, At = now, Month = month, Target = (double)target, MinimumHistory = BreachRiskRules.MinimumHistory,
            LowQuantile = MonthProjectionRules.LowQuantile, HighQuantile = MonthProjectionRules.HighQuantile,
            Rows = [.. rows.Select(r => Row(set, r, month, today, target,
                [.. open.Where(o => r.Scope.Kind == StatsScopeKind.Unit ? o.UnitCode == r.Scope.Code : o.CountyCode == r.Scope.Code).Select(o => chances[o.Id])]))],
        };
    }

    private static MonthProjection Row(CounterSet set, ScopeInfo row, DateOnly month, DateOnly today, decimal target, IReadOnlyList<ClosingChance> items)
    {
        var key = row.Scope.Key;
        var onTime = set.Get(key, StatsPeriod.Month, month, TicketTallies.OnTime);
        var counted = set.Get(key, StatsPeriod.Month, month, TicketTallies.OnTimeCounted);
        var projected = MonthProjectionRules.Project(onTime, counted, [.. items.Select(i => i.Chance)], target);
        var forecast = TicketFigures.Forecast(set, key, today, target);
        return new MonthProjection
        {
            Scope = key, Name = row.Name, NameEn = row.NameEn, Level = row.Scope.Kind == StatsScopeKind.Unit ? "unit" : "county",
            CountyCode = row.UnitCounty, OnTimeSoFar = onTime, CountedSoFar = counted, RateSoFar = TicketFigures.Rate(onTime, counted),
            OpenDue = items.Count, WithoutHistory = items.Count(i => i.Basis is null),
            Expected = projected.Expected, Low = projected.Low, High = projected.High, Likelihood = projected.Likelihood,
            RateIfAll = projected.IfAll, RateIfNone = projected.IfNone, MustCloseToday = forecast.MustCloseToday, DueToday = forecast.OpenDueToday,
        };
    }

    /// <summary>A unit alone; a county and its units; the city's counties, then each county's units.</summary>
    private async Task<IReadOnlyList<ScopeInfo>> RowScopesAsync(ScopeInfo scope)
    {
        switch (scope.Scope.Kind)
        {
            case StatsScopeKind.Unit:
                return [scope];
            case StatsScopeKind.County:
                return [scope, .. await scopes.ChildrenAsync(scope.Scope)];
            default:
                var counties = await scopes.ChildrenAsync(scope.Scope);
                var rows = new List<ScopeInfo>(counties);
                foreach (var county in counties)
                {
                    rows.AddRange(await scopes.ChildrenAsync(county.Scope));
                }
                return rows;
        }
    }

    /// <summary>
    /// Open tickets (dispatched at least once, not resolved) of some counties or held by some units, with a handling
    /// deadline in [from, to) not yet past when the row was last written: exactly those the open_due counter counts.
    /// </summary>
    private async Task<List<OpenDue>> OpenDueAsync(IReadOnlyCollection<string> counties, IReadOnlyCollection<string> units, DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = database.CreateCommand($"""
            select id, number, unit_code, county_code, kind, topic, suspended, first_dispatched_at, handling_due_at, {HandlingPosition.Columns}
            from tickets
            where ((county_code = any($3) and status in ('registered', 'dispatched', 'signed')) or (unit_code = any($4) and status in ('dispatched', 'signed')))
              and resolved_at is null and first_dispatched_at is not null
              and handling_due_at >= $1 and handling_due_at < $2 and handling_due_at > updated_at
            order by handling_due_at, number
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = counties.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = units.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<OpenDue>();
        while (await reader.ReadAsync())
        {
            found.Add(new OpenDue(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetBoolean(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                HandlingPosition.Read(reader, 9)));
        }
        return found;
    }
}
