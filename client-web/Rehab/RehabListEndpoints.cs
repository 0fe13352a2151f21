using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using System.Globalization;
using Dispatch.Rehab;

namespace Dispatch.Web.Rehab;

/// <summary>Reads from the read model: visit search, the provider's worklist and its calendar per worker and day.</summary>
public static class RehabListEndpoints
{
    public static RouteGroupBuilder MapRehabListsApi(this RouteGroupBuilder api)
    {
        api.MapUnitList("rehab-worklist", RehabVisitEndpoints.Tag,
            "A rehabilitation provider's open visits: overdue first, then nearest deadline, then earliest window (status, assignee=me|none filters)", Worklist);
        api.MapUnitList("rehab-calendar", RehabVisitEndpoints.Tag,
            "A provider's day (date=yyyy-MM-dd, Jiaxing time, default today): each worker's visits in time order and the unassigned ones (worker filter)", Calendar);
        api.MapUnitList("rehab-calendar/range", RehabVisitEndpoints.Tag,
            "A provider's week or month (from=yyyy-MM-dd, to=yyyy-MM-dd, Jiaxing time, at most 42 days): the visits (not cancelled) of each day in time order (worker filter)", Range);
        return api;
    }

    public static Task<Results<Ok<ListPage<VisitSummary>>, ProblemHttpResult>> Search(
        string? q, string? county, string? provider, [ClosedSet(typeof(RehabVisitStatus), nameof(RehabVisitStatus.All))] string? status,
        [ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] string? type, string? worker, Guid? plan, int? page, int? pageSize,
        RehabReadModel readModel, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadAsync(context,
            [StatusError(status), ListParameters.OneOf("type", type, RehabVocabulary.ServiceTypes, "服务类型", "Type"),
                .. ListParameters.Check(county, page, pageSize, q)],
            actor => readModel.SearchAsync(actor, new VisitFilter(q, county, provider, status, type, worker, plan, Paging.PageOf(page), Paging.SizeOf(pageSize)), ct));

    private static Task<Results<Ok<IReadOnlyList<VisitSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, [ClosedSet(typeof(RehabVisitStatus), nameof(RehabVisitStatus.All))] string? status,
        [ClosedSet(typeof(AssigneeFilters), nameof(AssigneeFilters.All))] string? assignee, RehabReadModel readModel, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadOfUnitAsync(context, unitCode, [StatusError(status), AssigneeFilters.Check(assignee)],
            actor => readModel.WorklistAsync(actor, unitCode, status, assignee, ct));

    private static Task<Results<Ok<ProviderDay>, ProblemHttpResult>> Calendar(
        string unitCode, string? date, string? worker, RehabReadModel readModel, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), RehabReadModel.Jiaxing).DateTime);
        var dateError = date is null || DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            ? null
            : new FieldError("date", "invalid_format", "日期格式须为 yyyy-MM-dd。", "The date must be yyyy-MM-dd.");
        return ItemLists.ReadOfUnitAsync(context, unitCode, [dateError],
            actor => readModel.DayAsync(actor, unitCode, day, string.IsNullOrWhiteSpace(worker) ? null : worker.Trim(), ct));
    }

    private static Task<Results<Ok<ProviderRange>, ProblemHttpResult>> Range(
        string unitCode, string? from, string? to, string? worker, RehabReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var start = DateOf("from", from, "起始日期", "start date");
        var end = DateOf("to", to, "结束日期", "end date");
        var rangeError = start.Date is { } first && end.Date is { } last && (last < first || last.DayNumber - first.DayNumber >= RehabReadModel.MaxRangeDays)
            ? new FieldError("to", "out_of_range", $"结束日期须不早于起始日期，且范围不超过 {RehabReadModel.MaxRangeDays} 天。",
                $"The end date must not be before the start date, and the range at most {RehabReadModel.MaxRangeDays} days.")
            : null;
        return ItemLists.ReadOfUnitAsync(context, unitCode, [start.Error, end.Error, rangeError],
            actor => readModel.RangeAsync(actor, unitCode, start.Date!.Value, end.Date!.Value, string.IsNullOrWhiteSpace(worker) ? null : worker.Trim(), ct));
    }

    /// <summary>A required local date parameter, or the field error that says what is wrong with it.</summary>
    private static (DateOnly? Date, FieldError? Error) DateOf(string field, string? value, string zh, string en) =>
        value is null ? (null, new FieldError(field, "required", $"请提供{zh}（yyyy-MM-dd）。", $"The {en} (yyyy-MM-dd) is required."))
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (date, null)
        : (null, new FieldError(field, "invalid_format", $"{zh}格式须为 yyyy-MM-dd。", $"The {en} must be yyyy-MM-dd."));

    private static FieldError? StatusError(string? status) => ListParameters.OneOf("status", status, RehabVisitStatus.All, "状态", "Status");
}
