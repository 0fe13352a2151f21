using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Schema;

/// <summary>Loads the Jiaxing reference data into an empty database; later changes are made by administrators.</summary>
public sealed class ReferenceDataSeeder(NpgsqlDataSource dataSource, ILogger<ReferenceDataSeeder> logger)
{
    public async Task<bool> SeedIfEmptyAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = ReferenceDataFile.Load(path);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialise with other starting processes; the check below then sees their work.
        await using (var lockCommand = new NpgsqlCommand("lock table areas in exclusive mode", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var probe = new NpgsqlCommand("select exists (select 1 from areas)", connection, transaction))
        {
            if ((bool)(await probe.ExecuteScalarAsync(cancellationToken))!)
            {
                return false;
            }
        }

        var batch = new NpgsqlBatch(connection, transaction);
        AddArea(batch, file.City, "city", 0);
        var order = 1;
        foreach (var county in file.Counties)
        {
            AddArea(batch, new AreaEntry(county.Code, county.Name, county.NameEn), "county", order++);
            foreach (var town in county.Towns ?? [])
            {
                batch.BatchCommands.Add(Command(
                    "insert into towns (code, county_code, name, name_en, kind) values ($1, $2, $3, $4, $5)",
                    town.Code, county.Code, town.Name, town.NameEn, town.Kind));
            }
        }
        foreach (var unit in file.Units)
        {
            batch.BatchCommands.Add(Command(
                "insert into units (code, name, name_en, kind, area_code, phone, address, updated_by) values ($1, $2, $3, $4, $5, $6, $7, 'reference-data')",
                unit.Code, unit.Name, unit.NameEn, unit.Kind, unit.CountyCode, (object?)unit.Phone ?? DBNull.Value, (object?)unit.Address ?? DBNull.Value));
        }
        batch.BatchCommands.Add(Command(
            "insert into reference_data_loads (file_name, file_version) values ($1, $2)", Path.GetFileName(path), file.Version));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded reference data {File} v{Version}: {Counties} counties, {Units} units",
            Path.GetFileName(path), file.Version, file.Counties.Count, file.Units.Count);
        return true;
    }

    private static void AddArea(NpgsqlBatch batch, AreaEntry area, string level, int order) =>
        batch.BatchCommands.Add(Command(
            "insert into areas (code, name, name_en, level, sort_order) values ($1, $2, $3, $4, $5)",
            area.Code, area.Name, area.NameEn, level, order));

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
