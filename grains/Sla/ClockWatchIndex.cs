using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// The shared index of next clock changes (clock_watch) that the deadline watcher scans. Each item adds this command
/// to its event transaction, so the index always agrees with the item's recorded clocks; an item whose clocks all
/// stopped leaves the index.
/// </summary>
public static class ClockWatchIndex
{
    public static NpgsqlBatchCommand Command(ClockedItemRef item, DateTimeOffset? nextChange)
    {
        var command = new NpgsqlBatchCommand(nextChange is null ? Delete : Upsert);
        command.Parameters.Add(new NpgsqlParameter { Value = item.ItemType });
        command.Parameters.Add(new NpgsqlParameter { Value = item.Id });
        if (nextChange is { } at)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = DeadlineWatch.ShardOf(item.Id) });
            command.Parameters.Add(new NpgsqlParameter { Value = Stored(at) });
        }
        return command;
    }

    /// <summary>
    /// The instant as the index keeps it: PostgreSQL holds whole microseconds, so it is rounded up to the next one. Cut
    /// down instead, a clock that goes overdue one tick after its due time would be stored as its due time, and a watcher
    /// woken then would find nothing changed and leave the item to the next minute's rescan.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset at)
    {
        var beyond = at.UtcTicks % TimeSpan.TicksPerMicrosecond;
        return beyond == 0 ? at : at.AddTicks(TimeSpan.TicksPerMicrosecond - beyond);
    }

    private const string Delete = "delete from clock_watch where item_type = $1 and item_id = $2";

    private const string Upsert = """
        insert into clock_watch (item_type, item_id, watch_shard, next_change) values ($1, $2, $3, $4)
        on conflict (item_type, item_id) do update set next_change = excluded.next_change
        """;
}
