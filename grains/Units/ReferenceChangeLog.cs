using System.Text.Json;
using Dispatch.Identity;
using Npgsql;

namespace Dispatch.Units;

/// <summary>
/// Appends one entry to the history of the reference data (reference_changes) on the connection whose transaction
/// changes the record, so the change and its entry are stored together or not at all. The record before (null: added)
/// and after are the API's records, as JSON; the author's display name is the one the account has at that moment.
/// </summary>
public sealed class ReferenceChangeLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AppendAsync<T>(NpgsqlConnection connection, string table, string key, T? before, T after, Actor actor)
        where T : class
    {
        await using var command = new NpgsqlCommand("""
            insert into reference_changes (table_name, record_key, action, before, after, changed_by, changed_by_name, changed_role, changed_at)
            values ($1, $2, $3, $4::jsonb, $5::jsonb, $6,
                    coalesce((select "DisplayName" from "AspNetUsers" where "Id" = $6), $6), $7, $8)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = before is null ? "added" : "changed" });
        command.Parameters.Add(new NpgsqlParameter { Value = before is null ? DBNull.Value : JsonSerializer.Serialize(before, Json) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(after, Json) });
        command.Parameters.Add(new NpgsqlParameter { Value = actor.UserId });
        command.Parameters.Add(new NpgsqlParameter { Value = actor.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        await command.ExecuteNonQueryAsync();
    }
}
