using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Items;

/// <summary>
/// The supervisors' list of orders (table supervision_orders, migration 0250): each item writes its orders that ask for a
/// reply in its event transaction, so the list always agrees with the item.
/// </summary>
public static class SupervisionOrderRows
{
    /// <summary>Where the orders' rows name their item: its type, id, number, county and the unit holding it now.</summary>
    public sealed record OrderedItem(string ItemType, Guid Id, string Number, string CountyCode, string? UnitCode, int Version);

    /// <summary>One upsert per order with a reply clock; a stale version never overwrites a newer row.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Commands(OrderedItem item, IEnumerable<SupervisionOrder> orders, IClockReader clocks) =>
        orders.Where(o => o.ReplyClock is not null).Select(o =>
        {
            var command = new NpgsqlBatchCommand(Upsert);
            object?[] values =
            [
                o.OrderId, item.ItemType, item.Id, item.Number, item.CountyCode, item.UnitCode, o.Cause, o.IssuedAt, o.Level,
                clocks.Evaluate(o.ReplyClock!).DueAt, o.Escalations.LastOrDefault()?.At, o.Reply?.At, item.Version,
            ];
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            return command;
        });

    private const string Upsert = """
        insert into supervision_orders (order_id, item_type, item_id, item_number, county_code, unit_code, cause, issued_at, level,
            due_at, escalated_at, replied_at, item_version)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        on conflict (order_id) do update set
            unit_code = excluded.unit_code, level = excluded.level, due_at = excluded.due_at, escalated_at = excluded.escalated_at,
            replied_at = excluded.replied_at, item_version = excluded.item_version
        where supervision_orders.item_version <= excluded.item_version
        """;
}
