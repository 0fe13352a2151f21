using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.LegalAid;

/// <summary>The upsert of a case's read-model row, run inside the event transaction.</summary>
public static class LegalAidProjection
{
    /// <summary>The case's stored row as the measures and the live feed see it, from the same state and clocks as the upsert.</summary>
    public static LegalAidStatsRow Row(LegalAidState s, IClockReader clocks)
    {
        var worst = WorstClock.Of(s.Clocks, clocks);
        var stages = LegalAidStageClocks.Of(s, clocks);
        return LegalAidStatsRow.Stored(new LegalAidStatsRow
        {
            Id = s.Id, Number = s.Number, ApplicantName = s.Applicant.Name, CaseType = s.CaseType, CountyCode = s.CountyCode,
            StationCode = s.StationCode, Status = s.Status, AppliedAt = s.AppliedAt, DecidedAt = s.DecidedAt,
            DecisionDueAt = DueAt(s.Decision, clocks), AssignmentDueAt = DueAt(s.Assignment, clocks), FirstAssignedAt = s.Assignment?.StoppedAt,
            ConcludedAt = s.ConcludedAt, ObjectionPending = s.Objection is { Decision: null },
            ClockState = worst?.State, ClockName = worst?.Name, ClockDueAt = worst?.DueAt, UpdatedAt = s.UpdatedAt,
            DecisionUsedHours = stages.DecisionUsedHours, AssignmentUsedHours = stages.AssignmentUsedHours,
            AgreementUsedHours = stages.AgreementUsedHours, ObjectionReviewUsedHours = stages.ObjectionReviewUsedHours,
        });
    }

    public static NpgsqlBatchCommand Command(LegalAidState s, IClockReader clocks)
    {
        var summary = ClockSummary.Of(s.Clocks, clocks);
        var worst = WorstClock.Of(s.Clocks, clocks);
        var stages = LegalAidStageClocks.Of(s, clocks);
        var command = new NpgsqlBatchCommand(Upsert);
        object?[] values =
        [
            s.Id, s.Number, s.Version, s.Status, s.CaseType, s.Applicant.Name, s.Applicant.Phone, s.Applicant.ResidentId, s.PersonId,
            s.CountyCode, s.StationCode, s.Ticket?.TicketId, s.Ticket?.TicketNumber, s.Summary, s.AppliedAt, s.AcceptedAt, s.DecidedAt,
            s.ConcludedAt, s.ArchivedAt, s.DocumentsPending, s.Objection is { Decision: null }, s.Handler?.Name, s.Outcome,
            DueAt(s.Decision, clocks), DueAt(s.Assignment, clocks), DueAt(s.Agreement, clocks), DueAt(s.ObjectionReview, clocks),
            summary.WorstState, summary.AnyWarning, summary.AnyOverdue, summary.NearestDue, s.SupervisionOrders.Count, s.UpdatedAt,
            s.Assignment?.StoppedAt, worst?.Name, worst?.DueAt, s.Assignee?.UserId, s.Assignee?.Name,
            s.Handler?.MemberId, s.Handler?.AssignedAt, s.OpposingParty, PartyNames.Key(s.Applicant.Name), PartyNames.KeyOrNull(s.OpposingParty),
            stages.DecisionUsedHours, stages.AssignmentUsedHours, stages.AgreementUsedHours, stages.ObjectionReviewUsedHours,
            stages.Running?.AllowedHours, stages.Running?.UsedHours, stages.Running?.Working, stages.Running?.MeasuredAt,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    /// <summary>The earliest instant at which any running, unpaused clock of the case changes state.</summary>
    /// <summary>The earliest instant at which a clock changes state, or an open supervision order falls due for escalation.</summary>
    public static DateTimeOffset? NextClockChange(LegalAidState s, IClockReader clocks) =>
        new[] { ClockSummary.Of(s.Clocks, clocks).NextChange, SupervisionOrders.NextChange(s.SupervisionOrders, clocks) }.Min();

    private static DateTimeOffset? DueAt(ClockRecord? clock, IClockReader clocks) => clock is null ? null : clocks.Evaluate(clock).DueAt;

    private const string Upsert = """
        insert into legal_aid_cases (
            id, number, version, status, case_type, applicant_name, applicant_phone, resident_id, person_id,
            county_code, station_code, ticket_id, ticket_number, summary, applied_at, accepted_at, decided_at,
            concluded_at, archived_at, documents_pending, objection_pending, handler_name, outcome,
            decision_due_at, assignment_due_at, agreement_due_at, objection_review_due_at,
            clock_state, at_risk, overdue, next_due_at, supervision_count, updated_at, first_assigned_at, clock_name, clock_due_at,
            assignee_id, assignee_name, handler_member_id, handler_assigned_at, opposing_party, applicant_key, opposing_party_key,
            decision_used_hours, assignment_used_hours, agreement_used_hours, objection_review_used_hours,
            clock_allowed_hours, clock_used_hours, clock_working, clock_measured_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43,
                $44, $45, $46, $47, $48, $49, $50, $51)
        on conflict (id) do update set
            version = excluded.version, status = excluded.status, station_code = excluded.station_code, accepted_at = excluded.accepted_at,
            decided_at = excluded.decided_at, concluded_at = excluded.concluded_at, archived_at = excluded.archived_at,
            documents_pending = excluded.documents_pending, objection_pending = excluded.objection_pending,
            handler_name = excluded.handler_name, outcome = excluded.outcome,
            decision_due_at = excluded.decision_due_at, assignment_due_at = excluded.assignment_due_at,
            agreement_due_at = excluded.agreement_due_at, objection_review_due_at = excluded.objection_review_due_at,
            clock_state = excluded.clock_state, at_risk = excluded.at_risk, overdue = excluded.overdue,
            next_due_at = excluded.next_due_at, supervision_count = excluded.supervision_count, updated_at = excluded.updated_at,
            first_assigned_at = excluded.first_assigned_at, clock_name = excluded.clock_name, clock_due_at = excluded.clock_due_at,
            assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,
            handler_member_id = excluded.handler_member_id, handler_assigned_at = excluded.handler_assigned_at,
            opposing_party = excluded.opposing_party, applicant_key = excluded.applicant_key, opposing_party_key = excluded.opposing_party_key,
            decision_used_hours = excluded.decision_used_hours, assignment_used_hours = excluded.assignment_used_hours,
            agreement_used_hours = excluded.agreement_used_hours, objection_review_used_hours = excluded.objection_review_used_hours,
            clock_allowed_hours = excluded.clock_allowed_hours, clock_used_hours = excluded.clock_used_hours,
            clock_working = excluded.clock_working, clock_measured_at = excluded.clock_measured_at
        where legal_aid_cases.version <= excluded.version
        """;
}
