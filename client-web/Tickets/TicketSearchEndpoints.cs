using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using Dispatch.People;
using Dispatch.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Tickets;

/// <summary>Reads from the read model: search, unit worklists, the dispatch queue and the caller's earlier tickets.</summary>
public static class TicketSearchEndpoints
{
    public static RouteGroupBuilder MapTicketListsApi(this RouteGroupBuilder api)
    {
        api.MapUnitList("worklist", TicketEndpoints.Tag, "A unit's open tickets, nearest deadline first (status, overdue, assignee=me|none filters)", Worklist);
        api.MapGet("/dispatch-queue", DispatchQueue).RequireAuthorization().WithTags(TicketEndpoints.Tag)
            .WithSummary("Tickets waiting for (re)dispatch, those awaiting a ruling and returned ones first");
        api.MapGet("/callback-queue", ReadCallbackQueue).RequireAuthorization().WithTags(TicketEndpoints.Tag)
            .WithSummary("待回访: resolved tickets whose caller is still owed a callback, oldest resolution first, with the failed attempts " +
                "and the next attempt time (county, due: only those whose next attempt may be made now, default true; page, pageSize)");
        api.MapPost("/intake/caller-history", CallerHistory).RequireAuthorization(Policies.Operator).WithTags(TicketEndpoints.Tag)
            .WithSummary("For the intake form, body {residentId?, phone?, topic?} (numbers never in a URL): the caller's opaque personId, " +
                "earlier tickets and open possible duplicates (same person or phone, same topic), masked");
        return api;
    }

