using Dispatch.Calendar;
using Microsoft.Extensions.Logging;

namespace Dispatch.Sla;

/// <summary>
/// After a calendar change, asks every open item it concerns to evaluate its clocks again, so warnings, overdue alarms,
/// due times in the lists and the clock watch index follow the new calendar. Runs in the background, a bounded number
/// of items at a time, one recount after another; the HTTP request that made the change does not wait for it.
/// </summary>
public sealed class CalendarRecount(OpenClockedItems openItems, IGrainFactory grains, ILogger<CalendarRecount> logger)
{
    public const int Parallel = 16;

    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;

    /// <summary>The recount in progress (or the last one); tests await it instead of sleeping.</summary>
    public Task Current
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>Queues a recount of the items of <paramref name="counties"/> (null: every open item).</summary>
    public Task Start(IReadOnlyCollection<string>? counties)
    {
        lock (gate)
        {
            running = running.ContinueWith(_ => RunAsync(counties), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return running;
        }
    }

    /// <summary>Re-evaluates the open items of the counties (null: all); returns how many were asked.</summary>
    public async Task<int> RunAsync(IReadOnlyCollection<string>? counties)
    {
        try
        {
            var items = await openItems.ReadAsync(counties);
            var failed = await OpenClockedItems.AskAllAsync(items, EvaluateAsync, Parallel);
            logger.LogInformation("Calendar recount: {Items} open items evaluated again, {Failed} failed (the watcher retries them)",
                items.Count, failed.Count(f => f));
            return items.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Calendar recount failed; the deadline watcher still evaluates items when their clocks change");
            return 0;
        }
    }

    /// <summary>The counties whose items the changes after <paramref name="before"/> concern; null when a year changed (all).</summary>
    public static IReadOnlyCollection<string>? CountiesConcerned(CalendarHistory before, CalendarHistory after)
    {
        var added = after.Changes.Where(c => c.Closure is not null).ToDictionary(c => c.Closure!.Id, c => c.Closure!.CountyCode);
        var counties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in after.Changes.Where(c => c.Sequence > before.Version))
        {
            if (change.Year is not null)
            {
                return null;
            }
            if ((change.Closure?.Id ?? change.Withdrawn) is { } id && added.TryGetValue(id, out var county))
            {
                counties.Add(county);
            }
        }
        return counties;
    }

    private async Task<bool> EvaluateAsync(ClockedItemRef item)
    {
        try
        {
            await DeadlineWatch.Item(grains, item).EvaluateClocks();
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Recounting the clocks of {ItemType} {Item} failed", item.ItemType, item.Id);
            return true;
        }
    }
}
