using Npgsql;

namespace Dispatch.Tests.Resilience.Load;

/// <summary>What the database holds of the load's tickets, read directly from domain_events and the tickets read model.</summary>
public sealed record StoredTickets(
    int TicketsStored,
    int RegistrationsFound,
    IReadOnlyList<string> RegistrationsMissing,
    int ActionsFound,
    IReadOnlyList<string> ActionsMissing,
    IReadOnlyList<string> KeysWithTwoTickets,
    IReadOnlyList<string> StreamsRegisteredTwice,
    IReadOnlyList<string> ReadModelDisagreements)
{
    /// <summary>Compares every acknowledgement in the ledger with the stored events and read-model rows.</summary>
    public static async Task<StoredTickets> ReadAsync(string connectionString, LoadLedger ledger)
    {
        var events = await EventsAsync(connectionString);
        var rows = await RowsAsync(connectionString);
        var registrations = ledger.Registrations;

        var registrationsMissing = registrations
            .Where(r => !events.TryGetValue(r.Id, out var stream) || !stream.Contains((1, "registered"))
                || !rows.TryGetValue(r.Id, out var row) || row.Number != r.Number)
            .Select(r => $"{r.Number} ({r.Id}, key {r.Key})").Distinct().ToList();
        var actionsMissing = ledger.Actions
            .Where(a => !events.TryGetValue(a.Id, out var stream) || !stream.Contains((a.Version, a.Action))
                || !rows.TryGetValue(a.Id, out var row) || row.Version < a.Version)
            .Select(a => $"{a.Action} v{a.Version} of {a.Id}").ToList();
        var keysWithTwoTickets = registrations.GroupBy(r => r.Key)
            .Where(g => g.Select(r => (r.Id, r.Number)).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Number).Distinct())}").ToList();
        var registeredTwice = events.Where(e => e.Value.Count(v => v.Type == "registered") != 1).Select(e => e.Key.ToString()).ToList();
        var disagreements = events.Where(e => !rows.TryGetValue(e.Key, out var row) || row.Version != e.Value.Max(v => v.Version))
            .Select(e => $"{e.Key}: events up to v{e.Value.Max(v => v.Version)}, read model {(rows.TryGetValue(e.Key, out var row) ? "v" + row.Version : "none")}")
            .Concat(rows.Keys.Where(id => !events.ContainsKey(id)).Select(id => $"{id}: a read-model row without events"))
            .ToList();
        return new StoredTickets(rows.Count, registrations.Select(r => r.Id).Distinct().Count() - registrationsMissing.Count, registrationsMissing,
            ledger.Actions.Count - actionsMissing.Count, actionsMissing, keysWithTwoTickets, registeredTwice, disagreements);
    }

    private static async Task<Dictionary<Guid, List<(int Version, string Type)>>> EventsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select stream_id, version, event_type from domain_events where stream_type = 'ticket'");
        await using var reader = await command.ExecuteReaderAsync();
        var events = new Dictionary<Guid, List<(int, string)>>();
        while (await reader.ReadAsync())
        {
            // A ticket's stream is "ticket-" and its id without dashes.
            var id = Guid.ParseExact(reader.GetString(0)["ticket-".Length..], "N");
            if (!events.TryGetValue(id, out var stream))
            {
                events[id] = stream = [];
            }
            stream.Add((reader.GetInt32(1), reader.GetString(2)));
        }
        return events;
    }

    private static async Task<Dictionary<Guid, (string Number, int Version)>> RowsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select id, number, version from tickets");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, (string, int)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = (reader.GetString(1), reader.GetInt32(2));
        }
        return rows;
    }
}
