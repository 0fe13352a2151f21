using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Rehab;

/// <summary>
/// The visit's read-model row and its worker booking, run inside the event transaction. The booking table's exclusion
/// constraint refuses two overlapping windows for one worker, so a double booking fails the whole commit whichever
/// visit grains, silos or requests race for the worker.
/// </summary>
public static class RehabProjection
{
    public const string NoOverlapConstraint = "rehab_bookings_no_overlap";

    public static IEnumerable<NpgsqlBatchCommand> Commands(RehabState s, IClockReader clocks) => [Visit(s, clocks), Booking(s)];

    /// <summary>The earliest instant at which a clock changes state, or an open supervision order falls due for escalation.</summary>
    public static DateTimeOffset? NextClockChange(RehabState s, IClockReader clocks) =>
        new[] { ClockSummary.Of(s.Clocks, clocks).NextChange, SupervisionOrders.NextChange(s.SupervisionOrders, clocks) }.Min();

    /// <summary>The visit's stored row as the measures and the live feed see it, from the same state and clocks as the upsert.</summary>
    public static RehabStatsRow Row(RehabState s, IClockReader clocks)
    {
        var worst = WorstClock.Of(s.Clocks, clocks);
        return RehabStatsRow.Stored(new RehabStatsRow
        {
            Id = s.Id, Number = s.Number, PersonName = s.Person.Name, ServiceType = s.ServiceType, CountyCode = s.CountyCode,
            ProviderCode = s.ProviderCode, Status = s.Status, RequestedAt = s.RequestedAt, CheckedInAt = s.CheckedInAt,
            CompletedAt = s.CompletedAt, RecordedAt = s.RecordedAt, MissedAt = s.MissedAt, CancelledAt = s.CancelledAt,
            FirstVisitDueAt = DueAt(s.FirstVisit, clocks), RecordDueAt = DueAt(s.Record, clocks),
            ClockState = worst?.State, ClockName = worst?.Name, ClockDueAt = worst?.DueAt, UpdatedAt = s.UpdatedAt,
            FirstVisitUsedHours = RehabStageClock.UsedAtStop(s.FirstVisit, s.CheckedInAt is not null, clocks),
            WindowUsedHours = RehabStageClock.UsedAtStop(s.WindowClock, s.CompletedAt is not null, clocks),
            RecordUsedHours = RehabStageClock.UsedAtStop(s.Record, s.RecordedAt is not null, clocks),
        });
    }

    private static NpgsqlBatchCommand Visit(RehabState s, IClockReader clocks)
    {
        var summary = ClockSummary.Of(s.Clocks, clocks);
        var worst = WorstClock.Of(s.Clocks, clocks);
        var row = Row(s, clocks);
        var stage = RehabStageClock.Measure(s, clocks);
        var command = new NpgsqlBatchCommand(Upsert);
        object?[] values =
        [
            s.Id, s.Number, s.Version, s.Status, s.ServiceType, s.Person.Name, s.Person.Phone, s.Person.ResidentId, s.PersonId,
            s.CountyCode, s.Person.TownCode, s.Person.Address, s.ProviderCode, s.Worker?.Id, s.Worker?.Name, s.PlanId, s.PlanSequence,
            s.Ticket?.TicketId, s.Ticket?.TicketNumber, s.RequestedAt, s.Window?.Start, s.Window?.End, s.CheckedInAt, s.CompletedAt,
            s.RecordPending, DueAt(s.FirstVisit, clocks), DueAt(s.WindowClock, clocks), DueAt(s.Record, clocks),
            summary.WorstState, summary.AnyWarning, summary.AnyOverdue, summary.NearestDue, s.SupervisionOrders.Count, s.Reschedules.Count,
            s.UpdatedAt, s.RecordedAt, s.MissedAt, s.CancelledAt, worst?.Name, worst?.DueAt, s.Assignee?.UserId, s.Assignee?.Name,
            row.FirstVisitUsedHours, row.WindowUsedHours, row.RecordUsedHours, stage?.Clock, stage?.Measure.AllowedHours,
            stage?.Measure.UsedHours, stage?.Measure.Working, stage?.Measure.MeasuredAt,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    private static NpgsqlBatchCommand Booking(RehabState s)
    {
        if (!s.Books)
        {
            var release = new NpgsqlBatchCommand("delete from rehab_bookings where visit_id = $1");
            release.Parameters.Add(new NpgsqlParameter { Value = s.Id });
            return release;
        }
        var book = new NpgsqlBatchCommand("""
            insert into rehab_bookings (visit_id, provider_code, worker_id, during) values ($1, $2, $3, $4)
            on conflict (visit_id) do update set provider_code = excluded.provider_code, worker_id = excluded.worker_id, during = excluded.during
            """);
        book.Parameters.Add(new NpgsqlParameter { Value = s.Id });
        book.Parameters.Add(new NpgsqlParameter { Value = s.ProviderCode });
        book.Parameters.Add(new NpgsqlParameter { Value = s.Worker!.Id });
        book.Parameters.Add(new NpgsqlParameter { Value = new NpgsqlRange<DateTime>(s.Window!.Start.UtcDateTime, true, s.Window.End.UtcDateTime, false) });
        return book;
    }

    private static DateTimeOffset? DueAt(ClockRecord? clock, IClockReader clocks) => clock is null ? null : clocks.Evaluate(clock).DueAt;

    private const string Upsert = """
        insert into rehab_visits (
            id, number, version, status, service_type, person_name, person_phone, resident_id, person_id,
            county_code, town_code, address, provider_code, worker_id, worker_name, plan_id, plan_sequence,
            ticket_id, ticket_number, requested_at, window_start, window_end, checked_in_at, completed_at,
            record_pending, first_visit_due_at, window_due_at, record_due_at,
            clock_state, at_risk, overdue, next_due_at, supervision_count, reschedule_count, updated_at,
            recorded_at, missed_at, cancelled_at, clock_name, clock_due_at, assignee_id, assignee_name,
            first_visit_used_hours, window_used_hours, record_used_hours,
            stage_clock, stage_allowed_hours, stage_used_hours, stage_working, stage_measured_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42,
                $43, $44, $45, $46, $47, $48, $49, $50)
        on conflict (id) do update set
            version = excluded.version, status = excluded.status, worker_id = excluded.worker_id, worker_name = excluded.worker_name,
            window_start = excluded.window_start, window_end = excluded.window_end, checked_in_at = excluded.checked_in_at,
            completed_at = excluded.completed_at, record_pending = excluded.record_pending,
            first_visit_due_at = excluded.first_visit_due_at, window_due_at = excluded.window_due_at, record_due_at = excluded.record_due_at,
            clock_state = excluded.clock_state, at_risk = excluded.at_risk, overdue = excluded.overdue, next_due_at = excluded.next_due_at,
            supervision_count = excluded.supervision_count, reschedule_count = excluded.reschedule_count, updated_at = excluded.updated_at,
            recorded_at = excluded.recorded_at, missed_at = excluded.missed_at, cancelled_at = excluded.cancelled_at,
            clock_name = excluded.clock_name, clock_due_at = excluded.clock_due_at,
            assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,
            first_visit_used_hours = excluded.first_visit_used_hours, window_used_hours = excluded.window_used_hours,
            record_used_hours = excluded.record_used_hours, stage_clock = excluded.stage_clock,
            stage_allowed_hours = excluded.stage_allowed_hours, stage_used_hours = excluded.stage_used_hours,
            stage_working = excluded.stage_working, stage_measured_at = excluded.stage_measured_at
        where rehab_visits.version <= excluded.version
        """;
}
