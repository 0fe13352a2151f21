using Dispatch.Units;
using Npgsql;

namespace Dispatch.Routing;

/// <summary>Reads the active routing rules, for the silo's <see cref="ActiveRoutingRules"/>, and the table's version.</summary>
public sealed class RoutingRuleTable(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<RoutingRule>> ReadActiveAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select id, county_code, town_code, kind, topic, unit_kind from routing_rules where active");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<RoutingRule>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new RoutingRule(reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetString(5)));
        }
        return rules;
    }

    public Task<long> VersionAsync(CancellationToken cancellationToken) => ReferenceTableVersions.ReadAsync(database, "routing_rules", cancellationToken);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
