using Dispatch.Calendar;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Breach risk computed afresh in SQL over the tickets read model, independently of the counters and the C# rules: for
/// each open ticket of a scope (dispatched or signed, not suspended, handling deadline after now), the resolved tickets
/// of its kind and topic at its unit, else its unit's county, else the city, read at the lower edge of the bucket of the
/// hours their handling clock counted; comparable = those that took at least the open ticket's counted hours now,
/// longer = those that took more than the hours its clock allows (counted hours plus those left); the first level with
/// at least <paramref name="minimum"/> comparable tickets. An open ticket's counted hours now are its stored ones plus
/// what the shipped calendar counts from their measure to now (working time for a working-time clock).
/// </summary>
public static class BreachRiskSql
{
    public sealed record Row(Guid Id, string? Basis, long Comparable, long Longer);

    private static readonly CalendarTimeline Calendar =
        CalendarTimeline.Of(SlaSettings.Load(Path.Combine(RepositoryRoot.Find(), "deploy", "reference-data")).Calendar);

    /// <summary>
    /// The hours each measured clock has counted since its measure, up to <paramref name="now"/>, as the shipped calendar
    /// counts them (working time for a working-time clock): <paramref name="query"/> selects id, working, measured at.
    /// </summary>
    internal static async Task<Dictionary<Guid, double>> CountedSinceAsync(NpgsqlDataSource source, string query, DateTimeOffset now)
    {
        var since = new Dictionary<Guid, double>();
        await using var measured = source.CreateCommand(query);
        await using var clocks = await measured.ExecuteReaderAsync();
        while (await clocks.ReadAsync())
        {
            var at = clocks.GetFieldValue<DateTimeOffset>(2);
            since[clocks.GetGuid(0)] = at >= now ? 0 : clocks.GetBoolean(1) ? Calendar.WorkingTimeBetween(at, now).TotalHours : (now - at).TotalHours;
        }
        return since;
    }

    public static async Task<List<Row>> RowsAsync(string connectionString, string scope, DateTimeOffset now, int minimum)
    {
        var filter = scope == "city" ? "true" : scope.StartsWith("county:", StringComparison.Ordinal) ? "o.county_code = $2" : "o.unit_code = $2";
        await using var source = NpgsqlDataSource.Create(connectionString);
        var since = await CountedSinceAsync(source, """
            select id, handling_working, handling_measured_at from tickets
            where status in ('dispatched', 'signed') and not suspended and handling_measured_at is not null
            """, now);
        await using var command = source.CreateCommand($"""
            with past as (
                select unit_code, county_code, kind, topic, case
                        when h < 0 then 0 when h < 72 then h when h < 720 then 72 + (h - 72) / 6 * 6
                        when h < 4320 then 720 + (h - 720) / 24 * 24 else 4320 end as edge
                from (select *, floor(coalesce(handling_used_hours, extract(epoch from resolved_at - first_dispatched_at) / 3600))::bigint as h
                      from tickets where resolved_at is not null and first_dispatched_at is not null) r
            ),
            open as (
                select o.id, o.unit_code, u.area_code as unit_county, o.kind, o.topic,
                       a.age, a.age + greatest(0, o.handling_allowed_hours - a.age) as until_due
                from tickets o join units u on u.code = o.unit_code
                join unnest($4::uuid[], $5::float8[]) as s (id, since) on s.id = o.id
                cross join lateral (select o.handling_used_hours + s.since as age) a
                where o.status in ('dispatched', 'signed') and not o.suspended and o.first_dispatched_at is not null
                  and o.handling_due_at > $1 and {filter}
            ),
            levels as (
                select o.id, l.rank, l.level,
                       count(p.*) filter (where p.edge >= o.age) as comparable,
                       count(p.*) filter (where p.edge > o.until_due) as longer
                from open o
                cross join (values (1, 'unit'), (2, 'county'), (3, 'city')) as l (rank, level)
                left join past p on p.kind = o.kind and p.topic = o.topic
                    and (l.level = 'city' or (l.level = 'county' and p.county_code = o.unit_county) or (l.level = 'unit' and p.unit_code = o.unit_code))
                group by o.id, l.rank, l.level
            )
            select o.id, b.level, coalesce(b.comparable, 0), coalesce(b.longer, 0)
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
            rows.Add(new Row(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return rows;
    }
}
