using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// The deadline-rule versions administrators published (sla_rule_versions), each as the rule document it was published
/// with and who, when and why. Appending notifies every listening silo (<see cref="Channel"/>) in the same statement.
/// </summary>
public sealed class SlaRuleLog(NpgsqlDataSource database)
{
    public const string Channel = "sla_rule_versions";

    /// <summary>Every published version, oldest first, parsed and carrying its publication.</summary>
    public async Task<IReadOnlyList<SlaRuleSet>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "select version, body::text, reason, published_by, published_role, published_at from sla_rule_versions order by version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<SlaRuleSet>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var rules = SlaRuleSet.Parse(reader.GetString(1), $"sla_rule_versions v{reader.GetInt32(0)}");
            versions.Add(rules.PublishedAs(new SlaRulePublication(reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(2))));
        }
        return versions;
    }

    /// <summary>The highest published version (0 when none): a cheap test of whether a reload is due.</summary>
    public async Task<int> StampAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("select coalesce(max(version), 0) from sla_rule_versions");
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Appends a version and notifies the silos; a version number already taken is a unique violation.</summary>
    public async Task AppendAsync(SlaRuleSet rules, string body, SlaRulePublication publication, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"""
            with appended as (
                insert into sla_rule_versions (version, effective_from, body, reason, published_by, published_role, published_at)
                values ($1, $2, $3::jsonb, $4, $5, $6, $7)
                returning version)
            select pg_notify('{Channel}', version::text) from appended
            """);
        foreach (var value in new object[] { rules.Version, rules.EffectiveFrom, body, publication.Reason, publication.By, publication.Role, publication.At })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Who published a rule version through the API, when and why; null for the shipped files.</summary>
public sealed record SlaRulePublication(string By, string Role, DateTimeOffset At, string Reason);
