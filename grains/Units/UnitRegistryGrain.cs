using Dispatch.Errors;
using Dispatch.Identity;
using Microsoft.Extensions.Logging;
using Npgsql;
using Dispatch.Items;

namespace Dispatch.Units;

/// <summary>
/// Validates unit changes and writes them to the reference tables with their history entry, in one transaction; one
/// activation serialises all writes. This silo holds the change at once; the others hear of it from the table's trigger
/// (<see cref="UnitFeed"/>).
/// </summary>
[GrainType("unit-registry")]
public sealed class UnitRegistryGrain(NpgsqlDataSource database, UnitFeed feed, ReferenceChangeLog history, ILogger<UnitRegistryGrain> logger)
    : Grain, IUnitRegistryGrain
{
    public Task<Outcome<UnitRecord>> Add(UnitDefinition unit, Actor actor) => Save(unit, actor, isNew: true);

    public Task<Outcome<UnitRecord>> Change(UnitDefinition unit, Actor actor) => Save(unit, actor, isNew: false);

    private async Task<Outcome<UnitRecord>> Save(UnitDefinition unit, Actor actor, bool isNew)
    {
        if (actor.Role != Roles.Admin)
        {
            return DomainError.Forbidden("只有系统管理员可以新增或修改单位。", "Only administrators may add or change units.");
        }
        var areas = await ReadAreaCodesAsync();
        var errors = UnitRules.Validate(unit, areas);
        if (errors.Count > 0)
        {
            return DomainError.Validation([.. errors]);
        }
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await ReadAsync(connection, unit.Code!);
        if (isNew && before is not null)
        {
            return UnitRules.DuplicateCode(unit.Code!);
        }
        if (!isNew && before is null)
        {
            return DomainError.NotFound($"Unit {unit.Code}", $"单位 {unit.Code} ");
        }
        var saved = await UpsertAsync(connection, unit, actor);
        await history.AppendAsync(connection, ReferenceTables.Units, saved.Code, before, saved, actor);
        await transaction.CommitAsync();
        await HoldAsync();
        return Outcome<UnitRecord>.Success(saved);
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
            logger.LogWarning(ex, "Reloading the units after a change failed; the unit feed will catch up");
        }
    }

    private async Task<HashSet<string>> ReadAreaCodesAsync()
    {
        await using var command = database.CreateCommand("select code from areas");
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    /// <summary>The unit as stored, locked until the change commits; null when no unit has this code.</summary>
    private static async Task<UnitRecord?> ReadAsync(NpgsqlConnection connection, string code)
    {
        await using var command = new NpgsqlCommand("""
            select code, name, name_en, kind, area_code, phone, address, active, version, routing_share, email
            from units where code = $1 for update
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        return new UnitRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetBoolean(7), reader.GetInt32(8), reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10));
    }

    private static async Task<UnitRecord> UpsertAsync(NpgsqlConnection connection, UnitDefinition unit, Actor actor)
    {
        await using var command = new NpgsqlCommand("""
            insert into units (code, name, name_en, kind, area_code, phone, address, active, updated_by, routing_share, email)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, 1), $11)
            on conflict (code) do update set
                name = excluded.name, name_en = excluded.name_en, kind = excluded.kind,
                area_code = excluded.area_code, phone = excluded.phone, address = excluded.address, email = excluded.email,
                active = excluded.active, updated_by = excluded.updated_by,
                routing_share = coalesce($10, units.routing_share),
                updated_at = now(), version = units.version + 1
            returning version, routing_share
            """, connection);
        var nameEn = string.IsNullOrWhiteSpace(unit.NameEn) ? unit.Name! : unit.NameEn;
        foreach (var value in new object?[] { unit.Code, unit.Name, nameEn, unit.Kind, unit.CountyCode, unit.Phone, unit.Address, unit.Active, actor.UserId })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)unit.RoutingShare ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Blank(unit.Email) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (version, share) = (reader.GetInt32(0), reader.GetInt32(1));
        return new UnitRecord(unit.Code!, unit.Name!, nameEn, unit.Kind!, unit.CountyCode!, unit.Phone, unit.Address, unit.Active, version, share,
            Blank(unit.Email));
    }

    /// <summary>An empty address is no address: the unit gets no e-mail.</summary>
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
