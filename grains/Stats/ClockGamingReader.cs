using System.Collections.Immutable;
using System.Text.Json;
using Dispatch.People;
using Dispatch.Scopes;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// Reads clock-gaming signals and returns passed on for a scope and period: index range scans of the signal tables (the
/// period and the earlier ones the comparison needs), the units' handled items from the counters, the units from the
/// reference data. Periods are local (Asia/Shanghai) months or years.
/// </summary>
public sealed class ClockGamingReader(NpgsqlDataSource database, StatsCounterReader counters, ClockGamingSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Within = """
        occurred_at >= ($1::date)::timestamp at time zone 'Asia/Shanghai' and occurred_at < ($2::date)::timestamp at time zone 'Asia/Shanghai'
        """;

    /// <summary>What a unit handled in a period, the denominator of its rates: tickets resolved, cases decided, visits completed.</summary>
    private static readonly (string ItemType, string Measure)[] Handled =
        [(ItemTypes.Ticket, TicketTallies.Resolved), (ItemTypes.LegalAidCase, LegalAidTallies.Decided), (ItemTypes.RehabVisit, RehabTallies.Completed)];

    private sealed record UnitRow(string Code, string Name, string NameEn, string Kind, string County);

    public ClockGamingSettings Settings => settings;

    public async Task<ClockGamingReport> ReportAsync(StatsScope scope, string period, DateOnly date)
    {
        var starts = Enumerable.Range(0, settings.HistoryPeriods + 1).Select(i => PeriodStart(period, date, -i)).ToList();
        var units = await UnitsAsync();
        var counts = await CountsAsync(period, starts[^1], StatsPeriod.End(period, date).AddDays(1));
        var unitScopes = units.Select(u => StatsScope.Unit(u.Code).Key).ToList();
        var periods = starts.Select(s => (period, s)).ToList();
        var handled = await counters.ReadAsync([.. Handled.Select(h => new CounterQuery(h.ItemType, unitScopes, periods, [h.Measure]))]);
        var histories = units.Select(u => new UnitSignalHistory(u.Code, u.Name, u.NameEn, u.Kind, u.County,
            [.. starts.Select(s => Handled.Sum(h => handled.Of(h.ItemType).Get(StatsScope.Unit(u.Code).Key, period, s, h.Measure)))],
            ClockGamingKinds.All.ToDictionary(k => k, k => (IReadOnlyList<long>)[.. starts.Select(s => counts.GetValueOrDefault((u.Code, k, s)))])))
            .ToList();
        var shown = histories.Where(h => InScope(scope, h.County, h.Code)
            && Enumerable.Range(0, starts.Count).Any(i => h.HandledIn(i) > 0 || h.CountOf(UnitSignalHistory.Total, i) > 0));
        return new ClockGamingReport(scope.Key, period, starts[0], StatsPeriod.End(period, date), settings.View(),
            ClockGamingComparison.Compare(histories, shown, settings));
    }

    public async Task<ClockGamingSignals> SignalsAsync(StatsScope scope, string period, DateOnly date, string? unit, string? kind, int page, int pageSize)
    {
        var filter = $"{Within} and {ScopeCondition(scope)} and ($4::text is null or unit_code = $4) and ($5::text is null or kind = $5)";
        await using var batch = database.CreateBatch();
        var list = new NpgsqlBatchCommand($"""
            select item_type, item_id, item_number, kind, unit_code, county_code, occurred_at, evidence::text
            from clock_gaming_signals where {filter}
            order by occurred_at desc, item_id, event_version, kind limit $6 offset $7
            """);
        var total = new NpgsqlBatchCommand($"select count(*) from clock_gaming_signals where {filter}");
        foreach (var command in new[] { list, total })
        {
            Parameters(command, StatsPeriod.Start(period, date), StatsPeriod.End(period, date).AddDays(1), scope.Code);
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = unit, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = kind, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        }
        list.Parameters.Add(new NpgsqlParameter { Value = pageSize });
        list.Parameters.Add(new NpgsqlParameter { Value = (page - 1) * pageSize });
        batch.BatchCommands.Add(list);
        batch.BatchCommands.Add(total);
        await using var reader = await batch.ExecuteReaderAsync();
        var items = new List<ClockGamingSignal>();
        while (await reader.ReadAsync())
        {
            items.Add(new ClockGamingSignal
            {
                ItemType = reader.GetString(0), ItemId = reader.GetGuid(1), ItemNumber = reader.GetString(2), Kind = reader.GetString(3),
                UnitCode = reader.GetString(4), CountyCode = reader.GetString(5), OccurredAt = reader.GetFieldValue<DateTimeOffset>(6),
                Evidence = JsonSerializer.Deserialize<ClockGamingEvidence>(reader.GetString(7), Json) ?? new(),
            });
        }
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return new ClockGamingSignals([.. items], (int)reader.GetInt64(0), page, pageSize);
    }

    public async Task<ReturnsHeatmap> HeatmapAsync(StatsScope scope, string period, DateOnly date)
    {
        var condition = scope.Kind switch
        {
            StatsScopeKind.County => "county_code = $3",
            StatsScopeKind.Unit => "(from_unit = $3 or to_unit = $3)",
            _ => "$3::text is not null",
        };
        await using var command = database.CreateCommand($"""
            select from_unit, to_unit, count(*) from return_passes where {Within} and {condition}
            group by from_unit, to_unit order by from_unit, to_unit
            """);
        var from = StatsPeriod.Start(period, date);
        var to = StatsPeriod.End(period, date);
        Parameters(command.Parameters, from, to.AddDays(1), scope.Code);
        var cells = new List<ReturnCell>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                cells.Add(new ReturnCell(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }
        var pairs = cells.GroupBy(c => string.CompareOrdinal(c.FromUnit, c.ToUnit) <= 0 ? (c.FromUnit, c.ToUnit) : (c.ToUnit, c.FromUnit))
            .Select(g => new ReturnPair(g.Key.Item1, g.Key.Item2, g.Sum(c => c.Count)))
            .Where(p => p.Count > settings.PairReturns)
            .OrderByDescending(p => p.Count).ThenBy(p => p.UnitA, StringComparer.Ordinal).ThenBy(p => p.UnitB, StringComparer.Ordinal);
        var units = cells.SelectMany(c => new[] { c.FromUnit, c.ToUnit }).Distinct().Order(StringComparer.Ordinal);
        return new ReturnsHeatmap(scope.Key, period, from, to, settings.PairReturns, [.. units], [.. cells], [.. pairs]);
    }

    /// <summary>The start of the period <paramref name="offset"/> periods from the one holding <paramref name="date"/>.</summary>
    public static DateOnly PeriodStart(string period, DateOnly date, int offset) =>
        period == StatsPeriod.Year ? StatsPeriod.Start(period, date).AddYears(offset) : StatsPeriod.Start(StatsPeriod.Month, date).AddMonths(offset);

    /// <summary>A signal lies in a county scope by its item's county, in a unit scope by the unit it is charged to.</summary>
    private static string ScopeCondition(StatsScope scope) => scope.Kind switch
    {
        StatsScopeKind.County => "county_code = $3",
        StatsScopeKind.Unit => "unit_code = $3",
        _ => "$3::text is not null",
    };

    private static bool InScope(StatsScope scope, string unitCounty, string unitCode) => scope.Kind switch
    {
        StatsScopeKind.County => unitCounty == scope.Code,
        StatsScopeKind.Unit => unitCode == scope.Code,
        _ => true,
    };

    private static void Parameters(NpgsqlBatchCommand command, DateOnly from, DateOnly toExclusive, string code) =>
        Parameters(command.Parameters, from, toExclusive, code);

    private static void Parameters(NpgsqlParameterCollection parameters, DateOnly from, DateOnly toExclusive, string code)
    {
        parameters.Add(new NpgsqlParameter { Value = from });
        parameters.Add(new NpgsqlParameter { Value = toExclusive });
        parameters.Add(new NpgsqlParameter { Value = code });
    }

    /// <summary>Signals per unit, kind and period start, city-wide, from <paramref name="from"/> to before <paramref name="toExclusive"/>.</summary>
    private async Task<Dictionary<(string Unit, string Kind, DateOnly Start), long>> CountsAsync(string period, DateOnly from, DateOnly toExclusive)
    {
        var field = period == StatsPeriod.Year ? "year" : "month";
        await using var command = database.CreateCommand($"""
            select unit_code, kind, date_trunc('{field}', occurred_at at time zone 'Asia/Shanghai')::date, count(*)
            from clock_gaming_signals where {Within} and $3::text is not null group by 1, 2, 3
            """);
        Parameters(command.Parameters, from, toExclusive, "city");
        var counts = new Dictionary<(string, string, DateOnly), long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2))] = reader.GetInt64(3);
        }
        return counts;
    }

    private async Task<List<UnitRow>> UnitsAsync()
    {
        await using var command = database.CreateCommand("select code, name, name_en, kind, area_code from units order by code");
        await using var reader = await command.ExecuteReaderAsync();
        var units = new List<UnitRow>();
        while (await reader.ReadAsync())
        {
            units.Add(new UnitRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return units;
    }
}
