using Dispatch.Numbers;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>What registering a ticket reads from outside it: the caller's earlier calls and the ticket's number.</summary>
public sealed class CallerHistory(NpgsqlDataSource database, DailyNumbers numbers)
{
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
}
