using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// Moves pending counter changes (<c>stats_counter_changes</c>, one row per item write) into <c>stats_counters</c>:
/// one statement deletes a batch of changes and adds their sums to the counters, so the totals that readers see
/// (<c>stats_counter_totals</c>, counters plus pending changes) never move. Only one fold or rebuild runs at a time,
/// cluster-wide, under <see cref="LockKey"/>.
/// </summary>
public sealed class StatsCounterFold(NpgsqlDataSource database)
{
    /// <summary>The advisory lock that folds and rebuilds take, so they never interleave.</summary>
    public const long LockKey = 1_238_500_020;

    /// <summary>Change rows folded per statement; a full batch means more may be waiting.</summary>
    public const int BatchSize = 2000;

    // Changes are taken in id order and skipped when another transaction holds them; counter rows are written in key
    // order. Counts: change rows folded, counter rows touched.
    private const string Fold = """
        with batch as (
            select id from stats_counter_changes order by id limit $1 for update skip locked
        ), folded as (
            delete from stats_counter_changes c using batch where c.id = batch.id
            returning c.item_type, c.scope, c.period, c.period_start, c.measure, c.delta
        ), sums as (
            select f.item_type, u.scope, u.period, u.period_start, u.measure, sum(u.delta)::bigint as delta
            from folded f
            cross join lateral unnest(f.scope, f.period, f.period_start, f.measure, f.delta) as u (scope, period, period_start, measure, delta)
            group by f.item_type, u.scope, u.period, u.period_start, u.measure
        ), applied as (
            insert into stats_counters as s (item_type, scope, period, period_start, measure, value)
            select item_type, scope, period, period_start, measure, delta from sums where delta <> 0
            order by item_type, scope, period, period_start, measure
            on conflict (item_type, scope, period, period_start, measure) do update set value = s.value + excluded.value
            returning 1
        )
        select (select count(*) from folded)::int, (select count(*) from applied)::int
        """;

    /// <summary>
    /// Folds one batch. With <paramref name="wait"/> false it gives way (returns 0) when another fold or a rebuild is
    /// running; with true it waits for it.
    /// </summary>
    /// <returns>How many change rows were folded.</returns>
    public async Task<int> FoldOnceAsync(bool wait, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand(
            wait ? "select pg_advisory_xact_lock($1), true" : "select null, pg_try_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = LockKey });
            await using var reader = await lockCommand.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (!reader.GetBoolean(1))
            {
                return 0;
            }
        }
        int folded;
        await using (var fold = new NpgsqlCommand(Fold, connection, transaction))
        {
            fold.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            await using var reader = await fold.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            folded = reader.GetInt32(0);
        }
        await transaction.CommitAsync(cancellationToken);
        return folded;
    }

    /// <summary>Folds until no change is pending (waiting for any fold or rebuild in progress).</summary>
    /// <returns>How many change rows were folded.</returns>
    public async Task<int> FoldAllAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int folded;
        do
        {
            folded = await FoldOnceAsync(wait: true, cancellationToken);
            total += folded;
        }
        while (folded == BatchSize);
        return total;
    }
}

/// <summary>
/// Runs <see cref="StatsCounterFold"/> in every silo a few times a second; a silo that finds another one folding gives
/// way. Changes that wait (a silo stopping, the database away) are still counted by every reader, just not yet folded.
/// </summary>
public sealed class StatsCounterFolding(StatsCounterFold fold, TimeProvider time, ILogger<StatsCounterFolding> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    while (await fold.FoldOnceAsync(wait: false, stoppingToken) == StatsCounterFold.BatchSize)
                    {
                    }
                    if (failing)
                    {
                        logger.LogInformation("Folding counter changes works again");
                        failing = false;
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    // Pending changes are still read as part of every total; say so once, not five times a second.
                    logger.Log(failing ? LogLevel.Debug : LogLevel.Warning, ex, "Could not fold counter changes; will retry");
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
