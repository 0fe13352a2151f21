using Dispatch.Calendar;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps this silo's calendar (<see cref="SlaSettings.Calendars"/>) equal to the calendar_changes log (listening and
/// polling as every <see cref="ChangeFeed"/> does). A newer calendar starts a recount of the open items it concerns, in
/// the background.
/// </summary>
public sealed class CalendarFeed(
    NpgsqlDataSource database, CalendarChangeLog log, SlaSettings sla, CalendarRecount recount, ILogger<CalendarFeed> logger)
    : ChangeFeed(database, logger)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private (long Count, long Last) loaded = (0, 0);

    protected override string Channel => CalendarChangeLog.Channel;

    public override Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(recountItems: true, cancellationToken);

    /// <summary>Loads the log when it differs from what this silo holds and applies it; true when the calendar changed.</summary>
    /// <param name="recountItems">Re-evaluate the open items the new changes concern (not at start-up: nothing has moved yet).</param>
    public async Task<bool> RefreshAsync(bool recountItems, CancellationToken cancellationToken = default)
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

    public override void Dispose()
    {
        refreshing.Dispose();
        base.Dispose();
    }
}
