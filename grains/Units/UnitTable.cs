using Npgsql;

namespace Dispatch.Units;

/// <summary>Reads the units table whole, for the silo's <see cref="UnitDirectory"/>, and its version.</summary>
public sealed class UnitTable(NpgsqlDataSource database)
{
    public async Task<UnitSet> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select code, kind, area_code, active, routing_share from units");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var units = new List<UnitInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new UnitInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt32(4)));
        }
        return new UnitSet(units);
    }

    public Task<long> VersionAsync(CancellationToken cancellationToken) => ReferenceTableVersions.ReadAsync(database, "units", cancellationToken);
}