    public static Task<Results<Ok<ListPage<TicketSummary>>, ProblemHttpResult>> Search(
        string? q, string? county, string? unit, [ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Statuses))] string? status,
        [ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Kinds))] string? kind, bool? overdue, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, TicketReadModel readModel, HttpContext context, CancellationToken ct) =>
        SearchAsync(new TicketSearch(q, null, county, unit, status, kind, overdue, from, to), page, pageSize, readModel, context, ct);

    /// <summary>
    /// POST /api/tickets/search?page=&amp;pageSize=: the same search with its filters in the body, and the caller's phone,
    /// which travels in the body, never in a URL.
    /// </summary>
    public static Task<Results<Ok<ListPage<TicketSummary>>, ProblemHttpResult>> SearchByBody(
        [FromBody] TicketSearch? search, int? page, int? pageSize, TicketReadModel readModel, HttpContext context, CancellationToken ct) =>
        search is null
            ? Task.FromResult<Results<Ok<ListPage<TicketSummary>>, ProblemHttpResult>>(
                ProblemResponses.Validation(context, new FieldError("body", "required", "请提供查询条件。", "A search body is required.")))
            : SearchAsync(search, page, pageSize, readModel, context, ct);

    private static Task<Results<Ok<ListPage<TicketSummary>>, ProblemHttpResult>> SearchAsync(
        TicketSearch search, int? page, int? pageSize, TicketReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var (from, to) = (search.From, search.To);
        FieldError? rangeError = from is not null && to is not null && from > to
            ? new("from", "invalid_range", "开始时间不能晚于结束时间。", "'from' must not be after 'to'.")
            : null;
        var phone = CallerPhones.Normalised(search.Phone);
        FieldError? phoneError = phone is not null && (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c == '-'))
            ? new("phone", "invalid_format", "电话号码只能包含数字和连字符。", "A phone number holds only digits and hyphens.")
            : null;
        var q = string.IsNullOrWhiteSpace(search.Q) ? null : search.Q.Trim();
        var filter = new TicketFilter(q, search.County, search.Unit, search.Status, search.Kind, search.Overdue, from, to,
            Paging.PageOf(page), Paging.SizeOf(pageSize)) { Phone = phone };
        return ItemLists.ReadAsync(context,
            [ListParameters.OneOf("status", search.Status, TicketVocabulary.Statuses.Select(s => s.Code), "状态", "Status"),
                ListParameters.OneOf("kind", search.Kind, TicketVocabulary.Kinds, "类型", "Kind"), rangeError, phoneError,
                .. ListParameters.Check(search.County, page, pageSize, search.Q)],
            async actor =>
            {
                var found = await readModel.SearchAsync(actor, filter, ct);
                return found with { Items = TicketPresentation.ForActor(found.Items, actor) };
            });
    }

    /// <summary>The longest phone number a search takes: a landline with its area code and an extension is shorter.</summary>
    private const int PhoneMaxLength = 20;

    private static Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, [ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.WorklistStatuses))] string? status, bool? overdue,
        [ClosedSet(typeof(AssigneeFilters), nameof(AssigneeFilters.All))] string? assignee, TicketReadModel readModel, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadOfUnitAsync(context, unitCode,
            [ListParameters.OneOf("status", status, TicketVocabulary.WorklistStatuses, "待办列表状态", "Worklist status"), AssigneeFilters.Check(assignee)],
            async actor => TicketPresentation.ForActor(await readModel.WorklistAsync(actor, unitCode, status, overdue, assignee, ct), actor));

    private static async Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult>> DispatchQueue(
        TicketReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (actor.Role == Roles.UnitStaff)
        {
            return ProblemResponses.From(DomainError.NotFound("Dispatch queue", "派单队列"), context);
        }
        return TypedResults.Ok(TicketPresentation.ForActor(await readModel.DispatchQueueAsync(actor, ct), actor));
    }

    private static async Task<Results<Ok<ListPage<CallbackQueueEntry>>, ProblemHttpResult>> ReadCallbackQueue(
        string? county, bool? due, int? page, int? pageSize, CallbackQueue queue, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        // Callbacks are the hotline's work: a unit has nothing to do in this queue (as in the dispatch queue).
        if (context.User.ToActor().Role == Roles.UnitStaff)
        {
            return ProblemResponses.From(DomainError.NotFound("Callback queue", "待回访队列"), context);
        }
        return await ItemLists.ReadAsync(context, [.. ListParameters.Check(county, page, pageSize, null)],
            async actor =>
            {
                var found = await queue.PageAsync(actor, county, due ?? true, time.GetUtcNow(), Paging.PageOf(page), Paging.SizeOf(pageSize), ct);
                var masked = TicketPresentation.ForActor([.. found.Items.Select(i => i.Ticket)], actor);
                return found with { Items = [.. found.Items.Zip(masked, (entry, ticket) => entry with { Ticket = ticket })] };
            });
    }

    private static async Task<Results<Ok<CallerHistory>, ProblemHttpResult>> CallerHistory(
        [FromBody] CallerLookup? lookup, TicketReadModel readModel, PersonIdKey personIds, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        if (lookup is null)
        {
            return ProblemResponses.Validation(context, new FieldError("body", "required", "请提供查询内容。", "A lookup body is required."));
        }
        var actor = context.User.ToActor();
        var residentId = string.IsNullOrWhiteSpace(lookup.ResidentId) ? null : lookup.ResidentId.Trim().ToUpperInvariant();
        var cleanPhone = CallerPhones.Normalised(lookup.Phone);
        var personId = residentId is null && cleanPhone is null ? null : personIds.Of(residentId, cleanPhone);
        var earlier = personId is null ? [] : await readModel.PersonTimelineAsync(actor, personId, ct);
        var duplicates = personId is null && cleanPhone is null
            ? []
            : await readModel.PossibleDuplicatesAsync(actor, personId, cleanPhone, lookup.Topic, time.GetUtcNow(), ct);
        return TypedResults.Ok(new CallerHistory(personId, TicketPresentation.ForActor(earlier, actor), TicketPresentation.ForActor(duplicates, actor)));
    }
}

/// <summary>A typed phone number in the spelling tickets store: 13812345678, 0573-82345678 (as the intake rules normalise it).</summary>
public static partial class CallerPhones
{
    public static string? Normalised(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var compact = typed.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Landline().Match(compact) is { Success: true } landline ? $"{landline.Groups[1].Value}-{landline.Groups[2].Value}" : compact;
    }

    // Only 010 and 02x are three-digit area codes; every other one has four digits.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(0[12][0-9]|0[3-9][0-9]{2})([0-9]{7,8})$")]
    private static partial System.Text.RegularExpressions.Regex Landline();
}

/// <summary>
/// A ticket search: q (a whole ticket number, or text in the title, content and caller's name), the caller's phone
/// (matched whole in its stored spelling; answers mask it), county, unit, status, kind, overdue, received from/to.
/// </summary>
public sealed record TicketSearch(
    string? Q, string? Phone, string? County, string? Unit,
    [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Statuses))] string? Status,
    [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Kinds))] string? Kind,
    bool? Overdue, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>POST /api/intake/caller-history: what the operator typed so far; the numbers travel in the body, never in a URL.</summary>
public sealed record CallerLookup(string? ResidentId, string? Phone, string? Topic);

/// <summary>The caller's opaque person id (when the resident ID is known), earlier tickets and possible duplicates, masked.</summary>
public sealed record CallerHistory(string? PersonId, IReadOnlyList<TicketSummary> EarlierTickets, IReadOnlyList<TicketSummary> PossibleDuplicates);
