using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Npgsql;

namespace Dispatch.Units;

/// <summary>
/// Validates town changes and writes them with their history entry, in one transaction; one activation serialises all
/// writes. Intake and routing read the towns from the table (AreaDirectory), so there is nothing to tell the silos.
/// </summary>
[GrainType("town-registry")]
public sealed class TownRegistryGrain(NpgsqlDataSource database, ReferenceChangeLog history) : Grain, ITownRegistryGrain
{
    public Task<Outcome<TownRecord>> Add(TownDefinition town, Actor actor) => SaveAsync(town, actor, isNew: true);

    public Task<Outcome<TownRecord>> Change(TownDefinition town, Actor actor) => SaveAsync(town, actor, isNew: false);

    private async Task<Outcome<TownRecord>> SaveAsync(TownDefinition town, Actor actor, bool isNew)
    {
        if (actor.Role != Roles.Admin)
        {
            return DomainError.Forbidden("只有系统管理员可以新增或修改乡镇（街道）。", "Only administrators may add or change towns.");
        }
        var counties = await ReadCountyCodesAsync();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = string.IsNullOrWhiteSpace(town.Code) ? null : await ReadAsync(connection, town.Code);
        if (!isNew && before is null)
        {
            return DomainError.NotFound($"Town {town.Code}", $"乡镇（街道）{town.Code} ");
        }
        // A change is checked against the town's own county; naming another one is refused on its own.
        var errors = new List<FieldError>(TownRules.Validate(isNew ? town : town with { CountyCode = before!.CountyCode }, counties));
        if (!isNew && town.CountyCode is not null && town.CountyCode != before!.CountyCode)
        {
            errors.Add(TownRules.CountyFixed(before.CountyCode));
        }
        if (errors.Count > 0)
        {
            return DomainError.Validation([.. errors]);
        }
        if (isNew && before is not null)
        {
            return TownRules.DuplicateCode(town.Code!);
        }
        var saved = new TownRecord(town.Code!, before?.CountyCode ?? town.CountyCode!, town.Name!.Trim(),
            string.IsNullOrWhiteSpace(town.NameEn) ? town.Name.Trim() : town.NameEn.Trim(), town.Kind!);
        await WriteAsync(connection, saved);
        await history.AppendAsync(connection, ReferenceTables.Towns, saved.Code, before, saved, actor);
        await transaction.CommitAsync();
        return Outcome<TownRecord>.Success(saved);
    }

    /// <summary>The county-level areas; a town never belongs to the city level.</summary>
    private async Task<HashSet<string>> ReadCountyCodesAsync()
    {
        await using var command = database.CreateCommand("select code from areas where level = 'county'");
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    /// <summary>The town as stored, locked until the change commits; null when no town has this code.</summary>
    private static async Task<TownRecord?> ReadAsync(NpgsqlConnection connection, string code)
    {
        await using var command = new NpgsqlCommand("select code, county_code, name, name_en, kind from towns where code = $1 for update", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new TownRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }

    private static async Task WriteAsync(NpgsqlConnection connection, TownRecord town)
    {
        await using var command = new NpgsqlCommand("""
            insert into towns (code, county_code, name, name_en, kind) values ($1, $2, $3, $4, $5)
            on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, kind = excluded.kind
            """, connection);
        foreach (var value in new object[] { town.Code, town.CountyCode, town.Name, town.NameEn, town.Kind })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }
}
