using Dispatch.People;
using System.Collections.Immutable;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// The at-risk and overdue lists: items whose worst running clock is in warning or overdue, nearest deadline first,
/// read from the read models (tickets now; legal-aid cases and visits join here when they have read models).
/// </summary>
public sealed class AttentionLists(NpgsqlDataSource database)
{
    public const int Limit = 200;

    public async Task<ImmutableArray<AttentionItem>> ReadAsync(StatsScope scope, string clockState)
    {
        var filter = scope.Kind switch
        {
            StatsScopeKind.County => "and county_code = $2",
            StatsScopeKind.Unit => "and unit_code = $2",
            _ => "and $2::text is not null",
        };
        await using var command = database.CreateCommand($"""
            select id, number, title, unit_code, county_code, clock_name, clock_state, clock_due_at from tickets
            where clock_state = $1 {filter}
            order by clock_due_at nulls last, id limit {Limit}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = clockState });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.Code });
        await using var reader = await command.ExecuteReaderAsync();
        var items = ImmutableArray.CreateBuilder<AttentionItem>();
        while (await reader.ReadAsync())
        {
            items.Add(new AttentionItem(ItemTypes.Ticket, reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return items.ToImmutable();
    }
}
