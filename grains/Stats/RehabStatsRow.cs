using Npgsql;
using Dispatch.Sla;
using static Dispatch.Stats.StoredInstant;

namespace Dispatch.Stats;

/// <summary>
/// The columns of a visit's read-model row (rehab_visits) that the measures, the lists and the live feed depend on,
/// exactly as stored. Counter changes are computed from the row before and after a write.
/// </summary>
public sealed record RehabStatsRow : IPersonNamedRow
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string PersonName { get; init; } = "";
    public string ServiceType { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public string ProviderCode { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>The last time a window of the visit was missed (kept after a reschedule).</summary>
    public DateTimeOffset? MissedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Only the first visit of a request or plan has a first-visit clock.</summary>
    public DateTimeOffset? FirstVisitDueAt { get; init; }
    public DateTimeOffset? RecordDueAt { get; init; }
    public string? ClockState { get; init; }
    public string? ClockName { get; init; }
    public DateTimeOffset? ClockDueAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The hours the first-visit clock counted when the check-in stopped it, in its own terms (working time for a limit in
    /// working days); null while it runs, when a cancellation stopped it, and on rows written before it was kept.
    /// </summary>
    public double? FirstVisitUsedHours { get; init; }

    /// <summary>The hours the window clock counted (elapsed, from the window's start) when the completion stopped it; null otherwise (a missed window too).</summary>
    public double? WindowUsedHours { get; init; }

    /// <summary>The hours the record clock counted (working time) when the filed record stopped it (0 when notes came with the completion); null otherwise.</summary>
    public double? RecordUsedHours { get; init; }

    /// <summary>What the lists and the live feed call the visit: its service type, never the person's name (it reaches the big screen).</summary>
    public string Title => ServiceType;

    public const string Columns = """
        id, number, person_name, service_type, county_code, provider_code, status, requested_at, checked_in_at, completed_at,
        recorded_at, missed_at, cancelled_at, first_visit_due_at, record_due_at, clock_state, clock_name, clock_due_at, updated_at,
        first_visit_used_hours, window_used_hours, record_used_hours
        """;

    public static RehabStatsRow Stored(RehabStatsRow row) => row with
    {
        RequestedAt = Micro(row.RequestedAt),
        CheckedInAt = Micro(row.CheckedInAt),
        CompletedAt = Micro(row.CompletedAt),
        RecordedAt = Micro(row.RecordedAt),
        MissedAt = Micro(row.MissedAt),
        CancelledAt = Micro(row.CancelledAt),
        FirstVisitDueAt = Micro(row.FirstVisitDueAt),
        RecordDueAt = Micro(row.RecordDueAt),
        ClockDueAt = Micro(row.ClockDueAt),
        UpdatedAt = Micro(row.UpdatedAt),
    };

    public static RehabStatsRow Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Number = r.GetString(1), PersonName = r.GetString(2), ServiceType = r.GetString(3), CountyCode = r.GetString(4),
        ProviderCode = r.GetString(5), Status = r.GetString(6), RequestedAt = r.GetFieldValue<DateTimeOffset>(7), CheckedInAt = Instant(r, 8),
        CompletedAt = Instant(r, 9), RecordedAt = Instant(r, 10), MissedAt = Instant(r, 11), CancelledAt = Instant(r, 12),
        FirstVisitDueAt = Instant(r, 13), RecordDueAt = Instant(r, 14), ClockState = Text(r, 15), ClockName = Text(r, 16),
        ClockDueAt = Instant(r, 17), UpdatedAt = r.GetFieldValue<DateTimeOffset>(18),
        FirstVisitUsedHours = Hours(r, 19), WindowUsedHours = Hours(r, 20), RecordUsedHours = Hours(r, 21),
    };

    private static double? Hours(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDouble(ordinal);

    public static Task<RehabStatsRow?> LoadAsync(NpgsqlDataSource database, Guid id, CancellationToken cancellationToken) =>
        StoredInstant.LoadAsync(database, $"select {Columns} from rehab_visits where id = $1", id, Read, cancellationToken);
}
