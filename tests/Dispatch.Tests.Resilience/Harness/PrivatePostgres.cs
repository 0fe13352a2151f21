using System.Diagnostics;
using Dispatch.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.Tests.Resilience.Harness;

/// <summary>
/// A PostgreSQL server of one scenario's own (deploy/pg.sh in a temporary folder), for a scenario that stops and starts
/// the server: the fixture's server may serve other test projects running at the same time and is never restarted.
/// Stopped and removed when disposed.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string script = Path.Combine(RepositoryRoot.Find(), "deploy", "pg.sh");
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "dispatch-resilience-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private string port = "";

    /// <summary>The application role's connection (dispatch_app).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={port};Database=dispatch;Username={PostgresFixture.ApplicationRole};Maximum Pool Size=60";

    /// <summary>The schema owner's connection (dispatch_owner).</summary>
    public string SchemaConnectionString => $"Host=127.0.0.1;Port={port};Database=dispatch;Username={PostgresFixture.OwnerRole};Maximum Pool Size=4";

    /// <summary>Starts a new server on a free port with every migration applied.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        // A port found free may be taken by another process before the server binds it: then take another one.
        for (var attempt = 1; ; attempt++)
        {
            server.port = (await server.RunAsync("free-port")).Trim();
            try
            {
                await server.StartAgainAsync();
                break;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
        await using var dataSource = NpgsqlDataSource.Create(server.SchemaConnectionString);
        await DatabaseSetup.RunAsync(dataSource, NullLoggerFactory.Instance);
        return server;
    }

    /// <summary>Fast shutdown (pg_ctl -m fast): open connections are ended, new ones refused.</summary>
    public Task StopAsync() => RunAsync("stop", dataDirectory);

    /// <summary>Starts the server again on the same data folder and port.</summary>
    public Task StartAgainAsync() => RunAsync("start", dataDirectory, port);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean up with the rest of the temporary folder.
        }
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Durability across a clean restart does not need fsync; the fixture's servers run without it too.
        start.Environment["PG_FSYNC"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/pg.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }
        return await output;
    }
}
