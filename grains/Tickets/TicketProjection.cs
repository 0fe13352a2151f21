using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>The upsert of a ticket's read-model row, run inside the event transaction.</summary>
public static class TicketProjection
{
    /// <summary>
    /// The upsert, and the columns of the same row that the measures and the live feed read, evaluated once so the two
    /// cannot differ.
    /// </summary>
    public static (NpgsqlBatchCommand Command, TicketStatsRow Row) Project(TicketState s, IClockReader clocks)
    {
        var sign = Evaluate(s.SignFor, clocks);
        var acceptance = Evaluate(s.Acceptance, clocks);
        var handling = Evaluate(s.Handling, clocks);
        var callback = Evaluate(s.Callback, clocks);
        var running = new[] { sign, acceptance, handling, callback }.Where(v => v is { Running: true }).Select(v => v!.Value).ToList();
        var worst = running.Count == 0 ? ((ClockView View, bool Running, string Name)?)null
            : running.OrderByDescending(v => Severity(v.View.State)).ThenBy(v => v.View.DueAt).First();
        var clockState = worst is { } w ? DeadlineViews.StateName(w.View.State) : null;
        var command = new NpgsqlBatchCommand(Upsert);
        object?[] values =
        [
            s.Id, s.Number, s.Version, s.Status, s.Suspension is not null, s.Suspension?.ReasonCode, s.MergedInto,
            s.Details.Channel, s.Details.Kind, s.Details.Topic, s.Details.Urgency, s.Details.CallerName, s.Details.CallerPhone,
            s.Details.ResidentId, s.PersonId, s.Details.CountyCode, s.Details.TownCode, s.UnitCode, s.Details.Title, s.Details.Content,
            s.ReceivedAt, s.FirstDispatchedAt, s.ResolvedAt, s.ClosedAt, s.AnsweredOnSpot, s.AwaitingDispatch, s.AwaitingRuling,
            s.Returns.Count, s.TransferCount, s.ReworkCount, s.RepeatCount, s.Satisfaction, s.SupervisionOrders.Count(o => o.Open),
            sign?.View.DueAt, handling?.View.DueAt, callback?.View.DueAt, clockState,
            running.Any(v => v.View.State == ClockState.Warning), running.Any(v => v.View.State == ClockState.Overdue)
                || new[] { acceptance, handling, callback }.Any(v => v is { View.State: ClockState.Missed }),
            NextClockChange(s, clocks), DeadlineWatch.ShardOf(s.Id), s.UpdatedAt,
            s.SignedAt, worst?.Name, worst?.View.DueAt,
            s.Petition?.Stage, s.Petition?.ReviewOfId, s.Petition?.Decision?.Accepted, acceptance?.View.DueAt, s.Petition?.Decision?.At,
            s.Petition?.Outcome, s.Petition?.ConcludedBy, s.FailedCallbacks, s.NextCallbackAt,
            s.Assignee?.UserId, s.Assignee?.Name, s.Details.Contact,
            handling?.View.Allowed.TotalHours, handling?.View.Used.TotalHours, s.Handling?.Length.CountsWorkingTime,
            handling is null ? null : clocks.Now,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        var row = TicketStatsRow.Stored(new TicketStatsRow
        {
            Id = s.Id, Number = s.Number, Title = s.Details.Title, CallerName = s.Details.CallerName, CountyCode = s.Details.CountyCode, UnitCode = s.UnitCode,
            Status = s.Status, ReceivedAt = s.ReceivedAt, FirstDispatchedAt = s.FirstDispatchedAt, SignedAt = s.SignedAt,
            SignDueAt = sign?.View.DueAt, HandlingDueAt = handling?.View.DueAt, ResolvedAt = s.ResolvedAt, ClosedAt = s.ClosedAt,
            AnsweredOnSpot = s.AnsweredOnSpot, ReturnCount = s.Returns.Count, ReworkCount = s.ReworkCount, RepeatCount = s.RepeatCount,
            Satisfaction = s.Satisfaction, Suspended = s.Suspension is not null, SuspendReason = s.Suspension?.ReasonCode,
            ClockState = clockState, ClockName = worst?.Name, ClockDueAt = worst?.View.DueAt, UpdatedAt = s.UpdatedAt,
            PetitionStage = s.Petition?.Stage, Accepted = s.Petition?.Decision?.Accepted, AcceptanceDueAt = acceptance?.View.DueAt,
            AcceptanceDecidedAt = s.Petition?.Decision?.At, ReviewOutcome = s.Petition?.Outcome,
            Kind = s.Details.Kind, Topic = s.Details.Topic, Channel = s.Details.Channel, TownCode = s.Details.TownCode,
            NoContact = !s.Details.OwesCallback, HandlingUsedHours = handling?.View.Used.TotalHours,
        });
        return (command, row);
    }

    /// <summary>
    /// The earliest instant at which any running, unpaused clock changes state, or an open supervision order falls due
    /// for escalation (also on a closed ticket: the order waits for its reply all the same).
    /// </summary>
    public static DateTimeOffset? NextClockChange(TicketState s, IClockReader clocks) =>
        new[] { s.Status == TicketStatus.Closed ? null : ClockSummary.Of(s.Clocks, clocks).NextChange, SupervisionOrders.NextChange(s.SupervisionOrders, clocks) }
            .Min();

    private static (ClockView View, bool Running, string Name)? Evaluate(ClockRecord? clock, IClockReader clocks) =>
        clock is null ? null : (clocks.Evaluate(clock), clock.Running, clock.Name);

    private static int Severity(ClockState state) => state switch
    {
        ClockState.Overdue => 3,
        ClockState.Warning => 2,
        ClockState.Paused => 1,
        _ => 0,
    };

    private const string Upsert = """
        insert into tickets (
            id, number, version, status, suspended, suspend_reason, merged_into,
            channel, kind, topic, urgency, caller_name, caller_phone,
            resident_id, person_id, county_code, town_code, unit_code, title, content,
            received_at, first_dispatched_at, resolved_at, closed_at, answered_on_spot, awaiting_dispatch, awaiting_ruling,
            return_count, transfer_count, rework_count, repeat_count, satisfaction, open_supervision,
            sign_due_at, handling_due_at, callback_due_at, clock_state, at_risk, overdue,
            next_clock_change, watch_shard, updated_at, signed_at, clock_name, clock_due_at,
            petition_stage, petition_review_of, accepted, acceptance_due_at, acceptance_decided_at, review_outcome, concluded_by,
            callback_failed_attempts, callback_next_at, assignee_id, assignee_name, contact_method,
            handling_allowed_hours, handling_used_hours, handling_working, handling_measured_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42,
                $43, $44, $45, $46, $47, $48, $49, $50, $51, $52, $53, $54, $55, $56, $57, $58, $59, $60, $61)
        on conflict (id) do update set
            version = excluded.version, status = excluded.status, suspended = excluded.suspended,
            suspend_reason = excluded.suspend_reason, merged_into = excluded.merged_into, unit_code = excluded.unit_code,
            first_dispatched_at = excluded.first_dispatched_at, resolved_at = excluded.resolved_at, closed_at = excluded.closed_at,
            answered_on_spot = excluded.answered_on_spot, awaiting_dispatch = excluded.awaiting_dispatch,
            awaiting_ruling = excluded.awaiting_ruling, return_count = excluded.return_count,
            transfer_count = excluded.transfer_count, rework_count = excluded.rework_count, satisfaction = excluded.satisfaction,
            open_supervision = excluded.open_supervision, sign_due_at = excluded.sign_due_at,
            handling_due_at = excluded.handling_due_at, callback_due_at = excluded.callback_due_at,
            clock_state = excluded.clock_state, at_risk = excluded.at_risk, overdue = excluded.overdue,
            next_clock_change = excluded.next_clock_change, updated_at = excluded.updated_at,
            signed_at = excluded.signed_at, clock_name = excluded.clock_name, clock_due_at = excluded.clock_due_at,
            accepted = excluded.accepted, acceptance_due_at = excluded.acceptance_due_at,
            acceptance_decided_at = excluded.acceptance_decided_at, review_outcome = excluded.review_outcome,
            callback_failed_attempts = excluded.callback_failed_attempts, callback_next_at = excluded.callback_next_at,
            assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,
            handling_allowed_hours = excluded.handling_allowed_hours, handling_used_hours = excluded.handling_used_hours,
            handling_working = excluded.handling_working, handling_measured_at = excluded.handling_measured_at
        where tickets.version <= excluded.version
        """;
}
