using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// The ticket measures computed afresh in SQL from the tickets read model, written independently of the C# rules
/// (from the definitions in the README), and the incrementally kept counters to hold against them.
/// </summary>
public static class MeasuresSql
{
    /// <summary>(scope, period, period_start, measure) -> value, for every non-zero measure.</summary>
    public const string Expected = """
        with t as (
            select id, county_code, unit_code, kind, topic, channel, town_code, contact_method, suspended, suspend_reason, clock_state, answered_on_spot, return_count,
                   rework_count, repeat_count, satisfaction, first_dispatched_at, signed_at, sign_due_at, handling_due_at,
                   resolved_at, closed_at, updated_at, petition_stage, accepted, acceptance_due_at, acceptance_decided_at, review_outcome,
                   (received_at at time zone 'Asia/Shanghai')::date as received_day,
                   (resolved_at at time zone 'Asia/Shanghai')::date as resolved_day,
                   (closed_at at time zone 'Asia/Shanghai')::date as closed_day,
                   (handling_due_at at time zone 'Asia/Shanghai')::date as due_day,
                   floor(extract(epoch from resolved_at - first_dispatched_at) / 3600)::bigint as handling_hours,
                   floor(coalesce(handling_used_hours, extract(epoch from resolved_at - first_dispatched_at) / 3600))::bigint as clock_hours
            from tickets
        ),
        facts (id, measure, day) as (
            select id, 'open', null::date from t where resolved_at is null
            union all select id, 'at_risk', null from t where clock_state = 'warning'
            union all select id, 'overdue', null from t where clock_state = 'overdue'
            union all select id, 'suspended:' || coalesce(suspend_reason, 'unknown'), null from t where suspended
            union all select id, 'received', received_day from t
            union all select id, 'received_resolved', received_day from t where resolved_at is not null
            union all select id, 'on_spot', received_day from t where answered_on_spot
            union all select id, 'dispatched', received_day from t where first_dispatched_at is not null
            union all select id, 'returned', received_day from t where first_dispatched_at is not null and return_count > 0
            union all select id, 'reworked', received_day from t where rework_count > 0
            union all select id, 'repeat_call', received_day from t where repeat_count > 0
            union all select id, 'signed', received_day from t where signed_at is not null
            union all select id, 'signed_on_time', received_day from t where signed_at <= sign_due_at
            union all select id, 'resolved', resolved_day from t where resolved_at is not null
            union all select id, 'called_back', resolved_day from t where resolved_at is not null and satisfaction is not null
            union all select id, 'resolved_no_contact', resolved_day from t where resolved_at is not null and contact_method = 'none'
            union all select id, 'satisfied', resolved_day from t
                where resolved_at is not null and satisfaction in ('satisfied', 'basically_satisfied')
            union all select id, 'handling_h:' || case
                    when handling_hours < 0 then 0
                    when handling_hours < 72 then handling_hours
                    when handling_hours < 720 then 72 + (handling_hours - 72) / 6 * 6
                    when handling_hours < 4320 then 720 + (handling_hours - 720) / 24 * 24
                    else 4320 end, resolved_day
                from t where resolved_at is not null and first_dispatched_at is not null
            -- Breach-risk history: every dispatched, resolved ticket by kind, topic and the bucket of the hours its handling
            -- clock counted (wall-clock hours on a row written before the clock was kept), kept 'current'.
            union all select id, 'by:risk:' || kind || ':' || topic || ':' || case
                    when clock_hours < 0 then 0
                    when clock_hours < 72 then clock_hours
                    when clock_hours < 720 then 72 + (clock_hours - 72) / 6 * 6
                    when clock_hours < 4320 then 720 + (clock_hours - 720) / 24 * 24
                    else 4320 end, null
                from t where resolved_at is not null and first_dispatched_at is not null
            union all select id, 'closed', closed_day from t where closed_at is not null
            union all select id, 'open_due', due_day from t
                where first_dispatched_at is not null and handling_due_at is not null and resolved_at is null and handling_due_at > updated_at
            union all select id, 'petition_received', received_day from t where petition_stage = 'petition'
            union all select id, 'petition_answered', resolved_day from t where petition_stage = 'petition' and accepted and resolved_at is not null
            union all select id, 'review_requested', received_day from t where petition_stage = 'review'
            union all select id, 're_review_requested', received_day from t where petition_stage = 're_review'
            union all select id, petition_stage || '_' || review_outcome, resolved_day from t
                where petition_stage in ('review', 're_review') and resolved_at is not null and review_outcome is not null
        ),
        -- Deadlines with an on-time rate: closure (dispatched tickets), a petition's acceptance decision, its written reply.
        deadlines (id, due, done, updated_at, counted, on_time) as (
            select id, handling_due_at, resolved_at, updated_at, 'on_time_counted', 'on_time' from t
                where first_dispatched_at is not null and handling_due_at is not null
            union all select id, acceptance_due_at, acceptance_decided_at, updated_at, 'acceptance_counted', 'acceptance_on_time' from t
                where petition_stage = 'petition' and acceptance_due_at is not null
            union all select id, handling_due_at, resolved_at, updated_at, 'reply_counted', 'reply_on_time' from t
                where petition_stage = 'petition' and accepted and handling_due_at is not null
        ),
        cells (id, measure, period, period_start) as (
            select f.id, f.measure, p.period, p.period_start
            from facts f
            cross join lateral (values ('day', f.day), ('month', date_trunc('month', f.day)::date), ('year', date_trunc('year', f.day)::date))
                as p (period, period_start)
            where f.day is not null
            union all
            select id, measure, 'current', date '1970-01-01' from facts where day is null
            union all
            -- On-time rates: each period holding the day done, or the due day once done or past, counted once.
            select distinct o.id, m.measure, p.period, p.period_start
            from deadlines o
            cross join lateral (values ((o.done at time zone 'Asia/Shanghai')::date),
                                       (case when o.done is not null or o.due <= o.updated_at then (o.due at time zone 'Asia/Shanghai')::date end)) as d (day)
            cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date), ('year', date_trunc('year', d.day)::date))
                as p (period, period_start)
            cross join lateral (values (o.counted, true), (o.on_time, o.done <= o.due)) as m (measure, counts)
            where d.day is not null and m.counts
        ),
        -- Breakdowns: a few measures again per kind, topic, channel and town (none without one), by month, year and now.
        breakdown_cells (id, measure, period, period_start) as (
            select c.id, 'by:' || d.dimension || ':' || d.value || ':' || c.measure, c.period, c.period_start
            from cells c
            join t on t.id = c.id
            cross join lateral (values ('kind', t.kind), ('topic', t.topic), ('channel', t.channel), ('town', coalesce(t.town_code, 'none')))
                as d (dimension, value)
            where c.measure in ('received', 'resolved', 'on_time_counted', 'on_time', 'open', 'overdue') and c.period <> 'day'
        ),
        all_cells (id, measure, period, period_start) as (
            select id, measure, period, period_start from cells
            union all select id, measure, period, period_start from breakdown_cells
        )
        select s.scope, c.period, c.period_start, c.measure, count(*)::bigint
        from all_cells c
        join t on t.id = c.id
        cross join lateral (values ('city'), ('county:' || t.county_code), ('unit:' || t.unit_code)) as s (scope)
        where s.scope is not null
        group by s.scope, c.period, c.period_start, c.measure
        """;

