using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Dispatch.Schema;

/// <summary>Finds the PostgreSQL connection string: ConnectionStrings:Dispatch, else DATABASE_URL (postgres://user:pass@host:port/db).</summary>
public static class DatabaseConnection
{
    public const string ConnectionStringName = "Dispatch";

    /// <summary>The schema owner's connection: only the schema step (migrations, first reference data) uses it.</summary>
    public const string SchemaConnectionStringName = "DispatchSchema";

    /// <summary>ConnectionStrings:DispatchSchema (an Npgsql connection string or a postgres:// URL), or null when this process is not to run the schema step.</summary>
    public static string? ResolveSchema(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(SchemaConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        return configured.StartsWith("postgres://", StringComparison.Ordinal) || configured.StartsWith("postgresql://", StringComparison.Ordinal)
            ? FromUrl(configured)
            : Validate(configured, $"ConnectionStrings:{SchemaConnectionStringName}");
    }

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Validate(configured, $"ConnectionStrings:{ConnectionStringName}");
        }
        var url = configuration["DATABASE_URL"];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return FromUrl(url);
        }
        throw new StartupConfigurationException(
            "No database configured: set ConnectionStrings__Dispatch (an Npgsql connection string) or DATABASE_URL (postgres://user:password@host:port/database).");
    }

    /// <summary>
    /// The data source the silo and the web app query through. Unless the connection string says otherwise, statements
    /// run often are prepared on each pooled connection after a few uses (PostgreSQL then skips parsing and
    /// planning them), and a connection going back to the pool is not reset (the application sets no session state;
    /// transactions, including their advisory locks, end before a connection is returned).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 64;
        }
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }
        return NpgsqlDataSource.Create(settings.ConnectionString);
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));

    public static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "postgres" && uri.Scheme != "postgresql"))
        {
            throw new StartupConfigurationException($"DATABASE_URL must look like postgres://user:password@host:port/database; got '{Redact(url)}'.");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "dispatch",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return builder.ConnectionString;
    }

    private static string Validate(string connectionString, string source)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"{source} is not a valid Npgsql connection string: {ex.Message}");
        }
    }

    private static string Redact(string url) => url.Contains('@', StringComparison.Ordinal) ? "postgres://***@" + url[(url.IndexOf('@', StringComparison.Ordinal) + 1)..] : url;
}

/// <summary>Configuration that makes start-up impossible; reported as one line, exit code 2.</summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message) : base(message) { }
    public StartupConfigurationException(string message, Exception inner) : base(message, inner) { }
    public StartupConfigurationException() { }
}
