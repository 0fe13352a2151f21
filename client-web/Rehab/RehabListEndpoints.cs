using System.Globalization;
using Dispatch.People;
using Dispatch.Rehab;

namespace Dispatch.Web.Rehab;

/// <summary>Reads from the read model: visit search, the provider's worklist and its calendar per worker and day.</summary>
public static class RehabListEndpoints
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapRehabListsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{unitCode}/rehab-worklist", Worklist).RequireAuthorization().WithTags(RehabVisitEndpoints.Tag)
            .WithSummary("A rehabilitation provider's open visits: overdue first, then nearest deadline, then earliest window (status filter)");
        api.MapGet("/units/{unitCode}/rehab-calendar", Calendar).RequireAuthorization().WithTags(RehabVisitEndpoints.Tag)
            .WithSummary("A provider's day (date=yyyy-MM-dd, Jiaxing time, default today): each worker's visits in time order and the unassigned ones (worker filter)");
        return api;
    }

    public static async Task<Results<Ok<VisitPage>, ProblemHttpResult>> Search(
        string? q, string? county, string? provider, string? status, string? type, string? worker, Guid? plan, int? page, int? pageSize,
        RehabReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (StatusProblem(status) is { } bad)
        {
            errors.Add(bad);
        }
        if (type is not null && !RehabVocabulary.ServiceTypes.Contains(type))
        {
            errors.Add(new("type", "unknown_value", $"服务类型须为：{string.Join("、", RehabVocabulary.ServiceTypes)}。",
                $"Type must be one of: {string.Join(", ", RehabVocabulary.ServiceTypes)}."));
        }
        errors.AddRange(ListParameters.Check(county, page, pageSize, q, MaxPageSize));
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var filter = new VisitFilter(q, county, provider, status, type, worker, plan, page ?? 1, pageSize ?? 20);
        return TypedResults.Ok(await readModel.SearchAsync(context.User.ToActor(), filter, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<VisitSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, string? status, RehabReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (OutsideUnit(actor, unitCode, context) is { } notFound)
        {
            return notFound;
        }
        if (StatusProblem(status) is { } bad)
        {
            return ProblemResponses.Validation(context, bad);
        }
        return TypedResults.Ok(await readModel.WorklistAsync(actor, unitCode, status, ct));
    }

    private static async Task<Results<Ok<ProviderDay>, ProblemHttpResult>> Calendar(
        string unitCode, string? date, string? worker, RehabReadModel readModel, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (OutsideUnit(actor, unitCode, context) is { } notFound)
        {
            return notFound;
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), RehabReadModel.Jiaxing).DateTime);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return ProblemResponses.Validation(context, new FieldError("date", "invalid_format", "日期格式须为 yyyy-MM-dd。", "The date must be yyyy-MM-dd."));
        }
        return TypedResults.Ok(await readModel.DayAsync(actor, unitCode, day, string.IsNullOrWhiteSpace(worker) ? null : worker.Trim(), ct));
    }

    private static ProblemHttpResult? OutsideUnit(Actor actor, string unitCode, HttpContext context) =>
        actor.Role == Roles.UnitStaff && actor.UnitCode != unitCode ? ProblemResponses.From(DomainError.NotFound("Unit", "单位"), context) : null;

    private static FieldError? StatusProblem(string? status) => status is null || RehabVisitStatus.All.Contains(status)
        ? null
        : new FieldError("status", "unknown_value", $"状态须为：{string.Join("、", RehabVisitStatus.All)}。",
            $"Status must be one of: {string.Join(", ", RehabVisitStatus.All)}.");
}
