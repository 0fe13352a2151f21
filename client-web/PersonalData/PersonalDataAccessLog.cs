using Npgsql;

namespace Dispatch.Web.PersonalData;

/// <summary>One reveal of a full value: who, which field of which item, why, from where.</summary>
public sealed record RevealRecord(
    Actor Actor, string ItemType, Guid ItemId, string Field, string Purpose, string? Note, string? ClientAddress);

/// <summary>
/// Writes every reveal to personal_data_access_log (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE). The
/// reveal answers only after this insert committed, so a value is never shown unlogged.
/// </summary>
public sealed class PersonalDataAccessLog(NpgsqlDataSource database)
{
    public const string RevealSubject = "reveal";

    public async Task RecordAsync(RevealRecord record, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            insert into personal_data_access_log (user_id, user_role, subject, item_type, item_id, field, purpose, note, client_address)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        object?[] values =
        [
            record.Actor.UserId, record.Actor.Role, RevealSubject, record.ItemType, record.ItemId.ToString(), record.Field,
            record.Purpose, record.Note, record.ClientAddress,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
