using Dispatch.Calendar;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps this silo's calendar (<see cref="SlaSettings.Calendars"/>) equal to the calendar_changes log. It listens on the
/// log's NOTIFY channel and also polls every <see cref="PollInterval"/>, so a missed notification or a dropped
/// connection still converges; the silo that wrote a change applies it at once (<see cref="RefreshAsync"/>). A newer
/// calendar starts a recount of the open items it concerns, in the background.
/// </summary>
public sealed class CalendarFeed(
    NpgsqlDataSource database, CalendarChangeLog log, SlaSettings sla, CalendarRecount recount, ILogger<CalendarFeed> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile bool listening;
    private (long Count, long Last) loaded = (0, 0);

    /// <summary>True while the feed holds a connection that listens on the log's channel.</summary>
    public bool Listening => listening;

    /// <summary>Loads the log when it differs from what this silo holds and applies it; true when the calendar changed.</summary>
    /// <param name="recountItems">Re-evaluate the open items the new changes concern (not at start-up: nothing has moved yet).</param>
    public async Task<bool> RefreshAsync(bool recountItems = true, CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var stamp = await log.StampAsync(cancellationToken);
            if (stamp == loaded)
            {
                return false;
            }
            var before = sla.Calendars;
            var history = CalendarHistory.FromSeed(before.Seed, await log.ReadAllAsync(cancellationToken));
            loaded = stamp;
            if (!sla.Apply(history))
            {
                return false;
            }
            logger.LogInformation("Calendar version {Version} in force ({Changes} administered changes)", history.Version, history.Changes.Count);
            if (recountItems)
            {
                // In the background: the caller (an HTTP request, the listener) does not wait for thousands of items.
                _ = recount.Start(CalendarRecount.CountiesConcerned(before, history));
            }
            return true;
        }
        finally
        {
            refreshing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Listening for calendar changes failed; retrying");
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenConnectionAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"listen {CalendarChangeLog.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        listening = true;
        // Whatever happened while not listening is caught up first.
        await RefreshAsync(cancellationToken: stoppingToken);
        try
        {
            await FollowAsync(connection, stoppingToken);
        }
        finally
        {
            listening = false;
        }
    }

    private async Task FollowAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // A notification or the poll interval, whichever comes first: both end in the same comparison with the log.
            await connection.WaitAsync(PollInterval, stoppingToken);
            await RefreshAsync(cancellationToken: stoppingToken);
        }
    }

    public override void Dispose()
    {
        refreshing.Dispose();
        base.Dispose();
    }
}
