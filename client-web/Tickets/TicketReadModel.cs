using Dispatch.People;
using Dispatch.Tickets;
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
        var where = Scoped(actor)
            .Contains("(title || ' ' || content || ' ' || caller_name)", filter.Query)
            .Equal("county_code", filter.County)
            .Equal("unit_code", filter.Unit)
            .Equal("status", filter.Status)
            .Equal("kind", filter.Kind)
            .Equal("overdue", filter.Overdue)
            .Compare("received_at", ">=", filter.From)
            .Compare("received_at", "<", filter.To);
        var (items, total) = await where.PageAsync(database, "tickets", SummaryColumns, "received_at desc, id", filter.Page, filter.PageSize,
            TicketSummary.Read, ct);
        return new TicketPage(items, total, filter.Page, filter.PageSize);
    }

    /// <summary>A unit's open work, nearest deadline first: sign-for while dispatched, handling once signed.</summary>
    public Task<IReadOnlyList<TicketSummary>> WorklistAsync(Actor actor, string unitCode, string? status, bool? overdue, CancellationToken ct)
    {
        var where = Scoped(actor)
            .Equal("unit_code", unitCode)
            .AnyOf("status", TicketVocabulary.WorklistStatuses)
            .Equal("status", status)
            .Equal("overdue", overdue);
        var dispatched = where.Add(TicketStatus.Dispatched);
        return where.ListAsync(database, $"""
            select {SummaryColumns} from tickets {where}
            order by suspended, coalesce(case when status = {dispatched} then sign_due_at else handling_due_at end, 'infinity'), received_at
            limit 500
            """, TicketSummary.Read, ct);
    }

    /// <summary>Tickets waiting for (re)dispatch: returned ones first, then the oldest.</summary>
    public Task<IReadOnlyList<TicketSummary>> DispatchQueueAsync(Actor actor, CancellationToken ct)
    {
        var where = Scoped(actor).And("awaiting_dispatch");
        return where.ListAsync(database,
            $"select {SummaryColumns} from tickets {where} order by awaiting_ruling desc, return_count desc, received_at limit 500", TicketSummary.Read, ct);
    }

    /// <summary>一人一档: every ticket of one person, newest first.</summary>
    public Task<IReadOnlyList<TicketSummary>> PersonTimelineAsync(Actor actor, string personId, CancellationToken ct)
    {
        var where = Scoped(actor).Equal("person_id", personId);
        return where.ListAsync(database, $"select {SummaryColumns} from tickets {where} order by received_at desc limit 200", TicketSummary.Read, ct);
    }

    /// <summary>Open tickets of the same person or phone on the same topic, or closed within 30 days.</summary>
    public Task<IReadOnlyList<TicketSummary>> PossibleDuplicatesAsync(Actor actor, string? personId, string? phone, string? topic, DateTimeOffset now, CancellationToken ct)
    {
        var where = Scoped(actor);
        var person = where.Add(personId);
        var callerPhone = where.Add(phone);
        where.And($"{person}::text is not null and person_id = {person} or {callerPhone}::text is not null and caller_phone = {callerPhone}")
            .And("merged_into is null")
            .Equal("topic", topic)
            .And($"status <> {where.Add(TicketStatus.Closed)} or closed_at >= {where.Add(now.AddDays(-30))}");
        return where.ListAsync(database, $"select {SummaryColumns} from tickets {where} order by received_at desc limit 50", TicketSummary.Read, ct);
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid ticketId, CancellationToken ct) => history.ReadAsync(ItemTypes.Ticket, ticketId, ct);

    private static SqlWhere Scoped(Actor actor) => SqlWhere.ScopedTo(actor, "unit_code");
}

public sealed record TicketFilter(
    string? Query, string? County, string? Unit, string? Status, string? Kind, bool? Overdue,
    DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);

public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, int Total, int Page, int PageSize);
