using Npgsql;

namespace Dispatch.Sla;

/// <summary>The items with at least one running clock (the clock_watch index), all of them or those of some counties.</summary>
public sealed class OpenClockedItems(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<ClockedItemRef>> ReadAsync(IReadOnlyCollection<string>? counties, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            select w.item_type, w.item_id from clock_watch w
            where $1::text[] is null
               or exists (select 1 from tickets t where w.item_type = 'ticket' and t.id = w.item_id and t.county_code = any($1))
               or exists (select 1 from legal_aid_cases l where w.item_type = 'legal_aid_case' and l.id = w.item_id and l.county_code = any($1))
               or exists (select 1 from rehab_visits r where w.item_type = 'rehab_visit' and r.id = w.item_id and r.county_code = any($1))
            order by w.item_type, w.item_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = counties is null ? DBNull.Value : counties.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ClockedItemRef>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ClockedItemRef(reader.GetString(0), reader.GetGuid(1)));
        }
        return items;
    }

    /// <summary>
    /// Calls every item, <paramref name="parallel"/> at a time, so thousands of items neither flood the cluster nor wait
    /// in one line. Awaits on the caller's scheduler, so a grain may use it.
    /// </summary>
    public static async Task<IReadOnlyList<T>> AskAllAsync<T>(IReadOnlyList<ClockedItemRef> items, Func<ClockedItemRef, Task<T>> ask, int parallel)
    {
        var answers = new List<T>(items.Count);
        foreach (var batch in items.Chunk(parallel))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(ask)));
        }
        return answers;
    }
}
