using System.Threading.Channels;
using Dispatch.Schema.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Keeps something this silo holds in memory equal to an append-only log in PostgreSQL: it listens on the log's NOTIFY
/// channel (through a <see cref="NotificationListener"/>, which reconnects after a dropped connection and then asks for a
/// refresh) and also polls every <see cref="PollInterval"/> on the TimeProvider, so a missed notification still converges.
/// The silo that wrote a change calls <see cref="RefreshAsync"/> itself and applies it at once.
/// </summary>
/// <typeparam name="TStamp">A cheap summary of the log (its last sequence, its count): equal stamps mean nothing to load.</typeparam>
public abstract class ChangeFeed<TStamp>(NpgsqlDataSource database, TimeProvider time, ILogger logger) : BackgroundService where TStamp : struct, IEquatable<TStamp>
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly Channel<bool> due = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TStamp? loaded;
    private NotificationListener? listener;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>The NOTIFY channel the log's appends announce themselves on.</summary>
    protected abstract string Channel { get; }

    /// <summary>True while the feed holds a connection that listens on the log's channel.</summary>
    public bool Listening => listener?.Listening ?? false;

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
        var feed = new NotificationListener(database, [Channel], time, logger);
        listener = feed;
        // Notices, every (re)start of listening and the poll all ask for the same comparison with the log; asks that
        // come while one is pending fold into it.
        using var poll = time.CreateTimer(_ => due.Writer.TryWrite(true), null, PollInterval, PollInterval);
        await Task.WhenAll(
            feed.RunAsync(_ => due.Writer.TryWrite(true), _ => due.Writer.TryWrite(true), stoppingToken),
            RefreshWhenDueAsync(stoppingToken));
    }

    private async Task RefreshWhenDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in due.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    logger.LogWarning(ex, "Reading the log of {Channel} failed; trying again on the next notice or poll", Channel);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
