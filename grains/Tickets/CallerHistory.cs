using Dispatch.Numbers;
using Dispatch.People;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>What registering a ticket reads from outside it: the caller's earlier calls and the ticket's number.</summary>
public sealed class CallerHistory(NpgsqlDataSource database, DailyNumbers numbers, PersonIdKey personIds)
{
    /// <summary>
    /// In one round trip: 重复来电 (earlier tickets of the same person or phone on the same topic within 30 days),
    /// the next number, JX12385-yyyyMMdd-nnnnnn, from that day's sequence (no row lock, gaps possible after a crash),
    /// and for a petition the re-review that already concluded this person's matter on the topic (终结), if any.
    /// The read model holds opaque person ids, so the person key is made opaque first.
    /// </summary>
    public async Task<(int Repeats, string Number, string? ConcludedBy)> RepeatsAndNumberAsync(
        string personKey, string phone, string topic, DateTimeOffset now, DateOnly localDay, bool petition = false)
    {
        var personId = personIds.Opaque(personKey);
        try
        {
            return await ReadRepeatsAndNumberAsync(personId, phone, topic, now, localDay, petition);
        }
        catch (PostgresException ex) when (ex.SqlState == DailyNumbers.UndefinedTable)
        {
            await numbers.CreateSequenceAsync(DailyNumberSeries.Tickets, localDay);
            return await ReadRepeatsAndNumberAsync(personId, phone, topic, now, localDay, petition);
        }
    }

    private async Task<(int, string, string?)> ReadRepeatsAndNumberAsync(
        string personId, string phone, string topic, DateTimeOffset now, DateOnly localDay, bool petition)
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
        if (petition)
        {
            var concluded = new NpgsqlBatchCommand("""
                select number from tickets
                where person_id = $1 and topic = $2 and petition_stage = 're_review' and resolved_at is not null
                order by resolved_at desc limit 1
                """);
            concluded.Parameters.Add(new NpgsqlParameter { Value = personId });
            concluded.Parameters.Add(new NpgsqlParameter { Value = topic });
            batch.BatchCommands.Add(concluded);
        }
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var count = reader.GetInt32(0);
        await reader.NextResultAsync();
        await reader.ReadAsync();
        var number = DailyNumberSeries.Tickets.Format(localDay, reader.GetInt32(0));
        string? concludedBy = null;
        if (petition && await reader.NextResultAsync() && await reader.ReadAsync())
        {
            concludedBy = reader.GetString(0);
        }
        return (count, number, concludedBy);
    }
}
