using Npgsql;
using Dispatch.Sla;

namespace Dispatch.Stats;

/// <summary>
/// The columns of a ticket's read-model row that the measures and the live feed depend on, exactly as stored
/// (instants at PostgreSQL's microsecond precision). Counter changes are computed from the row before and after a
/// write, so the counters are always an aggregate of the read model.
/// </summary>
public sealed record TicketStatsRow : IPersonNamedRow
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>Kept only so the title can be screened of it before it leaves for the live feed.</summary>
    public string CallerName { get; init; } = "";

    public string PersonName => CallerName;
    public string CountyCode { get; init; } = "";
    public string? UnitCode { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? FirstDispatchedAt { get; init; }
    public DateTimeOffset? SignedAt { get; init; }
    public DateTimeOffset? SignDueAt { get; init; }
    public DateTimeOffset? HandlingDueAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool AnsweredOnSpot { get; init; }
    public int ReturnCount { get; init; }
    public int ReworkCount { get; init; }
    public int RepeatCount { get; init; }
    public string? Satisfaction { get; init; }
    public bool Suspended { get; init; }
    public string? SuspendReason { get; init; }

    /// <summary>The state of the worst running clock when the row was written: running, paused, warning, overdue.</summary>
    public string? ClockState { get; init; }
    public string? ClockName { get; init; }
    public DateTimeOffset? ClockDueAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A petition's stage (petition, review, re_review); null for other kinds.</summary>
    public string? PetitionStage { get; init; }

    /// <summary>A petition's acceptance decision: true 受理, false 不予受理, null not decided yet.</summary>
    public bool? Accepted { get; init; }
    public DateTimeOffset? AcceptanceDueAt { get; init; }
    public DateTimeOffset? AcceptanceDecidedAt { get; init; }

    /// <summary>A review's or re-review's outcome: upheld or changed.</summary>
    public string? ReviewOutcome { get; init; }

    /// <summary>What the breakdowns count by: the ticket's kind, topic, channel and the caller's town (none for a county-level address).</summary>
    public string Kind { get; init; } = "";
    public string Topic { get; init; } = "";
    public string Channel { get; init; } = "";
    public string? TownCode { get; init; }

    /// <summary>The caller left no way to be reached (contact method "none"): owed no callback, left out of the callback rate.</summary>
    public bool NoContact { get; init; }

    /// <summary>
    /// The time the handling clock had counted when the row was written, in the clock's own terms (working time for a
    /// limit in working days or hours), pauses left out; once the ticket is resolved, its handling time. Null before the
    /// clock starts, and on rows written before it was kept.
    /// </summary>
    public double? HandlingUsedHours { get; init; }

    public const string Columns = """
        id, number, title, county_code, unit_code, status, received_at, first_dispatched_at, signed_at, sign_due_at,
        handling_due_at, resolved_at, closed_at, answered_on_spot, return_count, rework_count, repeat_count, satisfaction,
        suspended, suspend_reason, clock_state, clock_name, clock_due_at, updated_at,
        petition_stage, accepted, acceptance_due_at, acceptance_decided_at, review_outcome, caller_name,
        kind, topic, channel, town_code, contact_method, handling_used_hours
        """;

    /// <summary>The row as PostgreSQL keeps it: every instant cut to whole microseconds.</summary>
    public static TicketStatsRow Stored(TicketStatsRow row) => row with
    {
        ReceivedAt = Micro(row.ReceivedAt),
        FirstDispatchedAt = Micro(row.FirstDispatchedAt),
        SignedAt = Micro(row.SignedAt),
        SignDueAt = Micro(row.SignDueAt),
        HandlingDueAt = Micro(row.HandlingDueAt),
        ResolvedAt = Micro(row.ResolvedAt),
        ClosedAt = Micro(row.ClosedAt),
        ClockDueAt = Micro(row.ClockDueAt),
        UpdatedAt = Micro(row.UpdatedAt),
        AcceptanceDueAt = Micro(row.AcceptanceDueAt),
        AcceptanceDecidedAt = Micro(row.AcceptanceDecidedAt),
    };

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    public static TicketStatsRow Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Number = r.GetString(1), Title = r.GetString(2), CountyCode = r.GetString(3), UnitCode = Text(r, 4),
        Status = r.GetString(5), ReceivedAt = r.GetFieldValue<DateTimeOffset>(6), FirstDispatchedAt = Instant(r, 7),
        SignedAt = Instant(r, 8), SignDueAt = Instant(r, 9), HandlingDueAt = Instant(r, 10), ResolvedAt = Instant(r, 11),
        ClosedAt = Instant(r, 12), AnsweredOnSpot = r.GetBoolean(13), ReturnCount = r.GetInt32(14), ReworkCount = r.GetInt32(15),
        RepeatCount = r.GetInt32(16), Satisfaction = Text(r, 17), Suspended = r.GetBoolean(18), SuspendReason = Text(r, 19),
        ClockState = Text(r, 20), ClockName = Text(r, 21), ClockDueAt = Instant(r, 22), UpdatedAt = r.GetFieldValue<DateTimeOffset>(23),
        PetitionStage = Text(r, 24), Accepted = r.IsDBNull(25) ? null : r.GetBoolean(25), AcceptanceDueAt = Instant(r, 26),
        AcceptanceDecidedAt = Instant(r, 27), ReviewOutcome = Text(r, 28), CallerName = r.GetString(29),
        Kind = r.GetString(30), Topic = r.GetString(31), Channel = r.GetString(32), TownCode = Text(r, 33),
        NoContact = r.GetString(34) == "none", HandlingUsedHours = r.IsDBNull(35) ? null : r.GetDouble(35),
    };

    /// <summary>The stored row of one ticket, or null when it has none yet.</summary>
    public static async Task<TicketStatsRow?> LoadAsync(NpgsqlDataSource database, Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns} from tickets where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    private static DateTimeOffset? Micro(DateTimeOffset? t) => t is { } value ? Micro(value) : null;

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Instant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
