using Npgsql;
using Dispatch.Sla;
using static Dispatch.Stats.StoredInstant;

namespace Dispatch.Stats;

/// <summary>
/// The columns of a legal-aid case's read-model row (legal_aid_cases) that the measures, the lists and the live feed
/// depend on, exactly as stored. Counter changes are computed from the row before and after a write.
/// </summary>
public sealed record LegalAidStatsRow : IPersonNamedRow
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string ApplicantName { get; init; } = "";

    public string PersonName => ApplicantName;
    public string CaseType { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public string StationCode { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset AppliedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? DecisionDueAt { get; init; }

    /// <summary>Set once aid stands granted (first decision or objection): the assignment clock started.</summary>
    public DateTimeOffset? AssignmentDueAt { get; init; }
    public DateTimeOffset? FirstAssignedAt { get; init; }
    public DateTimeOffset? ConcludedAt { get; init; }
    public bool ObjectionPending { get; init; }
    public string? ClockState { get; init; }
    public string? ClockName { get; init; }
    public DateTimeOffset? ClockDueAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Hours each stage clock counted when its work was done (breach-risk history, <see cref="LegalAidHandlingHistory"/>); null otherwise.</summary>
    public double? DecisionUsedHours { get; init; }
    public double? AssignmentUsedHours { get; init; }
    public double? AgreementUsedHours { get; init; }
    public double? ObjectionReviewUsedHours { get; init; }

    /// <summary>What the lists and the live feed call the case: its type, never the applicant's name (it reaches the big screen).</summary>
    public string Title => CaseType;

    public const string Columns = """
        id, number, applicant_name, case_type, county_code, station_code, status, applied_at, decided_at, decision_due_at,
        assignment_due_at, first_assigned_at, concluded_at, objection_pending, clock_state, clock_name, clock_due_at, updated_at,
        decision_used_hours, assignment_used_hours, agreement_used_hours, objection_review_used_hours
        """;

    public static LegalAidStatsRow Stored(LegalAidStatsRow row) => row with
    {
        AppliedAt = Micro(row.AppliedAt),
        DecidedAt = Micro(row.DecidedAt),
        DecisionDueAt = Micro(row.DecisionDueAt),
        AssignmentDueAt = Micro(row.AssignmentDueAt),
        FirstAssignedAt = Micro(row.FirstAssignedAt),
        ConcludedAt = Micro(row.ConcludedAt),
        ClockDueAt = Micro(row.ClockDueAt),
        UpdatedAt = Micro(row.UpdatedAt),
    };

    public static LegalAidStatsRow Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Number = r.GetString(1), ApplicantName = r.GetString(2), CaseType = r.GetString(3), CountyCode = r.GetString(4),
        StationCode = r.GetString(5), Status = r.GetString(6), AppliedAt = r.GetFieldValue<DateTimeOffset>(7), DecidedAt = Instant(r, 8),
        DecisionDueAt = Instant(r, 9), AssignmentDueAt = Instant(r, 10), FirstAssignedAt = Instant(r, 11), ConcludedAt = Instant(r, 12),
        ObjectionPending = r.GetBoolean(13), ClockState = Text(r, 14), ClockName = Text(r, 15), ClockDueAt = Instant(r, 16),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(17), DecisionUsedHours = Hours(r, 18), AssignmentUsedHours = Hours(r, 19),
        AgreementUsedHours = Hours(r, 20), ObjectionReviewUsedHours = Hours(r, 21),
    };

    private static double? Hours(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static Task<LegalAidStatsRow?> LoadAsync(NpgsqlDataSource database, Guid id, CancellationToken cancellationToken) =>
        StoredInstant.LoadAsync(database, $"select {Columns} from legal_aid_cases where id = $1", id, Read, cancellationToken);
}
