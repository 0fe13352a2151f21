using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Stats;

/// <summary>
/// Recomputes every counter (tickets, legal-aid cases, visits) from the read models, with the same rules the writes
/// use. It takes the fold's advisory lock, then locks the pending changes and the counters against writers (readers go
/// on): an item write waiting on the lock then records its change on top of the rebuilt counters, which already hold the
/// row it started from.
/// </summary>
public sealed class StatsRebuild(NpgsqlDataSource database, ILogger<StatsRebuild> logger)
{
    public async Task<StatsRebuilt> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({StatsCounterFold.LockKey})", cancellationToken);
        await ExecuteAsync(connection, "lock table stats_counter_changes, stats_counters in exclusive mode", cancellationToken);
        await ExecuteAsync(connection, "delete from stats_counter_changes", cancellationToken);
        await ExecuteAsync(connection, "delete from stats_counters", cancellationToken);
        var totals = new Dictionary<CounterChange, long>();
        var items = await TallyAsync(connection, $"select {TicketStatsRow.Columns} from tickets",
            r => StatsContribution.Of(TicketStatsRow.Read(r)), totals, cancellationToken);
        items += await TallyAsync(connection, $"select {LegalAidStatsRow.Columns} from legal_aid_cases",
            r => StatsContribution.Of(LegalAidStatsRow.Read(r)), totals, cancellationToken);
        items += await TallyAsync(connection, $"select {RehabStatsRow.Columns} from rehab_visits",
            r => StatsContribution.Of(RehabStatsRow.Read(r)), totals, cancellationToken);
        await WriteAsync(connection, totals, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Rebuilt {Counters} counters from {Items} tickets, cases and visits in {Seconds:0.0} s",
            totals.Count, items, clock.Elapsed.TotalSeconds);
        return new StatsRebuilt(items, totals.Count, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }

    /// <summary>Rebuilds once when items of a kind exist but none of its counters do (a database that predates them).</summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            with kept (item_type) as (
                select item_type from stats_counters union all select item_type from stats_counter_changes)
            select (exists (select 1 from tickets) and not exists (select 1 from kept where item_type = 'ticket'))
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

    private static async Task WriteAsync(NpgsqlConnection connection, Dictionary<CounterChange, long> totals, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "copy stats_counters (item_type, scope, period, period_start, measure, value) from stdin (format binary)", cancellationToken);
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
