using Dispatch.Web.ApiConventions;
using Npgsql;

namespace Dispatch.Web.Audit;

/// <summary>One row of the personal-data access log as the audit API shows it.</summary>
public sealed record AccessEntry(
    long Id, string UserId, string UserRole, string? ItemType, string ItemId, string? Field, string? Purpose, string? Note,
    string? ClientAddress, DateTimeOffset AccessedAt);

public sealed record AccessFilter(
    string? UserId, string? ItemId, string? Field, string? Purpose, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);

/// <summary>Reads personal_data_access_log for administrators, newest first.</summary>
public sealed class AccessAudit(NpgsqlDataSource database)
{
    public async Task<ListPage<AccessEntry>> ReadAsync(AccessFilter filter, CancellationToken ct)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        void Where(string column, string op, object? value)
        {
            if (value is not null)
            {
                values.Add(value);
                conditions.Add($"{column} {op} ${values.Count}");
            }
        }
        Where("user_id", "=", filter.UserId);
        Where("item_id", "=", filter.ItemId);
        Where("field", "=", filter.Field);
        Where("purpose", "=", filter.Purpose);
        Where("accessed_at", ">=", filter.From);
        Where("accessed_at", "<", filter.To);
        var where = conditions.Count == 0 ? "" : "where " + string.Join(" and ", conditions);
        values.Add(filter.PageSize);
        values.Add((long)(filter.Page - 1) * filter.PageSize);
        await using var command = database.CreateCommand($"""
            select id, user_id, user_role, item_type, item_id, field, purpose, note, client_address, accessed_at, count(*) over ()
            from personal_data_access_log {where}
            order by accessed_at desc, id desc
            limit ${values.Count - 1} offset ${values.Count}
            """);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<AccessEntry>();
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            items.Add(new AccessEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), reader.GetFieldValue<DateTimeOffset>(9)));
            total = reader.GetInt64(10);
        }
        if (items.Count == 0 && filter.Page > 1)
        {
            total = await CountAsync(where, values.Take(values.Count - 2), ct);
        }
        // The log would need over two billion reveals to pass int; the page says so rather than wrap.
        return new ListPage<AccessEntry>(items, (int)Math.Min(total, int.MaxValue), filter.Page, filter.PageSize);
    }

    private async Task<long> CountAsync(string where, IEnumerable<object> values, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select count(*) from personal_data_access_log {where}");
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
