using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// Where PostgreSQL's work per operation goes, from pg_stat_statements (bench/write-path.sh preloads it): reset before a
/// phase, read after it, every statement of every database of the instance. Per operation: how often each statement ran,
/// its execution time, the rows it touched and the WAL it wrote. WAL bytes per operation are the physical measure of what
/// a registration asks of the disk against one raw INSERT.
/// </summary>
internal sealed partial class Statements(int port)
{
    private string Admin => $"Host=127.0.0.1;Port={port};Database=dispatch;Username=dispatch;Pooling=false";

    /// <summary>Creates the extension's view (the library is preloaded by the server); false when the server lacks it.</summary>
    public async Task<bool> EnableAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var loaded = new NpgsqlCommand("select current_setting('shared_preload_libraries') like '%pg_stat_statements%'", connection);
        if (await loaded.ExecuteScalarAsync() is not true)
        {
            return false;
        }
        await using var create = new NpgsqlCommand("create extension if not exists pg_stat_statements", connection);
        await create.ExecuteNonQueryAsync();
        return true;
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand("select pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>Every statement recorded since the reset, most execution time first (this bench's own queries left out).</summary>
    public async Task<StatementProfile> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("""
            select query, calls, total_exec_time, rows, wal_bytes::bigint, wal_records
            from pg_stat_statements
            where query not like '%pg_stat_statements%' and query not ilike 'checkpoint%'
            order by total_exec_time desc
            """, connection);
        var statements = new List<StatementUse>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statements.Add(new StatementUse(Shorten(reader.GetString(0)), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        return new StatementProfile(statements);
    }

    private static string Shorten(string query)
    {
        var oneLine = Whitespace().Replace(query, " ").Trim();
        return oneLine.Length <= 110 ? oneLine : oneLine[..107] + "...";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

internal sealed record StatementUse(string Query, long Calls, double ExecMs, long Rows, long WalBytes, long WalRecords);

internal sealed record StatementProfile(IReadOnlyList<StatementUse> Statements)
{
    public long Calls => Statements.Sum(s => s.Calls);

    public double ExecMs => Statements.Sum(s => s.ExecMs);

    public long WalBytes => Statements.Sum(s => s.WalBytes);

    public long WalRecords => Statements.Sum(s => s.WalRecords);

    /// <summary>The statements that wrote rows (INSERT, UPDATE, DELETE, COPY, upserts), as counted by pg_stat_statements.</summary>
    public long RowsWritten => Statements.Where(s => Writes(s.Query)).Sum(s => s.Rows);

    private static bool Writes(string query) =>
        query.StartsWith("insert", StringComparison.OrdinalIgnoreCase) || query.StartsWith("update", StringComparison.OrdinalIgnoreCase)
        || query.StartsWith("delete", StringComparison.OrdinalIgnoreCase) || query.StartsWith("copy", StringComparison.OrdinalIgnoreCase)
        || query.StartsWith("with", StringComparison.OrdinalIgnoreCase) && (query.Contains(" insert ", StringComparison.OrdinalIgnoreCase)
            || query.Contains(" update ", StringComparison.OrdinalIgnoreCase));

    public static string PerOperation(double total, long operations) =>
        operations == 0 ? "n/a" : (total / operations).ToString("0.###", CultureInfo.InvariantCulture);
}
