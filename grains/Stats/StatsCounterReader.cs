using Dispatch.People;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>Which counters to read: some scopes, some periods, all measures or a few.</summary>
public sealed record CounterQuery(
    string ItemType,
    IReadOnlyCollection<string> Scopes,
    IReadOnlyCollection<(string Period, DateOnly Start)> Periods,
    IReadOnlyCollection<string>? Measures = null);

/// <summary>Reads counters, summed over shards, several queries (of any item types) in one round trip.</summary>
public sealed class StatsCounterReader(NpgsqlDataSource database)
{
    private const string Select = """
        select c.scope, c.period, c.period_start, c.measure, sum(c.value)::bigint
        from stats_counters c
        join unnest($3::text[], $4::date[]) as p(period, start) on c.period = p.period and c.period_start = p.start
        where c.item_type = $1 and c.scope = any($2) and ($5::text[] is null or c.measure = any($5))
        group by c.scope, c.period, c.period_start, c.measure
        """;

    public async Task<CounterSet> ReadAsync(IReadOnlyList<CounterQuery> queries, CancellationToken cancellationToken = default)
    {
        var set = new CounterSet();
        var wanted = queries.Where(q => q.Scopes.Count > 0 && q.Periods.Count > 0).ToList();
        if (wanted.Count == 0)
        {
            return set;
        }
        await using var batch = database.CreateBatch();
        foreach (var query in wanted)
        {
            var command = new NpgsqlBatchCommand(Select);
            command.Parameters.Add(new NpgsqlParameter { Value = query.ItemType });
            command.Parameters.Add(new NpgsqlParameter { Value = query.Scopes.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = query.Periods.Select(p => p.Period).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = query.Periods.Select(p => p.Start).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]?> { TypedValue = query.Measures?.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        do
        {
            // One result per query, in order: tickets fill the set itself, other item types their own part of it.
            var target = wanted[index++].ItemType == ItemTypes.Ticket ? set : set.ForType(wanted[index - 1].ItemType);
            while (await reader.ReadAsync(cancellationToken))
            {
                target.Add(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), reader.GetInt64(4));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return set;
    }
}
