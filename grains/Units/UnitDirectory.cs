using Npgsql;

namespace Dispatch.Units;

/// <summary>A service unit as an item needs to know it: its kind, its area and whether it takes work.</summary>
public sealed record UnitInfo(string Code, string Kind, string AreaCode, bool Active);

/// <summary>Finds service units in the reference data: by code, or the unit of a kind that serves an area.</summary>
public sealed class UnitDirectory(NpgsqlDataSource database)
{
    public async Task<UnitInfo?> FindAsync(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        await using var command = database.CreateCommand("select code, kind, area_code, active from units where code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code.Trim() });
        return await ReadOneAsync(command);
    }

    /// <summary>The active unit of this kind in the area; with several (rehabilitation providers), the first by code.</summary>
    public async Task<UnitInfo?> ServingAsync(string areaCode, string kind)
    {
        await using var command = database.CreateCommand(
            "select code, kind, area_code, active from units where area_code = $1 and kind = $2 and active order by code limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = areaCode });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        return await ReadOneAsync(command);
    }

    private static async Task<UnitInfo?> ReadOneAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new UnitInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3))
            : null;
    }
}
