using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Schema;

/// <summary>Applies the embedded, versioned SQL migrations once each, in file-name order.</summary>
/// <remarks>
/// Silo, web app and tests all call this; an advisory lock serialises concurrent starts, and a
/// checksum per applied file catches a migration edited after it shipped.
/// </remarks>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x1238_5000_0001;

    public static IReadOnlyList<Migration> EmbeddedMigrations { get; } = LoadEmbeddedMigrations();

    public async Task<int> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "select pg_advisory_lock(@key)", cancellationToken, AdvisoryLockKey);
        try
        {
            await ExecuteAsync(connection, null, """
                create table if not exists schema_migrations (
                    version    integer primary key,
                    name       text not null,
                    checksum   text not null,
                    applied_at timestamptz not null default now())
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in EmbeddedMigrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new SchemaMismatchException(
                            $"Migration {migration.Name} was changed after it was applied (checksum {checksum} in the database, {migration.Checksum} in this build).");
                    }
                    continue;
                }
                await ApplyOneAsync(connection, migration, cancellationToken);
                count++;
            }
            await GrantApplicationRoleAsync(connection, cancellationToken);
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, null, "select pg_advisory_unlock(@key)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    /// <summary>The migrations of this build the database has not applied yet (read as any role that may read schema_migrations).</summary>
    public static async Task<IReadOnlyList<Migration>> PendingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("select to_regclass('schema_migrations') is not null", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return EmbeddedMigrations;
            }
        }
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        return EmbeddedMigrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
    }

    /// <summary>
    /// Tables created by migrations after 0110 get the application role's privileges from the default privileges; this
    /// re-applies the append-only list of 0110 to them (a no-op before 0110 or without the role).
    /// </summary>
    private static async Task GrantApplicationRoleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select dispatch_grant_application_role() from (select 1) one
            where to_regprocedure('dispatch_grant_application_role()') is not null
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new SchemaMismatchException($"Migration {migration.Name} failed: {ex.MessageText} (SQLSTATE {ex.SqlState}).", ex);
        }
        await using (var record = new NpgsqlCommand(
            "insert into schema_migrations (version, name, checksum) values (@v, @n, @c)", connection, transaction))
        {
            record.Parameters.AddWithValue("v", migration.Version);
            record.Parameters.AddWithValue("n", migration.Name);
            record.Parameters.AddWithValue("c", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Migration}", migration.Name);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("select version, checksum from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, long? key = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is { } k)
        {
            command.Parameters.AddWithValue("key", k);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbeddedMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)))
        {
            var name = resource["migrations/".Length..];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), out var version))
            {
                throw new SchemaMismatchException($"Migration file name '{name}' must start with a number and an underscore, e.g. 0007_tickets.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            migrations.Add(new Migration(version, name, sql, checksum));
        }
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SchemaMismatchException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
        return migrations.OrderBy(m => m.Version).ToList();
    }
}

public sealed record Migration(int Version, string Name, string Sql, string Checksum);

/// <summary>The database schema cannot be brought to the version this build expects.</summary>
public sealed class SchemaMismatchException : Exception
{
    public SchemaMismatchException(string message) : base(message) { }
    public SchemaMismatchException(string message, Exception inner) : base(message, inner) { }
    public SchemaMismatchException() { }
}
