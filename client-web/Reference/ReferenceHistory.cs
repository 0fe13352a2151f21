using System.Text.Json;
using Dispatch.Scopes;
using Dispatch.Units;
using Dispatch.Web.ApiConventions;
using Npgsql;

namespace Dispatch.Web.Reference;

/// <summary>One change of a unit, town or routing rule: who made it, when, and the record before (null: added) and after.</summary>
public sealed record ReferenceChangeEntry(long Id, DateTimeOffset ChangedAt, string ChangedBy, string ChangedByName, string ChangedRole,
    string Action, JsonElement? Before, JsonElement After);

/// <summary>
/// Reads the history of the reference data (reference_changes, written by the registry grains), newest first, for
/// administrators and supervisors: a county supervisor reads the history of the units, towns and rules of the county
/// (and of the rules that apply everywhere); anything else does not exist for them.
/// </summary>
public sealed class ReferenceHistory(NpgsqlDataSource database)
{
    /// <summary>Per table: the statement that finds a record's county (a null county is a rule that applies everywhere).</summary>
    private static readonly Dictionary<string, string> CountyOf = new(StringComparer.Ordinal)
    {
        [ReferenceTables.Units] = "select area_code from units where code = $1",
        [ReferenceTables.Towns] = "select county_code from towns where code = $1",
        [ReferenceTables.RoutingRules] = "select county_code from routing_rules where id::text = $1",
        [ReferenceTables.LegalAidRoster] =
            "select u.area_code, r.station_code from legal_aid_roster r join units u on u.code = r.station_code where r.id::text = $1",
    };

    /// <summary>The record's history page, or null when the record does not exist or lies outside the actor's scope.</summary>
    public async Task<ListPage<ReferenceChangeEntry>?> ReadAsync(string table, string key, Actor actor, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(table, key, actor, cancellationToken))
        {
            return null;
        }
        await using var command = database.CreateCommand("""
            select id, changed_at, changed_by, changed_by_name, changed_role, action, before::text, after::text, count(*) over ()
            from reference_changes where table_name = $1 and record_key = $2
            order by id desc limit $3 offset $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = pageSize });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(page - 1) * pageSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReferenceChangeEntry>();
        var total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReferenceChangeEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : Parse(reader.GetString(6)),
                Parse(reader.GetString(7))));
            total = (int)reader.GetInt64(8);
        }
        if (entries.Count == 0 && page > 1)
        {
            total = await CountAsync(table, key, cancellationToken);
        }
        return new ListPage<ReferenceChangeEntry>(entries, total, page, pageSize);
    }

    /// <summary>
    /// Administrators and supervisors within the record's county; for a record of a unit (a roster entry, whose statement
    /// also answers the unit), the unit's staff as well.
    /// </summary>
    private async Task<bool> VisibleAsync(string table, string key, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Role is not (Roles.Admin or Roles.Supervisor or Roles.UnitStaff))
        {
            return false;
        }
        await using var command = database.CreateCommand(CountyOf[table]);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }
        var county = reader.IsDBNull(0) ? null : reader.GetString(0);
        var unit = reader.FieldCount > 1 && !reader.IsDBNull(1) ? reader.GetString(1) : null;
        var scope = ActorScope.Of(actor);
        return actor.Role == Roles.UnitStaff ? unit is not null && scope.IsStaffOf(unit) : county is null || scope.Covers(county, null);
    }

    private async Task<int> CountAsync(string table, string key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select count(*) from reference_changes where table_name = $1 and record_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>The one way every history endpoint answers: 400 for bad paging, 404 outside the scope, else the page.</summary>
public static class ReferenceHistoryEndpoint
{
    public const string Summary =
        "change history, newest first (administrators; supervisors within their county): who, when, before and after; " +
        "page, pageSize";

    public static async Task<Results<Ok<ListPage<ReferenceChangeEntry>>, ProblemHttpResult>> ReadAsync(
        string table, string key, string whatEn, string whatZh, int? page, int? pageSize, HttpContext context)
    {
        var errors = Paging.Check(page, pageSize).ToArray();
        if (errors.Length > 0)
        {
            return ProblemResponses.Validation(context, errors);
        }
        var history = context.RequestServices.GetRequiredService<ReferenceHistory>();
        var found = await history.ReadAsync(table, key, context.User.ToActor(), Paging.PageOf(page), Paging.SizeOf(pageSize), context.RequestAborted);
        return found is null ? ProblemResponses.From(DomainError.NotFound(whatEn, whatZh), context) : TypedResults.Ok(found);
    }
}
