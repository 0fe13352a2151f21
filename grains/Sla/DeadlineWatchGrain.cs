using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps the near-term deadlines of one shard of clocked items in memory and fires them with one grain timer. A
/// one-minute reminder rescans the shared clock_watch index (by shard and next change, written in the same
/// transaction as each item's events) so nothing depends on memory alone. Tickets, legal-aid cases and visits all
/// go through here: the watcher knows an item only by its grain type and id.
/// </summary>
[GrainType("deadline-watch")]
public sealed class DeadlineWatchGrain(NpgsqlDataSource database, TimeProvider time, ILogger<DeadlineWatchGrain> logger)
    : Grain, IDeadlineWatchGrain, IRemindable
{
    private const string ReminderName = "deadline-scan";
    private static readonly TimeSpan ScanPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(2);

    private readonly Dictionary<ClockedItemRef, DateTimeOffset> due = [];
    private IGrainTimer? timer;
    private DateTimeOffset? timerAt;

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

    public async Task<int> Tick()
    {
        await ScanAsync();
        return await FireDueAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Tick();

    private async Task ScanAsync()
    {
        await using var command = database.CreateCommand(
            "select item_type, item_id, next_change from clock_watch where watch_shard = $1 and next_change <= $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Shard });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() + Horizon });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due[new ClockedItemRef(reader.GetString(0), reader.GetGuid(1))] = reader.GetFieldValue<DateTimeOffset>(2);
        }
    }

    private async Task<int> FireDueAsync()
    {
        var now = time.GetUtcNow();
        var ready = due.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList();
        foreach (var item in ready)
        {
            due.Remove(item);
            try
            {
                await DeadlineWatch.Item(GrainFactory, item).EvaluateClocks();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next scan finds it again in the index.
                logger.LogWarning(ex, "Evaluating the clocks of {ItemType} {Item} failed", item.ItemType, item.Id);
            }
        }
        Schedule();
        return ready.Count;
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
}
