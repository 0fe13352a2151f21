using System.Data;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Stats;

/// <summary>
/// Recomputes every counter (tickets, legal-aid cases, visits) from the read models, with the same rules the writes
/// use, without holding up item writes. It takes the fold's advisory lock for its whole run (so no fold moves changes
/// meanwhile), then reads the read models and the pending changes in one snapshot and computes into the shadow table
/// stats_counters_rebuilt. A short swap then replaces the counters with the shadow's rows and drops exactly the pending
/// changes that snapshot saw: those are in the read-model rows it counted. Changes committed after the snapshot stay
/// pending and are folded on top. Readers see the old totals or the new ones, never a mix (one commit).
/// </summary>
public sealed class StatsRebuild(NpgsqlDataSource database, ILogger<StatsRebuild> logger)
{
    public async Task<StatsRebuilt> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A session lock taken before the transaction, so the snapshot begins after any fold that held it committed.
        await ExecuteAsync(connection, $"select pg_advisory_lock({StatsCounterFold.LockKey})", cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var seen = await PendingChangeIdsAsync(connection, cancellationToken);
            var totals = new Dictionary<CounterChange, long>();
            var items = await TallyAsync(connection, $"select {TicketStatsRow.Columns} from tickets",
                r => StatsContribution.Of(TicketStatsRow.Read(r)), totals, cancellationToken);
            items += await TallyAsync(connection, $"select {LegalAidStatsRow.Columns} from legal_aid_cases",
                r => StatsContribution.Of(LegalAidStatsRow.Read(r)), totals, cancellationToken);
            items += await TallyAsync(connection, $"select {RehabStatsRow.Columns} from rehab_visits",
                r => StatsContribution.Of(RehabStatsRow.Read(r)), totals, cancellationToken);
            await ExecuteAsync(connection, "delete from stats_counters_rebuilt", cancellationToken);
            await WriteShadowAsync(connection, totals, cancellationToken);
            var computed = clock.Elapsed;
            await SwapAsync(connection, seen, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var swap = clock.Elapsed - computed;
            logger.LogInformation(
                "Rebuilt {Counters} counters from {Items} tickets, cases and visits in {Seconds:0.0} s (swap {SwapMs:0} ms)",
                totals.Count, items, clock.Elapsed.TotalSeconds, swap.TotalMilliseconds);
            return new StatsRebuilt(items, totals.Count, Math.Round(clock.Elapsed.TotalSeconds, 3));
        }
        finally
        {
            await ExecuteAsync(connection, $"select pg_advisory_unlock({StatsCounterFold.LockKey})", CancellationToken.None);
        }
    }

    /// <summary>The pending changes the snapshot sees: the read-model rows it counts already hold them.</summary>
    private static async Task<long[]> PendingChangeIdsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using var command = new NpgsqlCommand("select id from stats_counter_changes", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }
        return [.. ids];
    }

    /// <summary>
    /// The short part: no table lock, so item writes go on; the fold waits on the advisory lock. Rows the snapshot saw
    /// were not changed since (only a fold changes them), so the repeatable-read transaction meets no conflict.
    /// </summary>
    private static async Task SwapAsync(NpgsqlConnection connection, long[] seen, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("delete from stats_counter_changes where id = any($1)") { Parameters = { new() { Value = seen } } },
                new NpgsqlBatchCommand("delete from stats_counters"),
                new NpgsqlBatchCommand("""
                    insert into stats_counters (item_type, scope, period, period_start, measure, value)
                    select item_type, scope, period, period_start, measure, value from stats_counters_rebuilt
                    """),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Rebuilds once when items of a kind exist but none of its counters do (a database that predates them), or tickets
    /// exist without any breakdown counter, folded or waiting in the changes (a database that predates
    /// <see cref="BreakdownTallies"/>), or resolved tickets exist without any handling-history cell (a database that predates
    /// <see cref="HandlingHistory"/>); tickets whose changes are not folded yet do not count as predating them.
    /// </summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"""
            with kept (item_type) as (
                select item_type from stats_counters union all select item_type from stats_counter_changes)
            select (exists (select 1 from tickets) and not exists (select 1 from kept where item_type = 'ticket'))
                or (exists (select 1 from tickets) and not exists (
                    select 1 from stats_counters where item_type = 'ticket' and period = 'year' and starts_with(measure, '{BreakdownTallies.Prefix}'))
                    and not exists (
                    select 1 from stats_counter_changes c
                    where c.item_type = 'ticket' and exists (select 1 from unnest(c.measure) m where starts_with(m, '{BreakdownTallies.Prefix}'))))
                or (exists (select 1 from tickets where resolved_at is not null and first_dispatched_at is not null) and not exists (
                    select 1 from stats_counters where item_type = 'ticket' and period = 'current' and starts_with(measure, '{HandlingHistory.Prefix}'))
                    and not exists (
                    select 1 from stats_counter_changes c
                    where c.item_type = 'ticket' and exists (select 1 from unnest(c.measure) m where starts_with(m, '{HandlingHistory.Prefix}'))))
                or (exists (select 1 from legal_aid_cases) and not exists (select 1 from kept where item_type = 'legal_aid_case'))
                or (exists (select 1 from rehab_visits) and not exists (select 1 from kept where item_type = 'rehab_visit'))
            """);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            await RunAsync(cancellationToken);
        }
    }

    private static async Task<long> TallyAsync(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, StatsContribution> contribution,
        Dictionary<CounterChange, long> totals, CancellationToken cancellationToken)
    {
        var items = 0L;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items++;
            foreach (var change in CounterDelta.Between(null, contribution(reader)))
            {
                var key = change with { Delta = 0 };
                totals[key] = totals.GetValueOrDefault(key) + change.Delta;
            }
        }
        return items;
    }

    private static async Task WriteShadowAsync(NpgsqlConnection connection, Dictionary<CounterChange, long> totals, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "copy stats_counters_rebuilt (item_type, scope, period, period_start, measure, value) from stdin (format binary)", cancellationToken);
        foreach (var (key, value) in totals)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(key.ItemType, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Scope, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Period, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Start, NpgsqlDbType.Date, cancellationToken);
            await import.WriteAsync(key.Measure, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken);
        }
        await import.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
