using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dispatch.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Dispatch.Tests.Fixtures;

/// <summary>
/// The PostgreSQL database the tests use, with every migration applied, reached through two roles like the product:
/// <see cref="SchemaConnectionString"/> (the schema owner, dispatch_owner) runs the schema step and little else;
/// <see cref="ConnectionString"/> (the application role, dispatch_app) is what silos, web apps and tests connect as.
/// Uses ConnectionStrings__Dispatch and ConnectionStrings__DispatchSchema when set (deploy/test.sh sets both); given only
/// a superuser's ConnectionStrings__Dispatch (e.g. the "dispatch" user of deploy/pg.sh), it uses the roles deploy/pg.sh
/// creates on that server; otherwise it starts a throwaway instance with deploy/pg.sh once per test process and stops
/// it when the process exits.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string OwnerRole = "dispatch_owner";
    public const string ApplicationRole = "dispatch_app";

    /// <summary>Held while one test process builds the template database (any 64-bit number the product does not use).</summary>
    private const long TemplateLockKey = 1238500017;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static (string Application, string Schema)? shared;
    private static string? template;

    /// <summary>The application role's connection (dispatch_app).</summary>
    public string ConnectionString => Started.Application;

    /// <summary>The schema owner's connection (dispatch_owner): for the schema step and tests that change the schema.</summary>
    public string SchemaConnectionString => Started.Schema;

    private static (string Application, string Schema) Started => shared ?? throw new InvalidOperationException("The fixture has not started.");

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>
    /// A fresh database on the same server with every migration applied, for tests whose background work
    /// (deadline watchers scanning the read model) must not meet other tests' data. Returns the application role's connection.
    /// It is a copy of a template database that went through the schema step once (see <see cref="TemplateAsync"/>): the
    /// same tables, functions, grants and reference data, without running every migration again for each test system.
    /// </summary>
    public async Task<string> CreateIsolatedDatabaseAsync()
    {
        var name = "dispatch_test_" + Guid.NewGuid().ToString("N")[..12];
        var template = await TemplateAsync();
        await using (var owner = NpgsqlDataSource.Create(SchemaConnectionString))
        await using (var create = owner.CreateCommand($"create database {name} template {template}"))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The schema owner's connection to the database of an application-role connection string (e.g. an isolated database).</summary>
    public string AsOwner(string applicationConnectionString) =>
        new NpgsqlConnectionStringBuilder(applicationConnectionString)
        {
            Username = new NpgsqlConnectionStringBuilder(SchemaConnectionString).Username,
            Password = new NpgsqlConnectionStringBuilder(SchemaConnectionString).Password,
        }.ConnectionString;

    /// <summary>
    /// The template the isolated databases are copied from, made once per server and build: its name carries a fingerprint
    /// of every migration's checksum and of the reference data, so a server kept between runs never hands out a stale
    /// schema, and test processes running side by side (an advisory lock) build it once. It is built under a temporary
    /// name and renamed when complete, and nothing stays connected to it (PostgreSQL copies only an unused template).
    /// </summary>
    private async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            return template ??= await BuildTemplateAsync(SchemaConnectionString);
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task<string> BuildTemplateAsync(string schemaConnectionString)
    {
        var name = "dispatch_template_" + SchemaFingerprint();
        var building = name + "_building";
        await using var owner = NpgsqlDataSource.Create(schemaConnectionString);
        await using var connection = await owner.OpenConnectionAsync();
        await ExecuteAsync(connection, $"select pg_advisory_lock({TemplateLockKey})");
        try
        {
            await using (var exists = new NpgsqlCommand("select exists (select from pg_database where datname = $1)", connection))
            {
                exists.Parameters.Add(new NpgsqlParameter { Value = name });
                if (await exists.ExecuteScalarAsync() is true)
                {
                    return name;
                }
            }
            // A build a killed test process left half done.
            await ExecuteAsync(connection, $"drop database if exists {building} with (force)");
            await ExecuteAsync(connection, $"create database {building}");
            await using (var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(schemaConnectionString) { Database = building, Pooling = false }.ConnectionString))
            {
                await DatabaseSetup.RunAsync(dataSource, NullLoggerFactory.Instance);
            }
            await ExecuteAsync(connection, $"alter database {building} rename to {name}");
            // Nothing connects to it from now on, not even autovacuum, so a copy never finds it in use.
            await ExecuteAsync(connection, $"alter database {name} with allow_connections false");
            await DropOlderTemplatesAsync(connection, name);
            return name;
        }
        finally
        {
            await ExecuteAsync(connection, $"select pg_advisory_unlock({TemplateLockKey})");
        }
    }

    /// <summary>Templates of earlier builds, on a server kept between runs.</summary>
    private static async Task DropOlderTemplatesAsync(NpgsqlConnection connection, string current)
    {
        var older = new List<string>();
        await using (var list = new NpgsqlCommand("select datname from pg_database where datname like 'dispatch\\_template\\_%' and datname <> $1", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = current });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                older.Add(reader.GetString(0));
            }
        }
        foreach (var database in older)
        {
            await ExecuteAsync(connection, $"drop database if exists {database}");
        }
    }

    /// <summary>Twelve hex digits of a SHA-256 over every migration (version and checksum) and the reference data file.</summary>
    private static string SchemaFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var migration in SchemaMigrator.EmbeddedMigrations)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{migration.Version}:{migration.Checksum}\n"));
        }
        hash.AppendData(File.ReadAllBytes(DatabaseSetup.DefaultReferenceDataPath));
        return Convert.ToHexString(hash.GetHashAndReset())[..12].ToLowerInvariant();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            shared ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<(string Application, string Schema)> StartAsync()
    {
        var application = Environment.GetEnvironmentVariable("ConnectionStrings__Dispatch");
        var schema = Environment.GetEnvironmentVariable("ConnectionStrings__DispatchSchema");
        (string Application, string Schema) roles = string.IsNullOrWhiteSpace(application)
            ? AsRoles(ThrowawayInstance.Start())
            : !string.IsNullOrWhiteSpace(schema) ? (application, schema) : await RolesOnServerAsync(application);
        await using var dataSource = NpgsqlDataSource.Create(roles.Schema);
        await DatabaseSetup.RunAsync(dataSource, NullLoggerFactory.Instance);
        return roles;
    }

    /// <summary>A superuser's connection stands for the server: the tests use deploy/pg.sh's two roles there, if it has them.</summary>
    private static async Task<(string Application, string Schema)> RolesOnServerAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var probe = dataSource.CreateCommand(
            "select rolsuper and exists (select from pg_roles where rolname = $1) and exists (select from pg_roles where rolname = $2) from pg_roles where rolname = current_user");
        probe.Parameters.Add(new NpgsqlParameter { Value = OwnerRole });
        probe.Parameters.Add(new NpgsqlParameter { Value = ApplicationRole });
        return await probe.ExecuteScalarAsync() is true ? AsRoles(connectionString) : (connectionString, connectionString);
    }

    private static (string Application, string Schema) AsRoles(string connectionString) => (
        new NpgsqlConnectionStringBuilder(connectionString) { Username = ApplicationRole, Password = null }.ConnectionString,
        new NpgsqlConnectionStringBuilder(connectionString) { Username = OwnerRole, Password = null }.ConnectionString);

    /// <summary>A private instance in a temporary folder, for a plain `dotnet test`.</summary>
    private static class ThrowawayInstance
    {
        public static string Start()
        {
            var script = Path.Combine(RepositoryRoot.Find(), "deploy", "pg.sh");
            RemoveAbandoned();
            var port = Run(script, "free-port").Trim();
            var dataDirectory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N")[..8]);
            Run(script, "start", dataDirectory, port);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                Run(script, "stop", dataDirectory);
                TryDelete(dataDirectory);
            };
            return $"Host=127.0.0.1;Port={port};Database=dispatch;Username=dispatch;Maximum Pool Size=50";
        }

        private static string Run(string script, params string[] arguments)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"deploy/pg.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
            }
            return output;
        }

        private const string DirectoryPrefix = "dispatch-test-pg-";

        /// <summary>
        /// A test host can be ended before its exit handler deletes the stopped instance's folder; earlier runs' folders
        /// with no server running (no postmaster.pid) and untouched for ten minutes are removed here.
        /// </summary>
        private static void RemoveAbandoned()
        {
            var cutoff = DateTime.UtcNow.AddMinutes(-10);
            foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
            {
                if (!File.Exists(Path.Combine(directory, "postmaster.pid")) && Directory.GetLastWriteTimeUtc(directory) < cutoff)
                {
                    TryDelete(directory);
                }
            }
        }

        private static void TryDelete(string directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the rest of the temporary folder.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