    public const string Kept = """
        select scope, period, period_start, measure, sum(value)::bigint from stats_counter_totals
        where item_type = 'ticket'
        group by scope, period, period_start, measure
        having sum(value) <> 0
        """;

    /// <summary>The folded counters alone, without pending changes.</summary>
    public const string FoldedOnly = """
        select scope, period, period_start, measure, value from stats_counters
        where item_type = 'ticket' and value <> 0
        """;

    public static async Task<Dictionary<(string Scope, string Period, DateOnly Start, string Measure), long>> ReadAsync(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        command.CommandTimeout = 300;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new Dictionary<(string, string, DateOnly, string), long>();
        while (await reader.ReadAsync())
        {
            values[(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3))] = reader.GetInt64(4);
        }
        return values;
    }

    /// <summary>Every counter where the kept value and the SQL value differ, described for a failure message.</summary>
    public static List<string> Differences(
        Dictionary<(string Scope, string Period, DateOnly Start, string Measure), long> kept,
        Dictionary<(string Scope, string Period, DateOnly Start, string Measure), long> expected) =>
        [.. kept.Keys.Union(expected.Keys)
            .Where(k => kept.GetValueOrDefault(k) != expected.GetValueOrDefault(k))
            .Select(k => $"{k.Scope} {k.Period} {k.Start:yyyy-MM-dd} {k.Measure}: kept {kept.GetValueOrDefault(k)}, SQL {expected.GetValueOrDefault(k)}")
            .Order(StringComparer.Ordinal)];

    public static async Task<List<string>> CompareAsync(string connectionString) =>
        Differences(await ReadAsync(connectionString, Kept), await ReadAsync(connectionString, Expected));
}
