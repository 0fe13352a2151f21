using Npgsql;

namespace Dispatch.Stats;

/// <summary>The upsert that applies counter changes; it joins the item's event transaction.</summary>
public static class StatsCounterCommand
{
    private const string Upsert = """
        insert into stats_counters as c (item_type, scope, period, period_start, measure, shard, value)
        select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::smallint[], $7::bigint[])
        on conflict (item_type, scope, period, period_start, measure, shard) do update set value = c.value + excluded.value
        """;

    /// <summary>One statement for all the changes, in the order given (primary-key order from <see cref="CounterDelta"/>).</summary>
    public static NpgsqlBatchCommand For(IReadOnlyList<CounterChange> changes)
    {
        var command = new NpgsqlBatchCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.ItemType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Scope).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Period).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Start).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Measure).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Shard).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Delta).ToArray() });
        return command;
    }
}
