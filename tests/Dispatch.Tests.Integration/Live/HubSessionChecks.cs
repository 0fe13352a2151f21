using Dispatch.Web.Auth.Sessions;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Dispatch.Tests.Integration.Live;

/// <summary>Hub connections and listener cuts for the tests of how sessions end live connections.</summary>
internal static class HubSessionChecks
{
    public const string Supervisor = "supervisor@jx12385.test";
    public const string Operator = "operator@jx12385.test";

    public static async Task<HubConnection> ConnectAsync(LocalWebApp web, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.Address, "/hubs/supervision"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        try
        {
            await connection.StartAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the web instance's listening connection, as a network cut or a database restart would; returns how many it ended.</summary>
    public static async Task<int> TerminateListenerAsync(string connectionString)
    {
        // As the application role: it may see and end its own role's backends (the schema owner may do neither).
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var terminate = database.CreateCommand(
            $"""
            select count(*)::int from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%{SessionStore.RevokedChannel}%'
              and pg_terminate_backend(pid)
            """);
        return (int)(await terminate.ExecuteScalarAsync())!;
    }

    /// <summary>Revokes every active session of the user behind the store's back: no NOTIFY goes out.</summary>
    public static async Task<int> RevokeUnannouncedAsync(string connectionString, string email)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var revoke = database.CreateCommand(
            """
            update auth_sessions set revoked_at = now(), revoked_reason = 'test_unannounced'
            where revoked_at is null and user_id = (select "Id" from "AspNetUsers" where "NormalizedEmail" = upper($1))
            """);
        revoke.Parameters.Add(new() { Value = email });
        return await revoke.ExecuteNonQueryAsync();
    }
}
