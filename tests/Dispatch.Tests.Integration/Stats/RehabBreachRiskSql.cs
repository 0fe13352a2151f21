using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Visit breach risk and its history computed afresh in SQL over the visits read model, independently of the counters
/// and the C# rules. The history: for each visit, each clock whose stop hours are kept (first visit, window, record),
/// the lower edge of its minute bucket (15 minutes below 8 hours, then the hour buckets of tickets in minutes), counted
/// in the city, the person's county and the provider. The risk: for each visit of a scope on the provider's worklist
/// whose stage clock runs and is due after now, the past visits of its service type and clock at its provider, else the
/// provider's county, else the city; comparable = those whose edge is at least the minutes its clock has counted now,
/// longer = those whose edge exceeds the minutes it allows (counted plus left); the first level with at least
/// <c>minimum</c> comparable visits. The counted time now is the stored measure plus what the shipped calendar counts
/// from its instant to now (working time for a working-time clock).
/// </summary>
public static class RehabBreachRiskSql
{
    public sealed record Row(Guid Id, string Kind, string Topic, string? Basis, long Comparable, long Longer);

    public sealed record Cell(string Scope, string Measure, long Value);

    private const string Past = """
        past as (
            select provider_code, county_code, service_type, clock, case
                    when m < 0 then 0 when m < 480 then m / 15 * 15
                    else greatest(480, 60 * case when m / 60 < 72 then m / 60 when m / 60 < 720 then 72 + (m / 60 - 72) / 6 * 6
                        when m / 60 < 4320 then 720 + (m / 60 - 720) / 24 * 24 else 4320 end) end as edge
            from (select v.provider_code, v.county_code, v.service_type, c.clock, floor(c.hours * 60)::bigint as m
                  from rehab_visits v
                  cross join lateral (values ('firstVisit', v.first_visit_used_hours), ('window', v.window_used_hours),
                      ('record', v.record_used_hours)) as c (clock, hours)
                  where c.hours is not null) stopped
        )
        """;

    /// <summary>The history cells a recount gives: scope, measure, count.</summary>
    public static async Task<List<Cell>> HistoryAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand($"""
            with {Past}
            select s.scope, 'by:risk:' || p.service_type || ':' || p.clock || ':' || p.edge, count(*)
            from past p cross join lateral (values ('city'), ('county:' || p.county_code), ('unit:' || p.provider_code)) as s (scope)
            group by 1, 2
            """);
        return await CellsAsync(command);
    }

    /// <summary>The history cells the counters hold now (folded and pending).</summary>
    public static async Task<List<Cell>> CountersAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("""
            select scope, measure, value from stats_counter_totals
            where item_type = 'rehab_visit' and period = 'current' and starts_with(measure, 'by:risk:') and value <> 0
            """);
        return await CellsAsync(command);
    }

    public static async Task<List<Row>> RowsAsync(string connectionString, string scope, DateTimeOffset now, int minimum)
    {
        var filter = scope == "city" ? "true" : scope.StartsWith("county:", StringComparison.Ordinal) ? "o.county_code = $2" : "o.provider_code = $2";
        await using var source = NpgsqlDataSource.Create(connectionString);
        var since = await BreachRiskSql.CountedSinceAsync(source, "select id, stage_working, stage_measured_at from rehab_visits where stage_measured_at is not null", now);
        await using var command = source.CreateCommand($"""
            with {Past},
            open as (
                select o.id, o.provider_code, u.area_code as provider_county, o.service_type, o.stage_clock,
                       a.used * 60 as age, a.used * 60 + greatest(0, o.stage_allowed_hours - a.used) * 60 as until_due
                from rehab_visits o join units u on u.code = o.provider_code
                join unnest($4::uuid[], $5::float8[]) as s (id, since) on s.id = o.id
                cross join lateral (select o.stage_used_hours + s.since as used) a
                where (o.status in ('requested', 'accepted', 'scheduled', 'assigned', 'checked_in', 'missed') or o.record_pending)
                  and case o.stage_clock when 'firstVisit' then o.first_visit_due_at when 'window' then o.window_due_at
                      when 'record' then o.record_due_at end > $1
                  and {filter}
            ),
            levels as (
                select o.id, l.rank, l.level,
                       count(p.*) filter (where p.edge >= o.age) as comparable,
                       count(p.*) filter (where p.edge > o.until_due) as longer
                from open o
                cross join (values (1, 'unit'), (2, 'county'), (3, 'city')) as l (rank, level)
                left join past p on p.service_type = o.service_type and p.clock = o.stage_clock
                    and (l.level = 'city' or (l.level = 'county' and p.county_code = o.provider_county)
                        or (l.level = 'unit' and p.provider_code = o.provider_code))
                group by o.id, l.rank, l.level
            )
            select o.id, o.service_type, o.stage_clock, b.level, coalesce(b.comparable, 0), coalesce(b.longer, 0)
            from open o
            left join lateral (select * from levels l where l.id = o.id and l.comparable >= $3 order by l.rank limit 1) b on true
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = scope[(scope.IndexOf(':') + 1)..] });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)minimum });
        command.Parameters.Add(new NpgsqlParameter { Value = since.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = since.Values.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5)));
        }
        return rows;
    }

    private static async Task<List<Cell>> CellsAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<Cell>();
        while (await reader.ReadAsync())
        {
            cells.Add(new Cell(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return cells;
    }
}
