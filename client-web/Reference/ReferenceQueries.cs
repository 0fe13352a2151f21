using Npgsql;

namespace Dispatch.Web.Reference;

/// <summary>Reads the reference tables (areas, towns, units); writes go through the unit registry grain.</summary>
public sealed class ReferenceQueries(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<AreaSummary>> AreasAsync(CancellationToken cancellationToken)
    {
        var towns = await TownsAsync(cancellationToken);
        await using var command = database.CreateCommand("select code, name, name_en, level from areas order by sort_order");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var areas = new List<AreaSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = reader.GetString(0);
            areas.Add(new AreaSummary(code, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                towns.TryGetValue(code, out var list) ? list : []));
        }
        return areas;
    }

    public async Task<IReadOnlyList<UnitSummary>> UnitsAsync(string? areaCode, string? kind, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            select code, name, name_en, kind, area_code, phone, address, active, version, routing_share, email
            from units
            where ($1::text is null or area_code = $1) and ($2::text is null or kind = $2)
            order by area_code, kind, code
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)areaCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var units = new List<UnitSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new UnitSummary(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetBoolean(7), reader.GetInt32(8), reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }
        return units;
    }

    /// <summary>The county (area) a unit belongs to, or null when no unit has this code.</summary>
    public async Task<string?> CountyOfUnitAsync(string unitCode, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select area_code from units where code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = unitCode });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<Dictionary<string, List<TownSummary>>> TownsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select code, county_code, name, name_en, kind from towns order by code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var towns = new Dictionary<string, List<TownSummary>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var county = reader.GetString(1);
            if (!towns.TryGetValue(county, out var list))
            {
                towns[county] = list = [];
            }
            list.Add(new TownSummary(reader.GetString(0), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return towns;
    }
}

public sealed record AreaSummary(string Code, string Name, string NameEn, string Level, IReadOnlyList<TownSummary> Towns);

public sealed record TownSummary(string Code, string Name, string NameEn, string Kind);

/// <param name="RoutingShare">Its share of the work among the active units of its kind in its county (see UnitDefinition).</param>
public sealed record UnitSummary(string Code, string Name, string NameEn, string Kind, string CountyCode, string? Phone, string? Address, bool Active, int Version, int RoutingShare,
    string? Email);
