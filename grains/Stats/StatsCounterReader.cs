using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// Which counters to read: some scopes, some periods, all measures or a few. Breakdown counters (<see cref="BreakdownTallies"/>)
/// are read only when <paramref name="Breakdown"/> names their prefix, and then alone.
/// </summary>
public sealed record CounterQuery(
    string ItemType,
    IReadOnlyCollection<string> Scopes,
    IReadOnlyCollection<(string Period, DateOnly Start)> Periods,
    IReadOnlyCollection<string>? Measures = null,
    string? Breakdown = null);

/// <summary>
/// Reads counter totals (folded counters plus pending changes, <c>stats_counter_totals</c>), several queries (of any item
/// types) in one round trip.
/// </summary>
public sealed class StatsCounterReader(NpgsqlDataSource database)
{
    private const string Select = $"""
        select t.scope, t.period, t.period_start, t.measure, t.value
        from stats_counter_totals t
        join unnest($3::text[], $4::date[]) as p(period, start) on t.period = p.period and t.period_start = p.start
        where t.item_type = $1 and t.scope = any($2) and t.period_start = any($4) and ($5::text[] is null or t.measure = any($5))
          and case when $6::text is null then not starts_with(t.measure, '{BreakdownTallies.Prefix}') else starts_with(t.measure, $6) end
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
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = query.Breakdown, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        do
        {
            // One result per query, in order: tickets fill the set itself, other item types their own part of it.
            var target = set.Of(wanted[index++].ItemType);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Set, not add: a scope asked twice (watched itself and a child of another watched scope) must not count twice.
                target.Set(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), reader.GetInt64(4));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return set;
    }
}
