using Npgsql;

namespace Dispatch.Web.Items;

/// <summary>An item's audit trail from the event log: every change, in order, with who did it and when.</summary>
public sealed class EventHistory(NpgsqlDataSource database)
{
    /// <summary>The stream of one item: its type (ticket, legal_aid_case, rehab_visit) and id.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadAsync(string itemType, Guid id, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            select version, event_type, payload::text, actor_id, actor_role, actor_unit, actor_area, occurred_at
            from domain_events where stream_id = $1 order by version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = itemType + "-" + id.ToString("N") });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<HistoryEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new HistoryEntry(
                reader.GetInt32(0), reader.GetString(1), System.Text.Json.JsonDocument.Parse(reader.GetString(2)).RootElement,
                new HistoryActor(reader.GetString(3), reader.GetString(4), Text(reader, 5), Text(reader, 6)),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return entries;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
