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

    /// <summary>The subject and field of a download: a file may show anything, so it counts as a full view.</summary>
    public const string AttachmentSubject = "attachment";

    public const string AttachmentField = "attachment";

    /// <param name="itemType">The item's type in the log (ItemTypes).</param>
    public async Task<Outcome<RevealedValue>> RevealAsync(
        Actor actor, RevealRequest? request, string? clientAddress, string itemType, Guid itemId, RevealableItem item)
    {
        var decided = RevealRules.Decide(actor, request, item);
        if (!decided.Succeeded)
        {
            return decided;
        }
        await RecordAsync(actor, RevealSubject, itemType, itemId, request!.Field, request.Purpose, RevealRules.Note(request), clientAddress);
        return decided;
    }

    /// <summary>
    /// A download of one attachment, logged before any byte leaves: the note names the attachment by its id, never by its
    /// file name (which may hold a name or a number). The answer is what <paramref name="found"/> says, once logged.
    /// </summary>
    public async Task<Outcome<Items.ItemAttachment>> DownloadAsync(
        Actor actor, Outcome<Items.ItemAttachment> found, string? clientAddress, string itemType, Guid itemId)
    {
        if (found.Succeeded)
        {
            await RecordAsync(actor, AttachmentSubject, itemType, itemId, AttachmentField, null, found.Value!.Id.ToString(), clientAddress);
        }
        return found;
    }

    private async Task RecordAsync(
        Actor actor, string subject, string itemType, Guid itemId, string? field, string? purpose, string? note, string? clientAddress)
    {
        await using var command = database.CreateCommand("""
            insert into personal_data_access_log (user_id, user_role, subject, item_type, item_id, field, purpose, note, client_address)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        object?[] values =
        [
            actor.UserId, actor.Role, subject, itemType, itemId.ToString(), field, purpose, note, clientAddress,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await command.ExecuteNonQueryAsync();
    }
}
