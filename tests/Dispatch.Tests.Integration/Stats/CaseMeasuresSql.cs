namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// The legal-aid and visit measures computed afresh in SQL from legal_aid_cases and rehab_visits, written from the
/// definitions in the README independently of the C# rules, and the kept counters of each item type. The visits' breach-risk
/// history: one 'current' cell per clock whose stop hours are kept, at the lower edge of its minute bucket.
/// </summary>
public static class CaseMeasuresSql
{
    private const string Cells = """
        cells (id, measure, period, period_start) as (
            select f.id, f.measure, p.period, p.period_start
            from facts f
            cross join lateral (values ('day', f.day), ('month', date_trunc('month', f.day)::date), ('year', date_trunc('year', f.day)::date))
                as p (period, period_start)
            where f.day is not null
            union all
            select id, measure, 'current', date '1970-01-01' from facts where day is null
        )
        """;

    public const string LegalAidExpected = $"""
        with t as (
            select id, county_code, station_code as unit_code, status, objection_pending, clock_state, decided_at, decision_due_at,
                   assignment_due_at, first_assigned_at, case_type,
                   decision_used_hours, assignment_used_hours, agreement_used_hours, objection_review_used_hours,
                   (applied_at at time zone 'Asia/Shanghai')::date as applied_day,
                   (decided_at at time zone 'Asia/Shanghai')::date as decided_day,
                   (first_assigned_at at time zone 'Asia/Shanghai')::date as assigned_day,
                   (concluded_at at time zone 'Asia/Shanghai')::date as concluded_day
            from legal_aid_cases
        ),
        facts (id, measure, day) as (
            select id, 'open', null::date from t
                where status in ('applied', 'under_review', 'granted', 'assigned', 'in_progress') or (status = 'refused' and objection_pending)
            union all select id, 'at_risk', null from t where clock_state = 'warning'
            union all select id, 'overdue', null from t where clock_state = 'overdue'
            union all select id, 'received', applied_day from t
            union all select id, 'decided', decided_day from t where decided_at is not null
            union all select id, 'granted', decided_day from t where decided_at is not null and assignment_due_at is not null
            union all select id, 'refused', decided_day from t where decided_at is not null and assignment_due_at is null
            union all select id, 'decision_counted', decided_day from t where decided_at is not null and decision_due_at is not null
            union all select id, 'decision_on_time', decided_day from t where decided_at <= decision_due_at
            union all select id, 'assigned', assigned_day from t where first_assigned_at is not null and assignment_due_at is not null
            union all select id, 'assigned_on_time', assigned_day from t where first_assigned_at <= assignment_due_at
            union all select id, 'concluded', concluded_day from t where concluded_day is not null
            -- Breach-risk history: per stage whose work was done, the bucket (lower edge) of the whole hours its clock counted.
            union all select id, 'by:risk:' || case_type || ':' || clock || ':' || case
                    when h < 72 then h when h < 720 then 72 + (h - 72) / 6 * 6 when h < 4320 then 720 + (h - 720) / 24 * 24 else 4320 end, null
                from (select t.id, t.case_type, s.clock, floor(s.hours)::bigint as h
                      from t cross join lateral (values ('decision', t.decision_used_hours), ('assignment', t.assignment_used_hours),
                          ('agreement', t.agreement_used_hours), ('objectionReview', t.objection_review_used_hours)) as s (clock, hours)
                      where s.hours is not null) stages
        ),
        {Cells}
        select s.scope, c.period, c.period_start, c.measure, count(*)::bigint
        from cells c join t on t.id = c.id
        cross join lateral (values ('city'), ('county:' || t.county_code), ('unit:' || t.unit_code)) as s (scope)
        group by s.scope, c.period, c.period_start, c.measure
        """;

    public const string RehabExpected = $"""
        with t as (
            select id, county_code, provider_code as unit_code, status, clock_state, checked_in_at, completed_at, recorded_at,
                   cancelled_at, first_visit_due_at, record_due_at, service_type,
                   first_visit_used_hours, window_used_hours, record_used_hours,
                   (requested_at at time zone 'Asia/Shanghai')::date as requested_day,
                   (completed_at at time zone 'Asia/Shanghai')::date as completed_day,
                   (checked_in_at at time zone 'Asia/Shanghai')::date as checked_in_day,
                   (missed_at at time zone 'Asia/Shanghai')::date as missed_day,
                   (cancelled_at at time zone 'Asia/Shanghai')::date as cancelled_day
            from rehab_visits
        ),
        facts (id, measure, day) as (
            select id, 'open', null::date from t where status in ('requested', 'accepted', 'scheduled', 'assigned', 'checked_in', 'missed')
            union all select id, 'at_risk', null from t where clock_state = 'warning'
            union all select id, 'overdue', null from t where clock_state = 'overdue'
            union all select id, 'requested', requested_day from t
            union all select id, 'requested_active', requested_day from t where cancelled_at is null
            union all select id, 'requested_completed', requested_day from t where completed_at is not null
            union all select id, 'completed', completed_day from t where completed_day is not null
            union all select id, 'record_counted', completed_day from t where completed_day is not null
            union all select id, 'record_on_time', completed_day from t where completed_at is not null and recorded_at <= record_due_at
            union all select id, 'missed', missed_day from t where missed_day is not null
            union all select id, 'cancelled', cancelled_day from t where cancelled_day is not null
            union all select id, 'first_visit_counted', checked_in_day from t where checked_in_at is not null and first_visit_due_at is not null
            union all select id, 'first_visit_on_time', checked_in_day from t where checked_in_at <= first_visit_due_at
            union all select t.id, 'by:risk:' || t.service_type || ':' || c.clock || ':' || case
                    when c.m < 0 then 0 when c.m < 480 then c.m / 15 * 15
                    else greatest(480, 60 * case when c.m / 60 < 72 then c.m / 60 when c.m / 60 < 720 then 72 + (c.m / 60 - 72) / 6 * 6
                        when c.m / 60 < 4320 then 720 + (c.m / 60 - 720) / 24 * 24 else 4320 end) end, null
                from t cross join lateral (values ('firstVisit', floor(t.first_visit_used_hours * 60)::bigint),
                    ('window', floor(t.window_used_hours * 60)::bigint), ('record', floor(t.record_used_hours * 60)::bigint)) as c (clock, m)
                where c.m is not null
        ),
        {Cells}
        select s.scope, c.period, c.period_start, c.measure, count(*)::bigint
        from cells c join t on t.id = c.id
        cross join lateral (values ('city'), ('county:' || t.county_code), ('unit:' || t.unit_code)) as s (scope)
        group by s.scope, c.period, c.period_start, c.measure
        """;

    public static string Kept(string itemType) => $"""
        select scope, period, period_start, measure, sum(value)::bigint from stats_counter_totals
        where item_type = '{itemType}'
        group by scope, period, period_start, measure
        having sum(value) <> 0
        """;
}
