using Dispatch.People;
using Npgsql;

namespace Dispatch.Web.People;

/// <summary>
/// One row of the person record (一人一档): a ticket, legal-aid case or rehabilitation visit. Label is the ticket kind,
/// case type or service type; UnitCode the handling unit, station or provider; At when it came in.
/// </summary>
public sealed record TimelineEntry(
    string ItemType, Guid Id, string Number, string Status, string Label, string? Title, string CountyCode, string? UnitCode,
    DateTimeOffset At, DateTimeOffset? ScheduledFor, string? ClockState, bool Overdue, Guid? TicketId);

/// <summary>Reads a person's tickets, cases and visits from their read models, each limited to what the user may see.</summary>
public sealed class PersonTimeline(NpgsqlDataSource database)
{
    public const int MaxEntries = 200;

    // Each item's table with the columns of a timeline row, and when the item came in.
    // The person's name as each item recorded it comes along, only to screen the free text for supervisors.
    private readonly (ItemTable<Row> Table, string At)[] sources =
    [
        (new(database, "tickets", "unit_code",
            "'ticket', id, number, status, kind, title, county_code, unit_code, received_at, null::timestamptz, clock_state, overdue, null::uuid, caller_name",
            Read), "received_at"),
        (new(database, "legal_aid_cases", "station_code",
            "'legal_aid_case', id, number, status, case_type, summary, county_code, station_code, applied_at, null::timestamptz, clock_state, overdue, ticket_id, applicant_name",
            Read), "applied_at"),
        (new(database, "rehab_visits", "provider_code",
            "'rehab_visit', id, number, status, service_type, null::text, county_code, provider_code, requested_at, window_start, clock_state, overdue, ticket_id, person_name",
            Read), "requested_at"),
    ];

    /// <summary>Everything of one person, newest first, each row with its itemType; titles screened for supervisors.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Actor actor, string personId, CancellationToken ct)
    {
        var entries = new List<TimelineEntry>();
        foreach (var (table, at) in sources)
        {
            entries.AddRange((await table.OfPersonAsync(actor, personId, at + " desc", MaxEntries, ct))
                .Select(row => row.Entry with { Title = Dispatch.PersonalData.PersonalDataMasks.Text(row.Entry.Title, actor, row.Name) }));
        }
        return [.. entries.OrderByDescending(e => e.At).ThenBy(e => e.Number, StringComparer.Ordinal).Take(MaxEntries)];
    }

    private sealed record Row(TimelineEntry Entry, string Name);

    private static Row Read(NpgsqlDataReader r) => new(new(
        r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), Columns.Text(r, 5), r.GetString(6),
        Columns.Text(r, 7), r.GetFieldValue<DateTimeOffset>(8), Columns.Time(r, 9), Columns.Text(r, 10), r.GetBoolean(11), Columns.Id(r, 12)),
        r.GetString(13));
}
