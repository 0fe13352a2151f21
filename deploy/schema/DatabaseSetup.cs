using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Schema;

/// <summary>The one schema step: migrations, then first-start reference data. Used by silo, web app and tests.</summary>
public static class DatabaseSetup
{
    public static string DefaultReferenceDataFolder => Path.Combine(AppContext.BaseDirectory, "reference-data");

    public static string DefaultReferenceDataPath => Path.Combine(DefaultReferenceDataFolder, "jiaxing.json");

    public static async Task RunAsync(NpgsqlDataSource dataSource, ILoggerFactory loggerFactory, string? referenceDataPath = null, CancellationToken cancellationToken = default)
    {
        await new SchemaMigrator(dataSource, loggerFactory.CreateLogger<SchemaMigrator>()).ApplyAsync(cancellationToken);
        await new ReferenceDataSeeder(dataSource, loggerFactory.CreateLogger<ReferenceDataSeeder>())
            .SeedIfEmptyAsync(referenceDataPath ?? DefaultReferenceDataPath, cancellationToken);
    }
}
