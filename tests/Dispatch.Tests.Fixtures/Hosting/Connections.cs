using Npgsql;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>
/// What a stopped silo or web app leaves on the test server. Orleans' ADO.NET providers open their connections through
/// Npgsql's global pool (one pool per connection string, kept for the process's life), and a test's isolated database has
/// a connection string of its own: without this, each finished test would keep its idle connections until Npgsql's idle
/// pruning, and a long run fills the server's connection slots.
/// </summary>
public static class Connections
{
    /// <summary>Closes the idle pooled connections of <paramref name="connectionString"/>; ones in use close when returned.</summary>
    public static void Release(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
