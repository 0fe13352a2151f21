using Npgsql;

namespace Dispatch.People;

/// <summary>
/// A database from before opaque person ids has raw person keys (id:..., phone:...) in its read models. At start the
/// silo rewrites them to the opaque id its event store folds the same events to, so person records and repeat-call
/// lookups keep finding earlier items. Idempotent, and a no-op once done; the event log itself is never rewritten.
/// </summary>
public sealed class PersonIdRewrite(NpgsqlDataSource database, PersonIdKey personIds)
{
    private static readonly string[] Tables = ["tickets", "legal_aid_cases", "rehab_visits"];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rewritten = 0;
        foreach (var table in Tables)
        {
            foreach (var raw in await RawIdsAsync(table, cancellationToken))
            {
                await using var update = database.CreateCommand($"update {table} set person_id = $1 where person_id = $2");
                update.Parameters.Add(new NpgsqlParameter { Value = personIds.Opaque(raw) });
                update.Parameters.Add(new NpgsqlParameter { Value = raw });
                rewritten += await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        return rewritten;
    }

    private async Task<List<string>> RawIdsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"select distinct person_id from {table} where person_id like 'id:%' or person_id like 'phone:%'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
