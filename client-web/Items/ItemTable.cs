using Npgsql;

namespace Dispatch.Web.Items;

/// <summary>
/// One item's read-model table and the shapes every item reads from it (a filtered page, a worklist, a person's
/// rows), always limited to what the user may see.
/// </summary>
/// <param name="unitColumn">The column naming the unit that works the item (unit_code, station_code, provider_code).</param>
/// <param name="columns">The columns <paramref name="read"/> expects, in its order.</param>
public sealed class ItemTable<TRow>(NpgsqlDataSource database, string name, string unitColumn, string columns, Func<NpgsqlDataReader, TRow> read)
{
    /// <summary>How many rows a worklist shows at most.</summary>
    public const int WorklistLimit = 500;

    /// <summary>A where clause that starts from the rows this user may see.</summary>
    public SqlWhere Visible(Actor actor) => SqlWhere.ScopedTo(actor, unitColumn);

    /// <summary>The rows matching <paramref name="where"/> in order, at most <paramref name="limit"/> when given.</summary>
    public Task<IReadOnlyList<TRow>> ListAsync(SqlWhere where, string orderBy, int? limit, CancellationToken ct) =>
        where.ListAsync(database, $"select {columns} from {name} {where} order by {orderBy}{(limit is null ? "" : $" limit {limit}")}", read, ct);

    /// <summary>One page of the matching rows in order, and how many match in all.</summary>
    public Task<(IReadOnlyList<TRow> Items, int Total)> PageAsync(SqlWhere where, string orderBy, int page, int pageSize, CancellationToken ct) =>
        where.PageAsync(database, name, columns, orderBy, page, pageSize, read, ct);

    /// <summary>The rows of one unit (its worklist, its calendar) this user may see.</summary>
    public SqlWhere OfUnit(Actor actor, string unitCode) => Visible(actor).Equal(unitColumn, unitCode);

    /// <summary>一人一档: one person's rows this user may see, in order.</summary>
    public Task<IReadOnlyList<TRow>> OfPersonAsync(Actor actor, string personId, string orderBy, int limit, CancellationToken ct) =>
        ListAsync(Visible(actor).Equal("person_id", personId), orderBy, limit, ct);

}
