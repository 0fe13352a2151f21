using Dispatch.Numbers;
using Dispatch.Routing;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>What a ticket needs to know from outside itself: units, routing, earlier calls, reference areas, numbers.</summary>
public sealed class TicketDirectory(NpgsqlDataSource database, DailyNumbers numbers, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan ReferenceLifetime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim referenceGate = new(1, 1);
    private (IntakeReference Reference, DateTimeOffset LoadedAt)? reference;

    public async Task<UnitTarget?> FindUnitAsync(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        await using var command = database.CreateCommand("select code, area_code, active from units where code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code.Trim() });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new UnitTarget(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)) : null;
    }

    /// <summary>Automatic routing: the most specific rule names a unit kind; the ticket's county supplies the unit.</summary>
    public Task<UnitTarget?> RouteAsync(TicketDetails details) =>
        RouteAsync(new RoutingSubject(details.CountyCode, details.TownCode, details.Kind, details.Topic));

    /// <summary>The same choice for facts not yet on a ticket: the intake form's suggestion.</summary>
    public async Task<UnitTarget?> RouteAsync(RoutingSubject subject)
    {
        var rules = await LoadRulesAsync();
        var kind = RoutingRules.Choose(rules, subject);
        if (kind is null)
        {
            return null;
        }
        await using var command = database.CreateCommand(
            "select code, area_code, active from units where area_code = $1 and kind = $2 and active order by code limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject.CountyCode });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new UnitTarget(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)) : null;
    }

    /// <summary>
    /// In one round trip: 重复来电 (earlier tickets of the same person or phone on the same topic within 30 days)
    /// and the next number, JX12385-yyyyMMdd-nnnnnn, from that day's sequence (no row lock, gaps possible after a crash).
    /// </summary>
    public async Task<(int Repeats, string Number)> RepeatsAndNumberAsync(string personId, string phone, string topic, DateTimeOffset now, DateOnly localDay)
    {
        try
        {
            return await ReadRepeatsAndNumberAsync(personId, phone, topic, now, localDay);
        }
        catch (PostgresException ex) when (ex.SqlState == DailyNumbers.UndefinedTable)
        {
            await numbers.CreateSequenceAsync(DailyNumberSeries.Tickets, localDay);
            return await ReadRepeatsAndNumberAsync(personId, phone, topic, now, localDay);
        }
    }

    private async Task<(int, string)> ReadRepeatsAndNumberAsync(string personId, string phone, string topic, DateTimeOffset now, DateOnly localDay)
    {
        await using var batch = database.CreateBatch();
        var repeats = new NpgsqlBatchCommand("""
            select count(*)::int from tickets
            where (person_id = $1 or caller_phone = $2) and topic = $3 and received_at >= $4 and merged_into is null
            """);
        foreach (var value in new object[] { personId, phone, topic, now.AddDays(-30) })
        {
            repeats.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        batch.BatchCommands.Add(repeats);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(DailyNumberSeries.Tickets.NextValueSql(localDay)));
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var count = reader.GetInt32(0);
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return (count, DailyNumberSeries.Tickets.Format(localDay, reader.GetInt32(0)));
    }

    public async Task<IntakeReference> ReferenceAsync()
    {
        var now = time.GetUtcNow();
        if (reference is { } cached && now - cached.LoadedAt < ReferenceLifetime)
        {
            return cached.Reference;
        }
        await referenceGate.WaitAsync();
        try
        {
            var areas = new List<string>();
            await using (var command = database.CreateCommand("select code from areas"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    areas.Add(reader.GetString(0));
                }
            }
            var towns = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var command = database.CreateCommand("select code, county_code from towns"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    towns[reader.GetString(0)] = reader.GetString(1);
                }
            }
            var loaded = new IntakeReference(areas, towns);
            reference = (loaded, now);
            return loaded;
        }
        finally
        {
            referenceGate.Release();
        }
    }

    private async Task<IReadOnlyList<RoutingRule>> LoadRulesAsync()
    {
        await using var command = database.CreateCommand("select id, county_code, town_code, kind, topic, unit_kind from routing_rules where active");
        await using var reader = await command.ExecuteReaderAsync();
        var rules = new List<RoutingRule>();
        while (await reader.ReadAsync())
        {
            rules.Add(new RoutingRule(reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetString(5)));
        }
        return rules;
    }

    public void Dispose() => referenceGate.Dispose();

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
