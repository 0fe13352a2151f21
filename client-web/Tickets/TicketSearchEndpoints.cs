using Dispatch.Tickets;
using Dispatch.Web.PersonalData;

namespace Dispatch.Web.Tickets;

/// <summary>Reads from the read model: search, unit worklists, the dispatch queue and the person record.</summary>
public static class TicketSearchEndpoints
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapTicketListsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{unitCode}/worklist", Worklist).RequireAuthorization().WithTags("Tickets 工单")
            .WithSummary("A unit's open tickets, nearest deadline first (status, overdue filters)");
        api.MapGet("/dispatch-queue", DispatchQueue).RequireAuthorization().WithTags("Tickets 工单")
            .WithSummary("Tickets waiting for (re)dispatch, those awaiting a ruling and returned ones first");
        api.MapGet("/intake/caller-history", CallerHistory).RequireAuthorization(Policies.Operator).WithTags("Tickets 工单")
            .WithSummary("For the intake form: the caller's earlier tickets and open possible duplicates (same person or phone, same topic)");
        return api;
    }

    public static async Task<Results<Ok<TicketPage>, ProblemHttpResult>> Search(
        string? q, string? county, string? unit, string? status, string? kind, bool? overdue, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, TicketReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (status is not null && status is not (TicketStatus.Registered or TicketStatus.Dispatched or TicketStatus.Signed or TicketStatus.Resolved or TicketStatus.Closed))
        {
            errors.Add(new("status", "unknown_value", "状态须为 registered、dispatched、signed、resolved 或 closed。", "Status must be registered, dispatched, signed, resolved or closed."));
        }
        if (kind is not null && !TicketVocabulary.Kinds.Contains(kind))
        {
            errors.Add(new("kind", "unknown_value", $"类型须为：{string.Join("、", TicketVocabulary.Kinds)}。", $"Kind must be one of: {string.Join(", ", TicketVocabulary.Kinds)}."));
        }
        if (from is not null && to is not null && from > to)
        {
            errors.Add(new("from", "invalid_range", "开始时间不能晚于结束时间。", "'from' must not be after 'to'."));
        }
        errors.AddRange(ListParameters.Check(county, page, pageSize, q, MaxPageSize));
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var filter = new TicketFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), county, unit, status, kind, overdue, from, to, page ?? 1, pageSize ?? 20);
        var actor = context.User.ToActor();
        var found = await readModel.SearchAsync(actor, filter, ct);
        return TypedResults.Ok(found with { Items = TicketPresentation.ForActor(found.Items, actor) });
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, string? status, bool? overdue, TicketReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (actor.Role == Roles.UnitStaff && actor.UnitCode != unitCode)
        {
            return ProblemResponses.From(DomainError.NotFound("Unit", "单位"), context);
        }
        if (status is not null && !TicketVocabulary.WorklistStatuses.Contains(status))
        {
            return ProblemResponses.Validation(context, new FieldError("status", "unknown_value",
                "待办列表状态须为 dispatched 或 signed。", "Worklist status must be dispatched or signed."));
        }
        return TypedResults.Ok(TicketPresentation.ForActor(await readModel.WorklistAsync(actor, unitCode, status, overdue, ct), actor));
    }

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
