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
    NpgsqlDataSource database, CalendarChangeLog log, SlaSettings sla, CalendarRecount recount, TimeProvider time, ILogger<CalendarFeed> logger)
    : ChangeFeed<(long Count, long Last)>(database, time, logger)
{
    protected override string Channel => CalendarChangeLog.Channel;

    protected override Task<(long Count, long Last)> StampAsync(CancellationToken cancellationToken) => log.StampAsync(cancellationToken);

    public override Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(recountItems: true, cancellationToken);

    /// <summary>Loads the log when it differs from what this silo holds and applies it; true when the calendar changed.</summary>
    /// <param name="recountItems">Re-evaluate the open items the new changes concern (not at start-up: nothing has moved yet).</param>
    public Task<bool> RefreshAsync(bool recountItems, CancellationToken cancellationToken = default) => RefreshWithAsync(async token =>
    {
        var before = sla.Calendars;
        var history = CalendarHistory.FromSeed(before.Seed, await log.ReadAllAsync(token));
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
    }, cancellationToken);
}
