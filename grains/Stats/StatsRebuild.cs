using Dispatch.People;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Stats;

/// <summary>
/// Recomputes every ticket counter from the read model, with the same rules the writes use. The counters table is
/// locked against writers meanwhile (readers go on): a ticket write waiting on the lock then applies its change on
/// top of the rebuilt counters, which already hold the row it started from.
/// </summary>
public sealed class StatsRebuild(NpgsqlDataSource database, ILogger<StatsRebuild> logger)
{
    public async Task<StatsRebuilt> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "lock table stats_counters in exclusive mode", cancellationToken);
        await ExecuteAsync(connection, $"delete from stats_counters where item_type = '{ItemTypes.Ticket}'", cancellationToken);
        var (items, totals) = await TallyAsync(connection, cancellationToken);
        await WriteAsync(connection, totals, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Rebuilt {Counters} ticket counters from {Items} tickets in {Seconds:0.0} s", totals.Count, items, clock.Elapsed.TotalSeconds);
        return new StatsRebuilt(items, totals.Count, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }

    /// <summary>Rebuilds once when tickets exist but no counters do (a database that predates the counters).</summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "select exists (select 1 from tickets) and not exists (select 1 from stats_counters where item_type = 'ticket')");
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            await RunAsync(cancellationToken);
        }
    }

    private static async Task<(long Items, Dictionary<CounterChange, long> Totals)> TallyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<CounterChange, long>();
        var items = 0L;
        await using var command = new NpgsqlCommand($"select {TicketStatsRow.Columns} from tickets", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items++;
            foreach (var change in CounterDelta.Between(null, StatsContribution.Of(TicketStatsRow.Read(reader))))
            {
                var key = change with { Delta = 0 };
                totals[key] = totals.GetValueOrDefault(key) + change.Delta;
            }
        }
        return (items, totals);
    }

    private static async Task WriteAsync(NpgsqlConnection connection, Dictionary<CounterChange, long> totals, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "copy stats_counters (item_type, scope, period, period_start, measure, shard, value) from stdin (format binary)", cancellationToken);
        foreach (var (key, value) in totals)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(key.ItemType, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Scope, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Period, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Start, NpgsqlDbType.Date, cancellationToken);
            await import.WriteAsync(key.Measure, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(key.Shard, NpgsqlDbType.Smallint, cancellationToken);
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
