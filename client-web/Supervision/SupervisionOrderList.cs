using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using Npgsql;

namespace Dispatch.Web.Supervision;

/// <summary>
/// 督办一览: the supervision orders still waiting for the unit's written reply, nearest due first, with their level
/// (unit, county, city) and whether the reply is overdue. Read from supervision_orders (migration 0250), limited to what
/// the user may see like every list.
/// </summary>
public sealed class SupervisionOrderList(NpgsqlDataSource database)
{
    private const string Columns =
        "order_id, item_type, item_id, item_number, county_code, unit_code, cause, issued_at, level, due_at, escalated_at";

    private readonly ItemTable<SupervisionOrderEntry> orders = new(database, "supervision_orders", "unit_code", Columns, SupervisionOrderEntry.Read);

    public async Task<ListPage<SupervisionOrderEntry>> PageAsync(
        Actor actor, string? county, string? unit, string? level, bool? overdue, DateTimeOffset now, int page, int pageSize, CancellationToken ct)
    {
        var where = orders.Visible(actor).And("replied_at is null").EqualEach(("county_code", county), ("unit_code", unit), ("level", level));
        if (overdue is { } late)
        {
            where.Compare("due_at", late ? "<=" : ">", now);
        }
        var (items, total) = await orders.PageAsync(where, "due_at, order_id", page, pageSize, ct);
        return new ListPage<SupervisionOrderEntry>([.. items.Select(o => o with { Overdue = o.DueAt <= now })], total, page, pageSize);
    }
}

/// <summary>One open order: the item it is on (by number), where it stands and when the reply is due.</summary>
/// <param name="Level">unit, county or city: who the order stands before now.</param>
/// <param name="EscalatedAt">When it last went up a level; null while still at the unit.</param>
/// <param name="Overdue">The reply's due time at this level has passed.</param>
public sealed record SupervisionOrderEntry(
    Guid OrderId, string ItemType, Guid ItemId, string ItemNumber, string CountyCode, string? UnitCode,
    [property: ClosedSet(typeof(SupervisionCauses), nameof(SupervisionCauses.All))] string Cause, DateTimeOffset IssuedAt,
    [property: ClosedSet(typeof(SupervisionLevels), nameof(SupervisionLevels.All))] string Level, DateTimeOffset DueAt, DateTimeOffset? EscalatedAt,
    bool Overdue)
{
    public static SupervisionOrderEntry Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4), Dispatch.Web.Items.Columns.Text(r, 5), r.GetString(6),
        r.GetFieldValue<DateTimeOffset>(7), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), Dispatch.Web.Items.Columns.Time(r, 10), false);
}
