using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.EventSourcing;

/// <summary>The group commit's knobs (configuration section <c>GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Most writers in one transaction.</summary>
    public int MaxWriters { get; set; } = 64;

    /// <summary>Most transactions of this silo in flight at once; further writers wait and join the next one.</summary>
    public int MaxInFlight { get; set; } = 4;

    /// <summary>
    /// How long a transaction that is not full waits for more writers while others are in flight. None when nothing else
    /// is in flight: a lone writer goes at once. A wall-clock wait of the write path, not a domain clock.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How often a transaction that met a deadlock or a serialization failure is tried again as a whole.</summary>
    public int TransientRetries { get; set; } = 3;
}

/// <summary>
/// Group commit: the commits of many grains on this silo go to PostgreSQL as one batch in one implicit transaction, so one
/// round trip and one WAL flush serve them all; each grain's call still completes only when its own commands are durable.
/// A batch leaves at once when nothing else is in flight; while other batches are in flight it waits up to
/// <see cref="GroupCommitOptions.Window"/> for more writers or until it holds <see cref="GroupCommitOptions.MaxWriters"/>.
/// When a statement fails, the transaction rolls back and the batch is split in halves that go again on their own, until
/// the writer whose statement fails is alone: that writer alone gets the error (a stale version, a constraint its grain
/// explains) and the others commit, so no writer fails for another's sake (where the driver names the failing statement,
/// <see cref="PostgresException.BatchCommand"/>, that writer is taken out at once). A deadlock or serialization failure retries the whole batch. Any other failure (connection lost,
/// timeout) reaches every writer of the batch: their outcome is unknown, and each grain reloads before it answers again.
/// </summary>
public sealed class GroupCommit(
    NpgsqlDataSource database, IOptions<GroupCommitOptions>? options = null, ILogger<GroupCommit>? logger = null, GroupCommitMetrics? metrics = null)
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";

    private readonly GroupCommitOptions settings = options?.Value ?? new GroupCommitOptions();
    private readonly ILogger logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly Lock gate = new();
    private readonly Queue<Writer> waiting = new();
    private int inFlight;
    private long transactions;
    private long writers;

    /// <summary>Transactions sent and writers committed so far (for the benchmark and the tests).</summary>
    public (long Transactions, long Writers) Totals => (Interlocked.Read(ref transactions), Interlocked.Read(ref writers));

    /// <summary>
    /// Commits <paramref name="commands"/> atomically, together with other writers' commands; completes when they are
    /// durable. Throws the PostgresException of this writer's own failing statement, or the failure of the whole batch.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<NpgsqlBatchCommand> commands)
    {
        if (commands.Count == 0)
        {
            return Task.CompletedTask;
        }
        var writer = new Writer(commands);
        bool start;
        lock (gate)
        {
            waiting.Enqueue(writer);
            start = inFlight < settings.MaxInFlight;
            if (start)
            {
                inFlight++;
            }
        }
        if (start)
        {
            _ = Task.Run(FlushAsync);
        }
        return writer.Done.Task;
    }

    /// <summary>One of at most MaxInFlight loops: sends batches while writers wait, then ends.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<Writer> batch = [];
            bool othersInFlight;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    inFlight--;
                    return;
                }
                TakeWaiting(batch);
                othersInFlight = inFlight > 1;
            }
            if (othersInFlight && batch.Count < settings.MaxWriters && settings.Window > TimeSpan.Zero)
            {
                await Task.Delay(settings.Window);
                lock (gate)
                {
                    TakeWaiting(batch);
                }
            }
            await SendAsync(batch);
        }
    }

    private void TakeWaiting(List<Writer> batch)
    {
        while (batch.Count < settings.MaxWriters && waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }
    }

    /// <summary>Sends the batch until every writer has its outcome.</summary>
    private async Task SendAsync(List<Writer> batch)
    {
        var retries = 0;
        while (batch.Count > 0)
        {
            // A statement is sent once: a try after a failed one sends copies, so no state of the failed try comes along.
            var sent = new Dictionary<NpgsqlBatchCommand, Writer>(ReferenceEqualityComparer.Instance);
            await using var command = database.CreateBatch();
            foreach (var writer in batch)
            {
                foreach (var statement in writer.Commands)
                {
                    var copy = writer.Sent ? Copy(statement) : statement;
                    sent[copy] = writer;
                    command.BatchCommands.Add(copy);
                }
                writer.Sent = true;
            }
            // A wall-clock measure of the round trip (not a domain time), like the window above.
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Without an explicit transaction a batch is one implicit transaction (a single Sync): all of it or none.
                await command.ExecuteNonQueryAsync();
                metrics?.Sent(batch.Count, command.BatchCommands.Count, started);
                Interlocked.Increment(ref transactions);
                Interlocked.Add(ref writers, batch.Count);
                foreach (var writer in batch)
                {
                    writer.Done.TrySetResult();
                }
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is DeadlockDetected or SerializationFailure && retries < settings.TransientRetries)
            {
                retries++;
                logger.LogWarning("A group commit of {Writers} writers met {SqlState}; trying it again ({Retry})", batch.Count, ex.SqlState, retries);
            }
            catch (PostgresException ex) when (ex.BatchCommand is { } failed && sent.TryGetValue(failed, out var owner))
            {
                // The transaction rolled back: the writer whose statement failed gets its error, the rest go again.
                batch.Remove(owner);
                owner.Done.TrySetException(ex);
            }
            catch (PostgresException) when (batch.Count > 1)
            {
                // A statement failed and rolled the transaction back, but the driver does not say whose (Npgsql names the
                // statement only with IncludeFailedBatchedCommand, which this silo leaves off: the statement carries
                // personal data). Each half goes again on its own until the writer that fails is alone.
                var half = batch.Count / 2;
                await SendAsync(batch[..half]);
                await SendAsync(batch[half..]);
                return;
            }
            catch (Exception ex)
            {
                // Connection lost, timeout, or the one writer's own statement: the writers get the error as it is.
                if (batch.Count > 1)
                {
                    logger.LogWarning("A group commit of {Writers} writers failed as a whole ({Error}); each writer reloads", batch.Count, ex.GetType().Name);
                }
                foreach (var writer in batch)
                {
                    writer.Done.TrySetException(ex);
                }
                return;
            }
        }
    }

    private static NpgsqlBatchCommand Copy(NpgsqlBatchCommand statement)
    {
        var copy = new NpgsqlBatchCommand(statement.CommandText) { CommandType = statement.CommandType };
        foreach (NpgsqlParameter parameter in statement.Parameters)
        {
            copy.Parameters.Add(parameter.Clone());
        }
        return copy;
    }

    private sealed class Writer(IReadOnlyList<NpgsqlBatchCommand> commands)
    {
        public IReadOnlyList<NpgsqlBatchCommand> Commands { get; } = commands;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Whether <see cref="Commands"/> went out in a try already (a later try sends copies).</summary>
        public bool Sent { get; set; }
    }
}
