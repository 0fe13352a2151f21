using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Legal-aid breach risk computed afresh in SQL over the cases read model, independently of the counters and the C#
/// rules: for each open case of a scope (open status, not waiting for documents, its running clock not paused and due
/// after now), the past cases of its case type whose same stage clock finished its work, at its station, else its
/// station's county, else the city, read at the lower edge of the bucket of the hours that clock counted; comparable =
/// those that took at least the open case's counted hours now, longer = those that took more than the hours its clock
/// will have counted at its due time; the first level with at least <paramref name="minimum"/> comparable cases. An open
/// case's counted hours now are its stored ones plus what the shipped calendar counts from their measure to now (working
/// time for a working-time clock). A case without a measure gets no estimate.
/// </summary>
public static class LegalAidBreachRiskSql
{
    public sealed record Row(Guid Id, string Kind, string Topic, string? Basis, long Comparable, long Longer, double RemainingHours);

    /// <summary>The history cells (<c>by:risk:&lt;case type&gt;:&lt;clock&gt;:&lt;edge&gt;</c>) the cases' rows give, in each scope.</summary>
    public const string HistoryCells = """
        with past as (
            select c.county_code, c.station_code, c.case_type, s.clock, floor(s.hours)::bigint as h
            from legal_aid_cases c
            cross join lateral (values ('decision', c.decision_used_hours), ('assignment', c.assignment_used_hours),
                ('agreement', c.agreement_used_hours), ('objectionReview', c.objection_review_used_hours)) as s (clock, hours)
            where s.hours is not null
        )
        select x.scope, 'current', date '1970-01-01', 'by:risk:' || case_type || ':' || clock || ':' || case
                when h < 0 then 0 when h < 72 then h when h < 720 then 72 + (h - 72) / 6 * 6
                when h < 4320 then 720 + (h - 720) / 24 * 24 else 4320 end, count(*)::bigint
        from past
        cross join lateral (values ('city'), ('county:' || county_code), ('unit:' || station_code)) as x (scope)
        group by 1, 2, 3, 4
        """;

    public static async Task<List<Row>> RowsAsync(string connectionString, string scope, DateTimeOffset now, int minimum)
    {
        var filter = scope == "city" ? "true" : scope.StartsWith("county:", StringComparison.Ordinal) ? "o.county_code = $2" : "o.station_code = $2";
        await using var source = NpgsqlDataSource.Create(connectionString);
        var since = await BreachRiskSql.CountedSinceAsync(source, "select id, clock_working, clock_measured_at from legal_aid_cases where clock_measured_at is not null", now);
        await using var command = source.CreateCommand($"""
            with past as (
                select station_code, county_code, case_type, clock, case
                        when h < 0 then 0 when h < 72 then h when h < 720 then 72 + (h - 72) / 6 * 6
                        when h < 4320 then 720 + (h - 720) / 24 * 24 else 4320 end as edge
                from (select c.station_code, c.county_code, c.case_type, s.clock, floor(s.hours)::bigint as h
                      from legal_aid_cases c
                      cross join lateral (values ('decision', c.decision_used_hours), ('assignment', c.assignment_used_hours),
                          ('agreement', c.agreement_used_hours), ('objectionReview', c.objection_review_used_hours)) as s (clock, hours)
                      where s.hours is not null) r
            ),
            open as (
                select o.id, o.station_code, u.area_code as station_county, o.case_type, o.clock_name, o.clock_due_at,
                       o.clock_measured_at is not null as measured, a.age, a.age + greatest(0, o.clock_allowed_hours - a.age) as until_due
                from legal_aid_cases o join units u on u.code = o.station_code
                left join unnest($4::uuid[], $5::float8[]) as s (id, since) on s.id = o.id
                cross join lateral (select o.clock_used_hours + s.since as age) a
                where (o.status in ('applied', 'under_review', 'granted', 'assigned', 'in_progress') or (o.status = 'refused' and o.objection_pending))
                  and not o.documents_pending and o.clock_state in ('running', 'warning') and o.clock_due_at > $1 and {filter}
            ),
            levels as (
                select o.id, l.rank, l.level,
                       count(p.*) filter (where p.edge >= o.age) as comparable,
                       count(p.*) filter (where p.edge > o.until_due) as longer
                from open o
                cross join (values (1, 'unit'), (2, 'county'), (3, 'city')) as l (rank, level)
                left join past p on p.case_type = o.case_type and p.clock = o.clock_name
                    and (l.level = 'city' or (l.level = 'county' and p.county_code = o.station_county) or (l.level = 'unit' and p.station_code = o.station_code))
                where o.measured
                group by o.id, l.rank, l.level
            )
            select o.id, o.case_type, o.clock_name, b.level, coalesce(b.comparable, 0), coalesce(b.longer, 0),
                   coalesce(o.until_due - o.age, greatest(0, extract(epoch from o.clock_due_at - $1) / 3600))::float8
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
                reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(6)));
        }
        return rows;
    }
}
