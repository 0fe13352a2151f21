using System.Diagnostics;
using Dispatch.Bench.Seeding;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Bench.Scale;

/// <summary>
/// Brings the number of open tickets up to a target with the bulk path: plans in chunks, each ticket replayed through the
/// grains' rules and projections (<see cref="TicketSeeds"/>), each chunk written with COPY in one transaction, a few
/// chunks at once. Then VACUUM (ANALYZE) of the loaded tables, as autovacuum would do soon after such a load: the planner
/// knows the tables' new sizes, and the idle measurement does not catch autovacuum's first pass over them.
/// </summary>
internal sealed class BulkSeeder(SeedingContext context, NpgsqlDataSource database)
{
    /// <summary>Receipts are spread over the last 36 hours: no seeded ticket reaches a warning (75% of five working days) for days.</summary>
    public static readonly TimeSpan Spread = TimeSpan.FromHours(36);

    private const int Chunk = 2000;

    public static async Task<long> OpenTicketsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select count(*) from tickets where status <> 'closed' and resolved_at is null");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<(long Seeded, TimeSpan Took)> SeedToAsync(long target, int workers)
    {
        var started = Stopwatch.GetTimestamp();
        var existing = await OpenTicketsAsync(database);
        var now = DateTimeOffset.UtcNow;
        await using (var connection = await database.OpenConnectionAsync())
        {
            var types = await ColumnTypes.ReadAsync(connection);
            var next = existing;
            var done = 0L;
            var progress = Stopwatch.GetTimestamp();
            long replayTicks = 0, writeTicks = 0;
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                await using var own = await database.OpenConnectionAsync();
                while (true)
                {
                    var from = Interlocked.Add(ref next, Chunk) - Chunk;
                    if (from >= target)
                    {
                        return;
                    }
                    var count = (int)Math.Min(Chunk, target - from);
                    var plans = Enumerable.Range(0, count).Select(i => TicketSeeds.Plan(from + i, now, Spread, context.Units)).ToList();
                    var numbers = await TicketSeeds.NumbersAsync(context, plans);
                    var replayStarted = Stopwatch.GetTimestamp();
                    var rows = new BulkRows();
                    for (var i = 0; i < count; i++)
                    {
                        rows.Add(TicketSeeds.Replay(context, Guid.NewGuid(), plans[i], numbers[i], now), TicketGrain.Stream);
                    }
                    var writeStarted = Stopwatch.GetTimestamp();
                    await rows.WriteAsync(own, types);
                    Interlocked.Add(ref replayTicks, writeStarted - replayStarted);
                    Interlocked.Add(ref writeTicks, Stopwatch.GetTimestamp() - writeStarted);
                    var total = Interlocked.Add(ref done, count);
                    if (Stopwatch.GetElapsedTime(progress).TotalSeconds > 30)
                    {
                        progress = Stopwatch.GetTimestamp();
                        Console.WriteLine($"  seeded {total:N0} of {target - existing:N0} ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
                    }
                }
            })));
            Console.WriteLine($"  replaying through the rules {Stopwatch.GetElapsedTime(0, replayTicks).TotalSeconds:0.0} s, "
                + $"writing (COPY) {Stopwatch.GetElapsedTime(0, writeTicks).TotalSeconds:0.0} s, summed over {workers} writers");
        }
        // VACUUM cannot run in a transaction block: one statement per table.
        foreach (var table in new[] { "tickets", "domain_events", "clock_watch", "stats_counter_changes" })
        {
            await using var vacuum = database.CreateCommand($"vacuum (analyze) {table}");
            await vacuum.ExecuteNonQueryAsync();
        }
        return (Math.Max(0, target - existing), Stopwatch.GetElapsedTime(started));
    }
}
