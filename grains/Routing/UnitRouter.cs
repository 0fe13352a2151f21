using Npgsql;

namespace Dispatch.Routing;

/// <summary>A unit as an item needs to know it when sending work there.</summary>
public sealed record UnitTarget(string Code, string AreaCode, bool Active);

/// <summary>Finds the unit a ticket goes to: by its code, or by the routing rules for the ticket's facts.</summary>
public sealed class UnitRouter(NpgsqlDataSource database)
{
    public async Task<UnitTarget?> FindUnitAsync(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        await using var command = database.CreateCommand("select code, area_code, active from units where code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code.Trim() });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new UnitTarget(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)) : null;
    }

    /// <summary>Automatic routing: the most specific rule names a unit kind; the county of the facts supplies the unit.</summary>
    public async Task<UnitTarget?> RouteAsync(RoutingSubject subject)
    {
        var rules = await LoadRulesAsync();
        var kind = RoutingRules.Choose(rules, subject);
        if (kind is null)
        {
            return null;
        }
        await using var command = database.CreateCommand(
            "select code, area_code, active from units where area_code = $1 and kind = $2 and active order by code limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject.CountyCode });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new UnitTarget(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)) : null;
    }

    /// <summary>
    /// The body one level up that reviews an answer (复查) or re-reviews a review (复核): a county unit's answer goes to
    /// the city's centre; a city-level answer, and every re-review, to the city's designated review body.
    /// </summary>
    public async Task<UnitTarget?> ReviewBodyAsync(string answeringUnitCode, string stage)
    {
        await using var command = database.CreateCommand("""
            select u.code, u.area_code, u.active from units u, units answering
            where answering.code = $1 and u.area_code = $2 and u.active
              and u.kind = case when $3 = 'review' and answering.area_code <> $2 then 'centre' else 'petition_review' end
            order by u.code limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = answeringUnitCode });
        command.Parameters.Add(new NpgsqlParameter { Value = Scopes.ActorScope.CityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = stage });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new UnitTarget(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)) : null;
    }

    private async Task<IReadOnlyList<RoutingRule>> LoadRulesAsync()
    {
        await using var command = database.CreateCommand("select id, county_code, town_code, kind, topic, unit_kind from routing_rules where active");
        await using var reader = await command.ExecuteReaderAsync();
        var rules = new List<RoutingRule>();
        while (await reader.ReadAsync())
        {
            rules.Add(new RoutingRule(reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetString(5)));
        }
        return rules;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
