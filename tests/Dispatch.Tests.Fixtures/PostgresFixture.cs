using System.Diagnostics;
using Dispatch.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Dispatch.Tests.Fixtures;

/// <summary>
/// The PostgreSQL database the tests use, with every migration applied. Uses ConnectionStrings__Dispatch
/// when set (deploy/test.sh sets it); otherwise starts a throwaway instance with deploy/pg.sh once per
/// test process and stops it when the process exits.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? sharedConnectionString;

    public string ConnectionString => sharedConnectionString ?? throw new InvalidOperationException("The fixture has not started.");

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>
    /// A fresh database on the same server with every migration applied, for tests whose background work
    /// (deadline watchers scanning the read model) must not meet other tests' data.
    /// </summary>
    public async Task<string> CreateIsolatedDatabaseAsync()
    {
        var name = "dispatch_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = NpgsqlDataSource.Create(ConnectionString))
        await using (var create = admin.CreateCommand($"create database {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await DatabaseSetup.RunAsync(dataSource, NullLoggerFactory.Instance);
        return connectionString;
    }

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            sharedConnectionString ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Dispatch");
        var connectionString = string.IsNullOrWhiteSpace(configured) ? ThrowawayInstance.Start() : configured;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await DatabaseSetup.RunAsync(dataSource, NullLoggerFactory.Instance);
        return connectionString;
    }

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
