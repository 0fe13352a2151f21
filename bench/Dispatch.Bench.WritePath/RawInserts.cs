using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// The yardstick: PostgreSQL's plain single-row durable INSERT rate, measured with pgbench (prepared statements, one
/// autocommit INSERT per transaction) from a number of connections, on the system's own PostgreSQL instance, in a
/// scratch database (bench_raw) so the system's tables are not touched.
/// </summary>
internal sealed partial class RawInserts(int port, string loadFolder)
{
    private const string Database = "bench_raw";

    private string Admin(string database) => $"Host=127.0.0.1;Port={port};Database={database};Username=dispatch;Pooling=false";

    /// <summary>The settings that make a commit durable, as the server reports them, and its version.</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(Admin("dispatch"));
        await connection.OpenAsync();
        var settings = new List<(string, string)>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "shared_buffers", "max_connections" })
        {
            await using var show = new NpgsqlCommand($"show {name}", connection);
            settings.Add((name, (string)(await show.ExecuteScalarAsync())!));
        }
        return settings;
    }

    public async Task CreateAsync()
    {
        await using (var connection = new NpgsqlConnection(Admin("postgres")))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {Database}", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        await ResetTableAsync();
    }

    /// <summary>An empty scratch table and a checkpoint, so every phase starts alike (also the HTTP phases).</summary>
    public async Task ResetTableAsync()
    {
        await using var connection = new NpgsqlConnection(Admin(Database));
        await connection.OpenAsync();
        await using var schema = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(loadFolder, "raw-insert-schema.sql")), connection);
        await schema.ExecuteNonQueryAsync();
        await CheckpointAsync();
    }

    public async Task CheckpointAsync()
    {
        await using var connection = new NpgsqlConnection(Admin("dispatch"));
        await connection.OpenAsync();
        await using var checkpoint = new NpgsqlCommand("checkpoint", connection);
        await checkpoint.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        await using var connection = new NpgsqlConnection(Admin("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Database}", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<RawInsertResult> RunAsync(string pgbench, int clients, int seconds)
    {
        var output = await Tool.RunAsync(pgbench,
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "dispatch", "-n", "-M", "prepared",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", Path.Combine(loadFolder, "raw-insert.sql"), Database,
        ]);
        double Number(Regex pattern) => pattern.Match(output) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no {pattern}:\n{output}");
        return new RawInsertResult(clients, Number(Tps()), (long)Number(Processed()),
            Failed().Match(output) is { Success: true } failed ? long.Parse(failed.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Number(LatencyAverage()));
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex Processed();

    [GeneratedRegex(@"number of failed transactions: ([0-9]+)")]
    private static partial Regex Failed();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyAverage();
}

/// <summary>pgbench's figures: rows per second (its tps without connection time), rows, failed transactions, mean latency.</summary>
internal sealed record RawInsertResult(int Clients, double Rate, long Rows, long Failed, double LatencyAverageMs);
