using Dispatch.Web.ApiConventions;
using Dispatch.Items;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Web.Tickets;

/// <summary>
/// 待回访: resolved tickets whose caller is still owed a callback, oldest resolution first, with the failed attempts made
/// and the earliest instant of the next one. Read from the read model (migration 0190), limited to what the user may see.
/// </summary>
public sealed class CallbackQueue(NpgsqlDataSource database)
{
    private const string Columns = TicketReadModel.SummaryColumns + ", resolved_at, callback_failed_attempts, callback_next_at, contact_method";

    private readonly ItemTable<CallbackQueueEntry> tickets = new(database, "tickets", "unit_code", Columns, CallbackQueueEntry.Read);

    /// <summary>One page of the queue; with <paramref name="dueOnly"/>, only the tickets whose next attempt may be made now.</summary>
    public async Task<ListPage<CallbackQueueEntry>> PageAsync(Actor actor, string? county, bool dueOnly, DateTimeOffset now, int page, int pageSize, CancellationToken ct)
    {
        var where = tickets.Visible(actor).And("callback_next_at is not null").Equal("county_code", county);
        if (dueOnly)
        {
            where.Compare("callback_next_at", "<=", now);
        }
        // The index tickets_callback_queue (migration 0190) has this order.
        var (items, total) = await tickets.PageAsync(where, "resolved_at, id", page, pageSize, ct);
        return new ListPage<CallbackQueueEntry>([.. items.Select(i => i with { Due = i.NextAttemptAt <= now })], total, page, pageSize);
    }
}

/// <summary>A row of the callback queue: the ticket (caller's phone masked), when it was resolved and how its callback stands.</summary>
/// <param name="FailedAttempts">Failed attempts about the current reply.</param>
/// <param name="NextAttemptAt">The earliest instant the next attempt may be made (attempts are spaced by a rule).</param>
/// <param name="NoticeDue">The next failed attempt is the last the rule allows: it records the written notice (书面告知) sent instead.</param>
/// <param name="Due">The next attempt may be made now.</param>
/// <param name="ContactMethod">How to reach the caller: call, text, video, through the guardian, or by letter.</param>
public sealed record CallbackQueueEntry(
    TicketSummary Ticket, DateTimeOffset ResolvedAt, int FailedAttempts, DateTimeOffset NextAttemptAt, bool NoticeDue, bool Due,
    [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.ContactMethods))] string ContactMethod)
{
    public static CallbackQueueEntry Read(NpgsqlDataReader r)
    {
        var failed = r.GetInt32(r.GetOrdinal("callback_failed_attempts"));
        return new(TicketSummary.Read(r), r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("resolved_at")), failed,
            r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("callback_next_at")), failed + 1 >= CallbackAttempts.Limit, false,
            r.GetString(r.GetOrdinal("contact_method")));
    }
}
