using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// The insert that records one write's counter changes; it joins the item's event transaction. It appends a row of its
/// own to <c>stats_counter_changes</c> rather than updating shared counter rows, so concurrent writers never wait on
/// each other; <see cref="StatsCounterFold"/> applies the changes to <c>stats_counters</c> later.
/// </summary>
public static class StatsCounterCommand
{
    private const string Insert = """
        insert into stats_counter_changes (item_type, scope, period, period_start, measure, delta)
        values ($1, $2, $3, $4, $5, $6)
        """;

    /// <summary>One row for all the changes of one item's write.</summary>
    public static NpgsqlBatchCommand For(IReadOnlyList<CounterChange> changes)
    {
        if (changes.Count == 0)
        {
            throw new ArgumentException("A counter change row needs at least one change.", nameof(changes));
        }
        var itemType = changes[0].ItemType;
        if (changes.Any(c => c.ItemType != itemType))
        {
            throw new ArgumentException("The changes of one write all belong to one item type.", nameof(changes));
        }
        var command = new NpgsqlBatchCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = itemType });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Scope).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Period).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Start).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Measure).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Delta).ToArray() });
        return command;
    }
}
