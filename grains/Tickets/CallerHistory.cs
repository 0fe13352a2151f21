using Dispatch.Numbers;
using Dispatch.People;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>What registering a ticket reads from outside it, all in one round trip.</summary>
/// <param name="Repeats">重复来电: earlier tickets of the same person or phone on the same topic within 30 days.</param>
/// <param name="Number">The new ticket's number; null when the ticket's stream turned out to exist already.</param>
/// <param name="ConcludedBy">For a petition, the re-review that already concluded this person's matter on the topic (终结).</param>
/// <param name="Recent">The earlier calls within the escalation ladder's window (<see cref="CallerQuestion.LadderDays"/>).</param>
public sealed record CallerFacts(int Repeats, string? Number, string? ConcludedBy, RecentCalls? Recent = null);

/// <summary>
/// The reads of a registration: the caller's earlier calls, the ticket's number and, for a petition, a concluded
/// re-review. They go to PostgreSQL as one batch, on their own (<see cref="ReadAsync"/>) or behind the query of the
/// ticket's own events (<see cref="Reads"/>/<see cref="ReadFromAsync"/>, so a new ticket costs one round trip before its
/// commit). The read model holds opaque person ids, so the person key is made opaque first.
/// </summary>
public sealed class CallerHistory(NpgsqlDataSource database, DailyNumbers numbers, PersonIdKey personIds)
{
    /// <summary>重复来电 as a measure: an earlier call of the same person or phone on the same topic within this many days.</summary>
    public const int RepeatDays = 30;

    /// <summary>The facts of one registration, read on their own.</summary>
    public Task<CallerFacts> ReadAsync(CallerQuestion question) =>
        WithDaySequenceAsync(question, async () =>
        {
            await using var batch = database.CreateBatch();
            foreach (var read in Reads(question, unlessStreamExists: null))
            {
                batch.BatchCommands.Add(read);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            return await ReadFromAsync(reader, question);
        });

    /// <summary>
    /// Runs <paramref name="read"/>; when the day's number sequence does not exist yet (the day's first number), creates it
    /// and runs <paramref name="read"/> again.
    /// </summary>
    public async Task<T> WithDaySequenceAsync<T>(CallerQuestion question, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (PostgresException ex) when (ex.SqlState == DailyNumbers.UndefinedTable)
        {
            await numbers.CreateSequenceAsync(DailyNumberSeries.Tickets, question.LocalDay);
            return await read();
        }
    }

    /// <summary>
    /// The statements of the facts. With <paramref name="unlessStreamExists"/>, the number is drawn only when that event
    /// stream has no events, so a registration repeated after its grain went away does not use up a number.
    /// </summary>
    public IReadOnlyList<NpgsqlBatchCommand> Reads(CallerQuestion question, string? unlessStreamExists)
    {
        var personId = personIds.Opaque(question.PersonKey);
        // The measure's 30 days, and the ladder's own window for the repeat-caller rung: the count and the latest numbers.
        var repeats = new NpgsqlBatchCommand($$"""
            select count(*) filter (where received_at >= $4)::int,
                   count(*) filter (where received_at >= $5)::int,
                   coalesce((array_agg(number order by received_at desc) filter (where received_at >= $5))[1:{{RecentCalls.MaxNumbers}}], '{}')
            from tickets
            where (person_id = $1 or caller_phone = $2) and topic = $3 and received_at >= least($4, $5) and merged_into is null
            """);
        // Without a phone (a letter or a visit) only the person's key matches: a null never equals a stored number.
        foreach (var value in new object[]
        {
            personId, (object?)question.Phone ?? DBNull.Value, question.Topic, question.Now.AddDays(-RepeatDays), question.Now.AddDays(-question.LadderDays),
        })
        {
            repeats.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        var nextValue = $"nextval('{DailyNumberSeries.Tickets.SequenceName(question.LocalDay)}')::int";
        NpgsqlBatchCommand number;
        if (unlessStreamExists is null)
        {
            number = new NpgsqlBatchCommand($"select {nextValue}");
        }
        else
        {
            number = new NpgsqlBatchCommand($"select case when exists (select from domain_events where stream_id = $1) then null else {nextValue} end");
            number.Parameters.Add(new NpgsqlParameter { Value = unlessStreamExists });
        }
        List<NpgsqlBatchCommand> reads = [repeats, number];
        if (question.Petition)
        {
            var concluded = new NpgsqlBatchCommand("""
                select number from tickets
                where person_id = $1 and topic = $2 and petition_stage = 're_review' and resolved_at is not null
                order by resolved_at desc limit 1
                """);
            concluded.Parameters.Add(new NpgsqlParameter { Value = personId });
            concluded.Parameters.Add(new NpgsqlParameter { Value = question.Topic });
            reads.Add(concluded);
        }
        return reads;
    }

    /// <summary>Reads the answers of <see cref="Reads"/>, starting at the reader's current result.</summary>
    public static async Task<CallerFacts> ReadFromAsync(NpgsqlDataReader reader, CallerQuestion question)
    {
        await reader.ReadAsync();
        var count = reader.GetInt32(0);
        var recent = new RecentCalls(question.LadderDays, reader.GetInt32(1), [.. reader.GetFieldValue<string[]>(2)]);
        await reader.NextResultAsync();
        await reader.ReadAsync();
        var number = reader.IsDBNull(0) ? null : DailyNumberSeries.Tickets.Format(question.LocalDay, reader.GetInt32(0));
        string? concludedBy = null;
        if (question.Petition && await reader.NextResultAsync() && await reader.ReadAsync())
        {
            concludedBy = reader.GetString(0);
        }
        return new CallerFacts(count, number, concludedBy, recent);
    }
}

/// <summary>Who calls about what, when: the question a registration asks of <see cref="CallerHistory"/>.</summary>
/// <param name="LadderDays">The window of the escalation ladder's repeat-caller rung (supervision.json), in days.</param>
public sealed record CallerQuestion(
    string PersonKey, string? Phone, string Topic, DateTimeOffset Now, DateOnly LocalDay, bool Petition, int LadderDays = CallerHistory.RepeatDays);
