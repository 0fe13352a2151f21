using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Breach risk computed afresh in SQL over the tickets read model, independently of the counters and the C# rules: for
/// each open ticket of a scope (dispatched or signed, not suspended, handling deadline after now), the resolved tickets
/// of its kind and topic at its unit, else its unit's county, else the city, read at their handling-hour bucket's lower
/// edge; comparable = those at least as old as the open ticket, longer = those older than its age plus the time left;
/// the first level with at least <paramref name="minimum"/> comparable tickets.
/// </summary>
public static class BreachRiskSql
{
    public sealed record Row(Guid Id, string? Basis, long Comparable, long Longer);

    public static async Task<List<Row>> RowsAsync(string connectionString, string scope, DateTimeOffset now, int minimum)
    {
        var filter = scope == "city" ? "true" : scope.StartsWith("county:", StringComparison.Ordinal) ? "o.county_code = $2" : "o.unit_code = $2";
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand($"""
            with past as (
                select unit_code, county_code, kind, topic, case
                        when h < 0 then 0 when h < 72 then h when h < 720 then 72 + (h - 72) / 6 * 6
                        when h < 4320 then 720 + (h - 720) / 24 * 24 else 4320 end as edge
                from (select *, floor(extract(epoch from resolved_at - first_dispatched_at) / 3600)::bigint as h
                      from tickets where resolved_at is not null and first_dispatched_at is not null) r
            ),
            open as (
                select o.id, o.unit_code, u.area_code as unit_county, o.kind, o.topic,
                       extract(epoch from $1 - o.first_dispatched_at) / 3600 as age,
                       extract(epoch from o.handling_due_at - o.first_dispatched_at) / 3600 as until_due
                from tickets o join units u on u.code = o.unit_code
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
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return rows;
    }
}
