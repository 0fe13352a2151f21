using System.Text;
using Dispatch.Scopes;
using Npgsql;

namespace Dispatch.Web.Items;

/// <summary>
/// A parameterised where clause for the read-model lists, always starting from what the user may see: all for
/// operators and administrators, one county (or the city) for supervisors, one unit for unit staff.
/// </summary>
public sealed class SqlWhere
{
    private readonly StringBuilder clause = new("where true");
    private readonly List<object?> parameters = [];

    /// <param name="unitColumn">The column naming the unit that works the item (unit_code, station_code, provider_code).</param>
    public static SqlWhere ScopedTo(Actor actor, string unitColumn, string countyColumn = "county_code")
    {
        var where = new SqlWhere();
        return where.And(ActorScope.Of(actor).SqlCondition(countyColumn, unitColumn, where.Add));
    }

    /// <summary>The next parameter's placeholder ($n) after adding its value.</summary>
    public string Add(object? value)
    {
        parameters.Add(value);
        return "$" + parameters.Count;
    }

    public SqlWhere Equal(string column, object? value) => Compare(column, "=", value);

    /// <summary><c>column = value</c> for each pair whose value is given: a list's filters.</summary>
    public SqlWhere EqualEach(params (string Column, object? Value)[] filters)
    {
        foreach (var (column, value) in filters)
        {
            Equal(column, value);
        }
        return this;
    }

    /// <summary><c>column op value</c> (=, &lt;&gt;, &lt;, &gt;=...), left out when the value is null.</summary>
    public SqlWhere Compare(string column, string op, object? value)
    {
        if (value is not null)
        {
            clause.Append($" and {column} {op} {Add(value)}");
        }
        return this;
    }

    /// <summary>
    /// The worklists' 承办人 filter (<see cref="AssigneeFilters"/>): "me" keeps the user's own items, "none" those nobody
    /// has taken; no filter keeps all.
    /// </summary>
    public SqlWhere Assignee(string? filter, Actor actor) => filter switch
    {
        AssigneeFilters.Me => Equal("assignee_id", actor.UserId),
        AssigneeFilters.None => And("assignee_id is null"),
        _ => this,
    };

    /// <summary><c>column = any($n)</c> with the values as one text[] parameter.</summary>
    public SqlWhere AnyOf(string column, IReadOnlyList<string> values) => And(AnyOfCondition(column, values));

    /// <summary>The condition of <see cref="AnyOf"/>, to combine with others.</summary>
    public string AnyOfCondition(string column, IReadOnlyList<string> values) => $"{column} = any({Add(values.ToArray())})";

    /// <summary>Case-insensitive containment of <paramref name="text"/> in an expression (a trigram index serves it).</summary>
    public SqlWhere Contains(string expression, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            clause.Append($" and {expression} ilike {Add("%" + EscapeLike(text.Trim()) + "%")}");
        }
        return this;
    }

    public SqlWhere And(string condition)
    {
        clause.Append(" and (").Append(condition).Append(')');
        return this;
    }

    public override string ToString() => clause.ToString();

    public NpgsqlCommand Command(NpgsqlDataSource database, string sql)
    {
        var command = database.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(NpgsqlDataSource database, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = Command(database, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(read(reader));
        }
        return items;
    }

    public async Task<int> CountAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = Command(database, sql);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>One page of the rows of <paramref name="table"/> in order, and how many rows there are in all.</summary>
    public async Task<(IReadOnlyList<T> Items, int Total)> PageAsync<T>(
        NpgsqlDataSource database, string table, string columns, string orderBy, int page, int pageSize, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var total = await CountAsync(database, $"select count(*)::int from {table} {this}", ct);
        var limit = Add(pageSize);
        var offset = Add((page - 1) * pageSize);
        var items = await ListAsync(database, $"select {columns} from {table} {this} order by {orderBy} limit {limit} offset {offset}", read, ct);
        return (items, total);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>Typed reads of nullable columns.</summary>
public static class Columns
{
    public static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    public static Guid? Id(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
}

/// <summary>The values of a worklist's assignee parameter: 我的 (me) and 未分配 (none).</summary>
public static class AssigneeFilters
{
    public const string Me = "me";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Me, None];

    public static FieldError? Check(string? value) => ListParameters.OneOf("assignee", value, All, "承办人筛选", "Assignee filter");
}
