using Dispatch.Errors;
using Dispatch.Identity;
using Npgsql;

namespace Dispatch.PersonalData;

/// <summary>
/// The silo's side of every reveal: asks <see cref="RevealRules"/>, then writes the reveal to personal_data_access_log
/// (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE) and answers the value only after that insert committed,
/// so no client gets a full value unlogged; if the write fails, the call fails and nothing is answered.
/// </summary>
public sealed class PersonalDataAccessLog(NpgsqlDataSource database)
{
    public const string RevealSubject = "reveal";

    /// <param name="itemType">The item's type in the log (ItemTypes).</param>
    public async Task<Outcome<RevealedValue>> RevealAsync(
        Actor actor, RevealRequest? request, string? clientAddress, string itemType, Guid itemId, RevealableItem item)
    {
        var decided = RevealRules.Decide(actor, request, item);
        if (!decided.Succeeded)
        {
            return decided;
        }
        await RecordAsync(actor, itemType, itemId, request!, clientAddress);
        return decided;
    }

    private async Task RecordAsync(Actor actor, string itemType, Guid itemId, RevealRequest request, string? clientAddress)
    {
        await using var command = database.CreateCommand("""
            insert into personal_data_access_log (user_id, user_role, subject, item_type, item_id, field, purpose, note, client_address)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        object?[] values =
        [
            actor.UserId, actor.Role, RevealSubject, itemType, itemId.ToString(), request.Field, request.Purpose, RevealRules.Note(request), clientAddress,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await command.ExecuteNonQueryAsync();
    }
}
