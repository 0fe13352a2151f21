using Dispatch.Web.ApiConventions;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Web.Tickets;

/// <summary>Queries over the tickets read model, always limited to what the user may see.</summary>
public sealed class TicketReadModel(NpgsqlDataSource database)
{
    /// <summary>The columns <see cref="TicketSummary.Read"/> expects, in its order.</summary>
    public const string SummaryColumns = """
        id, number, status, suspended, suspend_reason, kind, topic, urgency, channel, caller_name, caller_phone,
        county_code, town_code, unit_code, title, received_at, sign_due_at, handling_due_at, callback_due_at,
        clock_state, at_risk, overdue, return_count, rework_count, repeat_count, awaiting_dispatch, awaiting_ruling,
        merged_into, person_id, version, assignee_id, assignee_name
        """;

    private readonly ItemTable<TicketSummary> tickets = new(database, "tickets", "unit_code", SummaryColumns, TicketSummary.Read);

    public async Task<ListPage<TicketSummary>> SearchAsync(Actor actor, TicketFilter filter, CancellationToken ct)
    {
        var where = tickets.Visible(actor);
        // A whole ticket number finds that ticket (the unique index on number); other text is looked for in the text.
        if (TicketNumberText.Whole(filter.Query) is { } number)
        {
            where.Equal("number", number);
        }
        else
        {
            where.Contains("(title || ' ' || content || ' ' || caller_name)", filter.Query);
        }
        where.Equal("caller_phone", filter.Phone)
            .EqualEach(("county_code", filter.County), ("unit_code", filter.Unit), ("status", filter.Status), ("kind", filter.Kind), ("overdue", filter.Overdue))
            .Compare("received_at", ">=", filter.From)
            .Compare("received_at", "<", filter.To);
        var (items, total) = await tickets.PageAsync(where, "received_at desc, id", filter.Page, filter.PageSize, ct);
        return new ListPage<TicketSummary>(items, total, filter.Page, filter.PageSize);
    }

    /// <summary>A unit's open work, nearest deadline first: sign-for while dispatched, handling once signed.</summary>
    /// <param name="assignee">承办人 filter: <see cref="AssigneeFilters"/>, or null for all.</param>
    public Task<IReadOnlyList<TicketSummary>> WorklistAsync(Actor actor, string unitCode, string? status, bool? overdue, string? assignee, CancellationToken ct)
    {
        var where = tickets.OfUnit(actor, unitCode)
            .AnyOf("status", TicketVocabulary.WorklistStatuses)
            .Equal("status", status)
            .Equal("overdue", overdue)
            .Assignee(assignee, actor);
        var dispatched = where.Add(TicketStatus.Dispatched);
        // The index tickets_worklist_order (migration 0151) has exactly this order: change the two together.
        return tickets.ListAsync(where,
            $"suspended, coalesce(case when status = {dispatched} then sign_due_at else handling_due_at end, 'infinity'), received_at",
            ItemTable<TicketSummary>.WorklistLimit, ct);
    }

    /// <summary>Tickets waiting for (re)dispatch: returned ones first, then the oldest.</summary>
    public Task<IReadOnlyList<TicketSummary>> DispatchQueueAsync(Actor actor, CancellationToken ct) =>
        tickets.ListAsync(tickets.Visible(actor).And("awaiting_dispatch"), "awaiting_ruling desc, return_count desc, received_at", 500, ct);

    /// <summary>一人一档: every ticket of one person, newest first.</summary>
    public Task<IReadOnlyList<TicketSummary>> PersonTimelineAsync(Actor actor, string personId, CancellationToken ct) =>
        tickets.OfPersonAsync(actor, personId, "received_at desc", 200, ct);

    /// <summary>Open tickets of the same person or phone on the same topic, or closed within 30 days.</summary>
    public Task<IReadOnlyList<TicketSummary>> PossibleDuplicatesAsync(Actor actor, string? personId, string? phone, string? topic, DateTimeOffset now, CancellationToken ct)
    {
        var where = tickets.Visible(actor);
        var person = where.Add(personId);
        var callerPhone = where.Add(phone);
        where.And($"{person}::text is not null and person_id = {person} or {callerPhone}::text is not null and caller_phone = {callerPhone}")
            .And("merged_into is null")
            .Equal("topic", topic)
            .And($"status <> {where.Add(TicketStatus.Closed)} or closed_at >= {where.Add(now.AddDays(-30))}");
        return tickets.ListAsync(where, "received_at desc", 50, ct);
    }
}

/// <param name="Phone">The caller's phone in the stored spelling (<see cref="CallerPhones.Normalised"/>), matched whole.</param>
public sealed record TicketFilter(
    string? Query, string? County, string? Unit, string? Status, string? Kind, bool? Overdue,
    DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
{
    public string? Phone { get; init; }
}

/// <summary>Ticket numbers as typed into a search box: JX12385-20261202-000042, any letter case.</summary>
public static partial class TicketNumberText
{
    /// <summary>The number in its stored spelling when the text is one whole ticket number; otherwise null.</summary>
    public static string? Whole(string? text) =>
        text is not null && Number().IsMatch(text.Trim()) ? text.Trim().ToUpperInvariant() : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^JX12385-[0-9]{8}-[0-9]{6}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Number();
}

