using Dispatch.Tickets;

namespace Dispatch.Web.Tickets;

/// <summary>Reads from the read model: search, unit worklists, the dispatch queue and the caller's earlier tickets.</summary>
public static class TicketSearchEndpoints
{
    public static RouteGroupBuilder MapTicketListsApi(this RouteGroupBuilder api)
    {
        api.MapUnitList("worklist", TicketEndpoints.Tag, "A unit's open tickets, nearest deadline first (status, overdue filters)", Worklist);
        api.MapGet("/dispatch-queue", DispatchQueue).RequireAuthorization().WithTags(TicketEndpoints.Tag)
            .WithSummary("Tickets waiting for (re)dispatch, those awaiting a ruling and returned ones first");
        api.MapGet("/intake/caller-history", CallerHistory).RequireAuthorization(Policies.Operator).WithTags(TicketEndpoints.Tag)
            .WithSummary("For the intake form: the caller's earlier tickets and open possible duplicates (same person or phone, same topic)");
        return api;
    }

    public static Task<Results<Ok<TicketPage>, ProblemHttpResult>> Search(
        string? q, string? county, string? unit, string? status, string? kind, bool? overdue, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, TicketReadModel readModel, HttpContext context, CancellationToken ct)
    {
        FieldError? rangeError = from is not null && to is not null && from > to
            ? new("from", "invalid_range", "开始时间不能晚于结束时间。", "'from' must not be after 'to'.")
            : null;
        var filter = new TicketFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), county, unit, status, kind, overdue, from, to, page ?? 1, pageSize ?? 20);
        return ItemLists.ReadAsync(context,
            [ListParameters.OneOf("status", status, TicketVocabulary.Item.Statuses.Select(s => s.Code), "状态", "Status"),
                ListParameters.OneOf("kind", kind, TicketVocabulary.Kinds, "类型", "Kind"), rangeError,
                .. ListParameters.Check(county, page, pageSize, q)],
            async actor =>
            {
                var found = await readModel.SearchAsync(actor, filter, ct);
                return found with { Items = TicketPresentation.ForActor(found.Items, actor) };
            });
    }

    private static Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, string? status, bool? overdue, TicketReadModel readModel, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadOfUnitAsync(context, unitCode,
            [ListParameters.OneOf("status", status, TicketVocabulary.WorklistStatuses, "待办列表状态", "Worklist status")],
            async actor => TicketPresentation.ForActor(await readModel.WorklistAsync(actor, unitCode, status, overdue, ct), actor));

    private static async Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult>> DispatchQueue(
        TicketReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (actor.Role == Roles.UnitStaff)
        {
            return ProblemResponses.From(DomainError.NotFound("Dispatch queue", "派单队列"), context);
        }
        return TypedResults.Ok(await readModel.DispatchQueueAsync(actor, ct));
    }

    private static async Task<Ok<CallerHistory>> CallerHistory(
        string? residentId, string? phone, string? topic, TicketReadModel readModel, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        var personId = string.IsNullOrWhiteSpace(residentId) ? null : "id:" + residentId.Trim().ToUpperInvariant();
        var cleanPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim().Replace(" ", "", StringComparison.Ordinal);
        var earlier = personId is null ? [] : await readModel.PersonTimelineAsync(actor, personId, ct);
        var duplicates = personId is null && cleanPhone is null
            ? []
            : await readModel.PossibleDuplicatesAsync(actor, personId, cleanPhone, topic, time.GetUtcNow(), ct);
        return TypedResults.Ok(new CallerHistory(personId, earlier, duplicates));
    }
}

public sealed record CallerHistory(string? PersonId, IReadOnlyList<TicketSummary> EarlierTickets, IReadOnlyList<TicketSummary> PossibleDuplicates);
