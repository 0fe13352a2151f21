using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Web.Attachments;

/// <summary>
/// The default attachment store: one row of item_attachments per file (migration 0240), the bytes in a bytea column
/// written by a single insert (all or nothing) and read back as a stream.
/// </summary>
public sealed class PostgresAttachmentStore(NpgsqlDataSource database) : IAttachmentStore
{
    public async Task<string> PutAsync(StoredAttachment attachment, Stream content, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            with inserted as (
                insert into item_attachments (id, item_type, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                on conflict (id) do nothing
                returning sha256)
            select sha256 from inserted
            union all
            select sha256 from item_attachments where id = $1 and not exists (select from inserted)
            """);
        object[] values =
        [
            attachment.Id, attachment.ItemType, attachment.ItemId, attachment.FileName, attachment.ContentType, attachment.Size,
            attachment.Sha256, attachment.UploadedBy, attachment.UploadedAt,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = content });
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<bool> CopyToAsync(string itemType, Guid itemId, Guid attachmentId, Stream destination, CancellationToken ct)
    {
        await using var command = database.CreateCommand("select content from item_attachments where id = $1 and item_type = $2 and item_id = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = attachmentId });
        command.Parameters.Add(new NpgsqlParameter { Value = itemType });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }
        await using var content = await reader.GetStreamAsync(0, ct);
        await content.CopyToAsync(destination, ct);
        return true;
    }

    public async Task<IReadOnlyList<StoredAttachment>> ListAsync(string itemType, Guid itemId, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            select id, item_type, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
            from item_attachments where item_type = $1 and item_id = $2
            order by uploaded_at, id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = itemType });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<StoredAttachment>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(new StoredAttachment(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return found;
    }

    public async Task DeleteAsync(Guid attachmentId, CancellationToken ct)
    {
        await using var command = database.CreateCommand("delete from item_attachments where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = attachmentId });
        await command.ExecuteNonQueryAsync(ct);
    }
}
