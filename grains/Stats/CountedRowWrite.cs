using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// A read-model write with its counter changes: the item's projection commands, then one upsert of the difference
/// between the contributions of the stored row and the new one. Every item adds these to its event transaction.
/// </summary>
public sealed record CountedRowWrite<TRow>(TRow Row, IReadOnlyList<CounterChange> Counters, IReadOnlyList<NpgsqlBatchCommand> Commands)
    where TRow : class
{
    /// <param name="stored">The row as stored now; null for a new item.</param>
    public static CountedRowWrite<TRow> Between(
        TRow? stored, TRow row, Func<TRow, StatsContribution> contribution, IEnumerable<NpgsqlBatchCommand> projection)
    {
        var counters = CounterDelta.Between(stored is null ? null : contribution(stored), contribution(row));
        IReadOnlyList<NpgsqlBatchCommand> commands = counters.Count == 0 ? [.. projection] : [.. projection, StatsCounterCommand.For(counters)];
        return new CountedRowWrite<TRow>(row, counters, commands);
    }
}
