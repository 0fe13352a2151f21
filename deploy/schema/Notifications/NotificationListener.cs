using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Schema.Notifications;

/// <summary>
/// Keeps one dedicated connection LISTENing on a few NOTIFY channels for as long as <see cref="RunAsync"/> runs. A lost
/// connection is opened again after a back-off on the TimeProvider (<see cref="FirstRetry"/>, doubling up to
/// <see cref="LongestRetry"/>), and the user hears each time listening starts, and whether notices may have been
/// missed before it because the connection was down (a gap).
/// </summary>
/// <remarks>
/// Shared by the silo's change feeds and the web app's session revocations. It lives beside the schema because both hosts
/// already reference this project and it depends on nothing but Npgsql.
/// </remarks>
public sealed class NotificationListener
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private readonly NpgsqlDataSource database;
    private readonly IReadOnlyList<string> channels;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private volatile bool listening;

    /// <param name="channels">Channel names: plain lower-case identifiers (constants of the code, never input).</param>
    public NotificationListener(NpgsqlDataSource database, IReadOnlyList<string> channels, TimeProvider time, ILogger logger)
    {
        if (channels.Count == 0 || channels.Any(c => c.Length == 0 || !c.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_')))
        {
            throw new ArgumentException("Channels must be plain lower-case identifiers.", nameof(channels));
        }
        this.database = database;
        this.channels = channels;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>True while a connection listens on every channel.</summary>
    public bool Listening => listening;

    /// <summary>How long to wait before the next attempt after <paramref name="failures"/> failed ones in a row (1 or more).</summary>
    public static TimeSpan RetryAfter(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 16);
        var delay = FirstRetry * (1 << doublings);
        return delay < LongestRetry ? delay : LongestRetry;
    }

    /// <summary>Listens until <paramref name="cancellationToken"/> is cancelled; returns then.</summary>
    /// <param name="notified">Each notice, on the listening connection's read: keep it quick and free of I/O.</param>
    /// <param name="started">
    /// After each LISTEN, before any notice is handed on: false the first time, true after a lost connection (notices sent
    /// while it was down are gone; whatever they announced must be read again).
    /// </param>
    public async Task RunAsync(Action<NpgsqlNotificationEventArgs> notified, Action<bool> started, CancellationToken cancellationToken)
    {
        var failures = 0;
        var gap = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(notified, () =>
                {
                    started(gap);
                    if (gap)
                    {
                        logger.LogInformation("Listening on {Channels} again; what was announced meanwhile is read again", Names);
                    }
                    gap = false;
                    failures = 0;
                }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Lost, or never got: either way notices may have gone by unheard.
                gap = true;
                var delay = RetryAfter(++failures);
                logger.LogWarning(ex, "Listening on {Channels} failed; retrying in {Delay}", Names, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private string Names => string.Join(", ", channels);

    private async Task ListenAsync(Action<NpgsqlNotificationEventArgs> notified, Action started, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A notice can arrive with the LISTEN's own answer: it waits until the user has heard that listening started.
        var ready = false;
        var early = new List<NpgsqlNotificationEventArgs>();
        connection.Notification += (_, e) =>
        {
            if (ready)
            {
                notified(e);
            }
            else
            {
                early.Add(e);
            }
        };
        await using (var listen = new NpgsqlCommand(string.Join("; ", channels.Select(c => $"listen {c}")), connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        listening = true;
        try
        {
            started();
            ready = true;
            foreach (var e in early)
            {
                notified(e);
            }
            while (!cancellationToken.IsCancellationRequested)
            {
                await connection.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            listening = false;
        }
    }
}
