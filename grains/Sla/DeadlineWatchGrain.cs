using Dispatch.Tickets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps the near-term deadlines of one shard in memory and fires them with one grain timer. A one-minute
/// reminder rescans the read model (indexed on shard and next change) so nothing depends on memory alone.
/// </summary>
[GrainType("deadline-watch")]
public sealed class DeadlineWatchGrain(NpgsqlDataSource database, TimeProvider time, ILogger<DeadlineWatchGrain> logger)
    : Grain, IDeadlineWatchGrain, IRemindable
{
    private const string ReminderName = "deadline-scan";
    private static readonly TimeSpan ScanPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(2);

    private readonly Dictionary<Guid, DateTimeOffset> due = [];
    private IGrainTimer? timer;
    private DateTimeOffset? timerAt;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.RegisterOrUpdateReminder(ReminderName, ScanPeriod, ScanPeriod, cancellationToken);

    public Task Track(Guid ticketId, DateTimeOffset? nextChange)
    {
        if (nextChange is { } at && at <= time.GetUtcNow() + Horizon)
        {
            due[ticketId] = at;
            Schedule();
        }
        else
        {
            due.Remove(ticketId);
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
            "select id, next_clock_change from tickets where watch_shard = $1 and next_clock_change <= $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Shard });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() + Horizon });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }
    }

    private async Task<int> FireDueAsync()
    {
        var now = time.GetUtcNow();
        var ready = due.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList();
        foreach (var ticketId in ready)
        {
            due.Remove(ticketId);
            try
            {
                await GrainFactory.GetGrain<ITicketGrain>(ticketId).EvaluateClocks();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next scan finds it again from the read model.
                logger.LogWarning(ex, "Evaluating the clocks of ticket {Ticket} failed", ticketId);
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
