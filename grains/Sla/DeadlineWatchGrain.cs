using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps the near-term deadlines of one shard of clocked items in memory and fires them with one grain timer. A
/// one-minute reminder rescans the shared clock_watch index (by shard and next change, written in the same
/// transaction as each item's events) so nothing depends on memory alone. Tickets, legal-aid cases and visits all
/// go through here: the watcher knows an item only by its grain type and id.
/// A rescan reads the index in pages (<see cref="DeadlineWatchSettings.CatchUpBatch"/> rows) and fires each page's due
/// items a few at a time (<see cref="DeadlineWatchSettings.Parallelism"/>) before reading the next, so after an outage
/// with many deadlines overdue the catch-up is bounded in memory and in load, and silo start-up does not wait for it.
/// </summary>
[GrainType("deadline-watch")]
public sealed class DeadlineWatchGrain(
    NpgsqlDataSource database, TimeProvider time, DeadlineWatchSettings settings, ILogger<DeadlineWatchGrain> logger)
    : Grain, IDeadlineWatchGrain, IRemindable
{
    private const string ReminderName = "deadline-scan";
    private static readonly TimeSpan ScanPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(2);

    private readonly Dictionary<ClockedItemRef, DateTimeOffset> due = [];
    private IGrainTimer? timer;
    private DateTimeOffset? timerAt;
    private WatchProgress progress = new(0, 0, 0, 0);

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.RegisterOrUpdateReminder(ReminderName, ScanPeriod, ScanPeriod, cancellationToken);

    public Task Track(ClockedItemRef item, DateTimeOffset? nextChange)
    {
        if (nextChange is { } at && at <= time.GetUtcNow() + Horizon)
        {
            due[item] = at;
            Schedule();
        }
        else
        {
            due.Remove(item);
        }
        return Task.CompletedTask;
    }

    public Task Wake() => Tick();

    public Task<WatchProgress> Progress() => Task.FromResult(progress);

    public async Task<int> Tick()
    {
        var fired = 0;
        var until = time.GetUtcNow() + Horizon;
        WatchCursor? after = null;
        while (true)
        {
            var page = await ScanAsync(until, after);
            progress = progress with { Pages = progress.Pages + 1 };
            fired += await FireDueAsync();
            if (page.Count < settings.CatchUpBatch)
            {
                return fired;
            }
            after = page[^1];
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Tick();

    /// <summary>Reads one page of the shard's index up to <paramref name="until"/>, after the cursor; keeps it in <see cref="due"/>.</summary>
    private async Task<List<WatchCursor>> ScanAsync(DateTimeOffset until, WatchCursor? after)
    {
        await using var command = database.CreateCommand(after is null
            ? """
              select item_type, item_id, next_change from clock_watch
              where watch_shard = $1 and next_change <= $2
              order by next_change, item_type, item_id limit $3
              """
            : """
              select item_type, item_id, next_change from clock_watch
              where watch_shard = $1 and next_change <= $2 and (next_change, item_type, item_id) > ($4, $5, $6)
              order by next_change, item_type, item_id limit $3
              """);
        command.Parameters.Add(new NpgsqlParameter { Value = Shard });
        command.Parameters.Add(new NpgsqlParameter { Value = until });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.CatchUpBatch });
        if (after is { } cursor)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = cursor.NextChange });
            command.Parameters.Add(new NpgsqlParameter { Value = cursor.Item.ItemType });
            command.Parameters.Add(new NpgsqlParameter { Value = cursor.Item.Id });
        }
        var page = new List<WatchCursor>(settings.CatchUpBatch);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new WatchCursor(new ClockedItemRef(reader.GetString(0), reader.GetGuid(1)), reader.GetFieldValue<DateTimeOffset>(2));
            due[row.Item] = row.NextChange;
            page.Add(row);
        }
        return page;
    }

    /// <summary>Evaluates every item due now, at most <see cref="DeadlineWatchSettings.Parallelism"/> at a time.</summary>
    private async Task<int> FireDueAsync()
    {
        var now = time.GetUtcNow();
        var ready = due.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList();
        var running = new List<Task>(settings.Parallelism);
        foreach (var item in ready)
        {
            due.Remove(item);
            if (running.Count == settings.Parallelism)
            {
                running.Remove(await Task.WhenAny(running));
            }
            running.Add(EvaluateAsync(item));
            if (running.Count > progress.PeakInFlight)
            {
                progress = progress with { PeakInFlight = running.Count };
            }
        }
        await Task.WhenAll(running);
        progress = progress with { Fired = progress.Fired + ready.Count };
        Schedule();
        return ready.Count;
    }

    private async Task EvaluateAsync(ClockedItemRef item)
    {
        try
        {
            await DeadlineWatch.Item(GrainFactory, item).EvaluateClocks();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next scan finds it again in the index.
            progress = progress with { Failed = progress.Failed + 1 };
            logger.LogWarning(ex, "Evaluating the clocks of {ItemType} {Item} failed", item.ItemType, item.Id);
        }
    }

    private void Schedule()
    {
        if (due.Count == 0)
        {
            return;
        }
        var earliest = due.Values.Min();
        if (timerAt is { } current && current <= earliest && timer is not null)
        {
            return;
        }
        timer?.Dispose();
        var wait = earliest - time.GetUtcNow();
        timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions
        {
            DueTime = wait < TimeSpan.Zero ? TimeSpan.Zero : wait,
            Period = Timeout.InfiniteTimeSpan,
        });
        timerAt = earliest;
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        timer = null;
        timerAt = null;
        await FireDueAsync();
    }

    private readonly record struct WatchCursor(ClockedItemRef Item, DateTimeOffset NextChange);
}
