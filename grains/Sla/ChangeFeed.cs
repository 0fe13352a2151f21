using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps something this silo holds in memory equal to an append-only log in PostgreSQL: it listens on the log's NOTIFY
/// channel and also polls every <see cref="PollInterval"/>, so a missed notification or a dropped connection still
/// converges. The silo that wrote a change calls <see cref="RefreshAsync"/> itself and applies it at once.
/// </summary>
/// <typeparam name="TStamp">A cheap summary of the log (its last sequence, its count): equal stamps mean nothing to load.</typeparam>
public abstract class ChangeFeed<TStamp>(NpgsqlDataSource database, TimeProvider time, ILogger logger) : BackgroundService where TStamp : struct, IEquatable<TStamp>
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private TStamp? loaded;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private volatile bool listening;

    /// <summary>The NOTIFY channel the log's appends announce themselves on.</summary>
    protected abstract string Channel { get; }

    /// <summary>True while the feed holds a connection that listens on the log's channel.</summary>
    public bool Listening => listening;

    /// <summary>Loads the log when it differs from what this silo holds and applies it; true when something changed.</summary>
    public abstract Task<bool> RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>The log's stamp now.</summary>
    protected abstract Task<TStamp> StampAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One refresh at a time: when the log's stamp differs from the one last loaded, <paramref name="load"/> reads and
    /// applies it (true when something changed); a load that fails is tried again on the next refresh.
    /// </summary>
    protected async Task<bool> RefreshWithAsync(Func<CancellationToken, Task<bool>> load, CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var stamp = await StampAsync(cancellationToken);
            if (loaded is { } last && last.Equals(stamp))
            {
                return false;
            }
            var changed = await load(cancellationToken);
            loaded = stamp;
            return changed;
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
        GC.SuppressFinalize(this);
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
                logger.LogWarning(ex, "Listening on {Channel} failed; retrying", Channel);
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenConnectionAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        listening = true;
        // Whatever happened while not listening is caught up first.
        await RefreshAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A notification or the poll interval, whichever comes first: both end in the same comparison with the log.
                await connection.WaitAsync(PollInterval, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
        }
        finally
        {
            listening = false;
        }
    }
}
