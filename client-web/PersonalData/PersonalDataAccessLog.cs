using Npgsql;

namespace Dispatch.Web.PersonalData;

/// <summary>Records who was shown full ID and phone numbers of which item.</summary>
public sealed class PersonalDataAccessLog(NpgsqlDataSource database)
{
    public async Task RecordAsync(Actor actor, string subject, string itemId)
    {
        await using var command = database.CreateCommand(
            "insert into personal_data_access_log (user_id, user_role, subject, item_id) values ($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = actor.UserId });
        command.Parameters.Add(new NpgsqlParameter { Value = actor.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        await command.ExecuteNonQueryAsync();
    }
}
