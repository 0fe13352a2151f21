using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// The close-today and projection candidates computed afresh in SQL over the tickets read model, from the README's
/// definitions: open tickets (dispatched, not resolved) of a scope whose handling deadline falls on the given local days
/// and had not passed when the row was last written, soonest deadline first.
/// </summary>
public static class CloseTodaySql
{
    public sealed record Due(Guid Id, string Number, DateTimeOffset DueAt, bool Suspended);

    public static async Task<List<Due>> OpenDueAsync(string connectionString, string scope, DateOnly from, DateOnly to)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("""
            select id, number, handling_due_at, suspended
            from tickets
            where ($1 = 'county:' || county_code or $1 = 'unit:' || unit_code)
              and first_dispatched_at is not null and resolved_at is null and handling_due_at > updated_at
              and (handling_due_at at time zone 'Asia/Shanghai')::date between $2 and $3
            order by handling_due_at, number
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Due>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Due(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetBoolean(3)));
        }
        return rows;
    }
}
