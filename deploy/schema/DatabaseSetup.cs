using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Schema;

/// <summary>The one schema step: migrations, then first-start reference data. Used by silo, web app and tests.</summary>
public static class DatabaseSetup
{
    public static string DefaultReferenceDataFolder => Path.Combine(AppContext.BaseDirectory, "reference-data");

    public static string DefaultReferenceDataPath => Path.Combine(DefaultReferenceDataFolder, "jiaxing.json");

    /// <summary>How long a process without the schema connection waits for another to bring the schema up to date.</summary>
    public static readonly TimeSpan DefaultSchemaWait = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The start-up step of the silo and the web app. With ConnectionStrings:DispatchSchema (the schema owner) this process
    /// runs the migrations and first reference data as that role; without it, it runs none and waits (Database:SchemaWaitSeconds,
    /// default 120) until another process has applied every migration of this build, then fails naming the missing ones.
    /// </summary>
    public static async Task PrepareAsync(IConfiguration configuration, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (DatabaseConnection.ResolveSchema(configuration) is { } schemaConnection)
        {
            await using var owner = NpgsqlDataSource.Create(schemaConnection);
            await RunAsync(owner, loggerFactory, cancellationToken: cancellationToken);
            return;
        }
        var wait = configuration["Database:SchemaWaitSeconds"] is { } raw
            ? int.TryParse(raw, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new StartupConfigurationException($"Database:SchemaWaitSeconds '{raw}' is not a number of seconds.")
            : DefaultSchemaWait;
        await using var application = NpgsqlDataSource.Create(DatabaseConnection.Resolve(configuration));
        await WaitForSchemaAsync(application, loggerFactory.CreateLogger<SchemaMigrator>(), time, wait, cancellationToken);
    }

    private static async Task WaitForSchemaAsync(NpgsqlDataSource dataSource, ILogger logger, TimeProvider time, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var pending = await SchemaMigrator.PendingAsync(dataSource, cancellationToken);
            if (pending.Count == 0)
            {
                return;
            }
            if (time.GetUtcNow() >= deadline)
            {
                throw new SchemaMismatchException(
                    $"The schema is behind this build (not applied: {string.Join(", ", pending.Select(m => m.Name))}) and this process runs no migrations: "
                    + $"start one process with ConnectionStrings__{DatabaseConnection.SchemaConnectionStringName} (the schema owner's connection).");
            }
            logger.LogInformation("Waiting for the schema step: {Count} migrations not applied yet", pending.Count);
            await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
        }
    }

    public static async Task RunAsync(NpgsqlDataSource dataSource, ILoggerFactory loggerFactory, string? referenceDataPath = null, CancellationToken cancellationToken = default)
    {
        await new SchemaMigrator(dataSource, loggerFactory.CreateLogger<SchemaMigrator>()).ApplyAsync(cancellationToken);
        await new ReferenceDataSeeder(dataSource, loggerFactory.CreateLogger<ReferenceDataSeeder>())
            .SeedIfEmptyAsync(referenceDataPath ?? DefaultReferenceDataPath, cancellationToken);
    }
}
