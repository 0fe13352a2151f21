using System.Globalization;
using Dispatch.Errors;
using Dispatch.Identity;
using Microsoft.Extensions.Logging;
using Npgsql;
using Dispatch.Items;
using Dispatch.Fields;
using Dispatch.Units;

namespace Dispatch.Routing;

/// <summary>
/// Validates routing-rule changes and writes them with their history entry, in one transaction; one activation serialises
/// all writes. This silo routes by the change
/// at once; the others hear of it from the table's trigger (<see cref="RoutingRuleFeed"/>).
/// </summary>
[GrainType("routing-rules")]
public sealed class RoutingRulesGrain(
    NpgsqlDataSource database, AreaDirectory areaDirectory, RoutingRuleFeed feed, ReferenceChangeLog history, ILogger<RoutingRulesGrain> logger)
    : Grain, IRoutingRulesGrain
{
    public Task<Outcome<RoutingRuleRecord>> Add(RoutingRuleDefinition rule, Actor actor) => SaveAsync(null, rule, actor);

    public Task<Outcome<RoutingRuleRecord>> Change(int id, RoutingRuleDefinition rule, Actor actor) => SaveAsync(id, rule, actor);

    private async Task<Outcome<RoutingRuleRecord>> SaveAsync(int? id, RoutingRuleDefinition rule, Actor actor)
    {
        if (actor.Role != Roles.Admin)
        {
            return DomainError.Forbidden("只有系统管理员可以修改派单规则。", "Only administrators may change routing rules.");
        }
        var reference = await areaDirectory.ReadAsync();
        var (areas, towns) = (reference.CountyCodes, reference.TownCounties);
        var errors = RoutingRuleValidation.Validate(rule, areas, towns);
        if (errors.Count > 0)
        {
            return DomainError.Validation([.. errors]);
        }
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        RoutingRuleRecord? before = null;
        if (id is { } existing && (before = await ReadAsync(connection, existing)) is null)
        {
            return DomainError.NotFound($"Routing rule {id}", $"派单规则 {id} ");
        }
        var saved = await WriteAsync(connection, id, rule, actor);
        await history.AppendAsync(connection, ReferenceTables.RoutingRules, saved.Id.ToString(CultureInfo.InvariantCulture), before, saved, actor);
        await transaction.CommitAsync();
        await HoldAsync();
        return Outcome<RoutingRuleRecord>.Success(saved);
    }

    /// <summary>The rule as stored, locked until the change commits; null when no rule has this id.</summary>
    private static async Task<RoutingRuleRecord?> ReadAsync(NpgsqlConnection connection, int id)
    {
        await using var command = new NpgsqlCommand(
            "select id, county_code, town_code, kind, topic, unit_kind, active, note from routing_rules where id = $1 for update", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        return new RoutingRuleRecord(reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
            reader.GetString(5), reader.GetBoolean(6), Text(reader, 7));
    }

    private static async Task<RoutingRuleRecord> WriteAsync(NpgsqlConnection connection, int? id, RoutingRuleDefinition rule, Actor actor)
    {
        await using var command = new NpgsqlCommand(id is null
            ? """
              insert into routing_rules (county_code, town_code, kind, topic, unit_kind, active, note, updated_by)
              values ($1, $2, $3, $4, $5, $6, $7, $8) returning id
              """
            : """
              update routing_rules set county_code = $1, town_code = $2, kind = $3, topic = $4, unit_kind = $5,
                     active = $6, note = $7, updated_by = $8, updated_at = now()
              where id = $9 returning id
              """, connection);
        foreach (var value in new object?[] { rule.CountyCode, rule.TownCode, rule.Kind, rule.Topic, rule.UnitKind, rule.Active, rule.Note, actor.UserId })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        if (id is { } existing)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = existing });
        }
        var saved = (int)(await command.ExecuteScalarAsync())!;
        return new RoutingRuleRecord(saved, rule.CountyCode, rule.TownCode, rule.Kind, rule.Topic, rule.UnitKind!, rule.Active, rule.Note);
    }

    /// <summary>The write is done whatever happens here; a failed reload is made good by the feed's notice or poll.</summary>
    private async Task HoldAsync()
    {
        try
        {
            await feed.RefreshAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Reloading the routing rules after a change failed; the routing-rule feed will catch up");
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
