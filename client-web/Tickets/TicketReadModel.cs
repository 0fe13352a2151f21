using System.Text;
using Dispatch.Identity;
using Dispatch.Web.Items;
using Npgsql;

namespace Dispatch.Web.Tickets;

/// <summary>Queries over the tickets read model and the event log, always limited to what the user may see.</summary>
public sealed class TicketReadModel(NpgsqlDataSource database, EventHistory history)
{
    private const string SummaryColumns = """
        id, number, status, suspended, suspend_reason, kind, topic, urgency, channel, caller_name, caller_phone,
        county_code, town_code, unit_code, title, received_at, sign_due_at, handling_due_at, callback_due_at,
        clock_state, at_risk, overdue, return_count, rework_count, repeat_count, awaiting_dispatch, awaiting_ruling,
        merged_into, person_id, version
        """;

    public async Task<TicketPage> SearchAsync(Actor actor, TicketFilter filter, CancellationToken ct)
    {
        var where = new StringBuilder("where true");
        var parameters = new List<object?>();
        AddScope(actor, where, parameters);
        if (filter.Query is { Length: > 0 } q)
        {
            parameters.Add("%" + EscapeLike(q) + "%");
            where.Append($" and (title || ' ' || content || ' ' || caller_name) ilike ${parameters.Count}");
        }
        AddEquals(where, parameters, "county_code", filter.County);
        AddEquals(where, parameters, "unit_code", filter.Unit);
        AddEquals(where, parameters, "status", filter.Status);
        AddEquals(where, parameters, "kind", filter.Kind);
        if (filter.Overdue is { } overdue)
        {
            parameters.Add(overdue);
            where.Append($" and overdue = ${parameters.Count}");
        }
        if (filter.From is { } from)
        {
            parameters.Add(from);
            where.Append($" and received_at >= ${parameters.Count}");
        }
        if (filter.To is { } to)
        {
            parameters.Add(to);
            where.Append($" and received_at < ${parameters.Count}");
        }
        var total = await CountAsync($"select count(*)::int from tickets {where}", parameters, ct);
        parameters.Add(filter.PageSize);
        parameters.Add((filter.Page - 1) * filter.PageSize);
        var items = await ListAsync(
            $"select {SummaryColumns} from tickets {where} order by received_at desc, id limit ${parameters.Count - 1} offset ${parameters.Count}",
            parameters, ct);
        return new TicketPage(items, total, filter.Page, filter.PageSize);
    }

    /// <summary>A unit's open work, nearest deadline first: sign-for while dispatched, handling once signed.</summary>
    public Task<IReadOnlyList<TicketSummary>> WorklistAsync(Actor actor, string unitCode, string? status, bool? overdue, CancellationToken ct)
    {
        var where = new StringBuilder("where unit_code = $1 and status in ('dispatched', 'signed')");
        var parameters = new List<object?> { unitCode };
        AddScope(actor, where, parameters);
        AddEquals(where, parameters, "status", status);
        if (overdue is { } o)
        {
            parameters.Add(o);
            where.Append($" and overdue = ${parameters.Count}");
        }
        return ListAsync($"""
            select {SummaryColumns} from tickets {where}
            order by suspended, coalesce(case when status = 'dispatched' then sign_due_at else handling_due_at end, 'infinity'), received_at
            limit 500
            """, parameters, ct);
    }

    /// <summary>Tickets waiting for (re)dispatch: returned ones first, then the oldest.</summary>
    public Task<IReadOnlyList<TicketSummary>> DispatchQueueAsync(Actor actor, CancellationToken ct)
    {
        var where = new StringBuilder("where awaiting_dispatch");
        var parameters = new List<object?>();
        AddScope(actor, where, parameters);
        return ListAsync($"select {SummaryColumns} from tickets {where} order by awaiting_ruling desc, return_count desc, received_at limit 500", parameters, ct);
    }

    /// <summary>一人一档: every ticket of one person, newest first.</summary>
    public Task<IReadOnlyList<TicketSummary>> PersonTimelineAsync(Actor actor, string personId, CancellationToken ct)
    {
        var where = new StringBuilder("where person_id = $1");
        var parameters = new List<object?> { personId };
        AddScope(actor, where, parameters);
        return ListAsync($"select {SummaryColumns} from tickets {where} order by received_at desc limit 200", parameters, ct);
    }

    /// <summary>Open tickets of the same person or phone on the same topic, or closed within 30 days.</summary>
    public Task<IReadOnlyList<TicketSummary>> PossibleDuplicatesAsync(Actor actor, string? personId, string? phone, string? topic, DateTimeOffset now, CancellationToken ct)
    {
        var where = new StringBuilder("where ($1::text is not null and person_id = $1 or $2::text is not null and caller_phone = $2) and merged_into is null");
        var parameters = new List<object?> { personId, phone };
        AddEquals(where, parameters, "topic", topic);
        parameters.Add(now.AddDays(-30));
        where.Append($" and (status <> 'closed' or closed_at >= ${parameters.Count})");
        AddScope(actor, where, parameters);
        return ListAsync($"select {SummaryColumns} from tickets {where} order by received_at desc limit 50", parameters, ct);
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid ticketId, CancellationToken ct) => history.ReadAsync("ticket", ticketId, ct);

    private static void AddScope(Actor actor, StringBuilder where, List<object?> parameters)
    {
        switch (actor.Role)
        {
            case Roles.Admin or Roles.Operator:
                return;
            case Roles.Supervisor when actor.AreaCode == "330400":
                return;
            case Roles.Supervisor:
                parameters.Add(actor.AreaCode);
                where.Append($" and county_code = ${parameters.Count}");
                return;
            case Roles.UnitStaff:
                parameters.Add(actor.UnitCode);
                where.Append($" and unit_code = ${parameters.Count}");
                return;
            default:
                where.Append(" and false");
                return;
        }
    }

    private static void AddEquals(StringBuilder where, List<object?> parameters, string column, string? value)
    {
        if (value is null)
        {
            return;
        }
        parameters.Add(value);
        where.Append($" and {column} = ${parameters.Count}");
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private async Task<int> CountAsync(string sql, List<object?> parameters, CancellationToken ct)
    {
        await using var command = Command(sql, parameters);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<IReadOnlyList<TicketSummary>> ListAsync(string sql, List<object?> parameters, CancellationToken ct)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<TicketSummary>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(TicketSummary.Read(reader));
        }
        return items;
    }

    private NpgsqlCommand Command(string sql, List<object?> parameters)
    {
        var command = database.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }
}

public sealed record TicketFilter(
    string? Query, string? County, string? Unit, string? Status, string? Kind, bool? Overdue,
    DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);

public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, int Total, int Page, int PageSize);
