using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using Dispatch.Rehab;
using Dispatch.PersonalData;
using Npgsql;

namespace Dispatch.Web.Rehab;

/// <summary>A row of a visit list or calendar; the person's phone is always masked in lists.</summary>
public sealed record VisitSummary(
    Guid Id, string Number, [property: ClosedSet(typeof(RehabVisitStatus), nameof(RehabVisitStatus.All))] string Status,
    [property: ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] string ServiceType, string PersonName, string PersonPhone, string CountyCode,
    string ProviderCode, string? WorkerId, string? WorkerName, Guid? PlanId, int? PlanSequence, Guid? TicketId, string? TicketNumber,
    DateTimeOffset RequestedAt, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, bool RecordPending,
    DateTimeOffset? FirstVisitDueAt, DateTimeOffset? WindowDueAt, DateTimeOffset? RecordDueAt, DateTimeOffset? NextDueAt,
    string? ClockState, bool AtRisk, bool Overdue, int Version, string? AssigneeId, string? AssigneeName)
{
    public const string Columns = """
        id, number, status, service_type, person_name, person_phone, county_code, provider_code, worker_id, worker_name,
        plan_id, plan_sequence, ticket_id, ticket_number, requested_at, window_start, window_end, record_pending,
        first_visit_due_at, window_due_at, record_due_at, next_due_at, clock_state, at_risk, overdue, version, assignee_id, assignee_name
        """;

    public static VisitSummary Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), PersonalDataMasks.MaskPhone(r.GetString(5)),
        r.GetString(6), r.GetString(7), Items.Columns.Text(r, 8), Items.Columns.Text(r, 9), Items.Columns.Id(r, 10),
        r.IsDBNull(11) ? null : r.GetInt32(11), Items.Columns.Id(r, 12), Items.Columns.Text(r, 13), r.GetFieldValue<DateTimeOffset>(14),
        Items.Columns.Time(r, 15), Items.Columns.Time(r, 16), r.GetBoolean(17), Items.Columns.Time(r, 18), Items.Columns.Time(r, 19),
        Items.Columns.Time(r, 20), Items.Columns.Time(r, 21), Items.Columns.Text(r, 22), r.GetBoolean(23), r.GetBoolean(24), r.GetInt32(25),
        Items.Columns.Text(r, 26), Items.Columns.Text(r, 27));

    /// <summary>Rows as the user may see them: the person's name masked for supervisors.</summary>
    public static IReadOnlyList<VisitSummary> ForActor(IReadOnlyList<VisitSummary> rows, Actor actor) =>
        PersonalDataMasks.SeesNames(actor) ? rows : [.. rows.Select(row => row with { PersonName = PersonalDataMasks.MaskName(row.PersonName) })];
}

public sealed record VisitFilter(string? Query, string? County, string? Provider, string? Status, string? Type, string? Worker, Guid? Plan, int Page, int PageSize);

/// <summary>A provider's day: each worker's visits in time order, and the visits of that day nobody is booked for yet.</summary>
public sealed record ProviderDay(string UnitCode, DateOnly Date, IReadOnlyList<WorkerDay> Workers, IReadOnlyList<VisitSummary> Unassigned);

public sealed record WorkerDay(string WorkerId, string WorkerName, IReadOnlyList<VisitSummary> Visits);

/// <summary>
/// A provider's week or month: the visits (not cancelled) whose window touches each local day from <paramref name="From"/>
/// to <paramref name="To"/>, in time order; <paramref name="Truncated"/> when more than <see cref="RehabReadModel.RangeLimit"/>
/// visits fell in the range and the latest were left out.
/// </summary>
public sealed record ProviderRange(string UnitCode, DateOnly From, DateOnly To, IReadOnlyList<ProviderDate> Days, bool Truncated);

/// <summary>One local day of a <see cref="ProviderRange"/>.</summary>
public sealed record ProviderDate(DateOnly Date, IReadOnlyList<VisitSummary> Visits);

/// <summary>Queries over the rehab_visits read model, always limited to what the user may see.</summary>
public sealed class RehabReadModel(NpgsqlDataSource database)
{
    public static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly ItemTable<VisitSummary> visits = new(database, "rehab_visits", "provider_code", VisitSummary.Columns, VisitSummary.Read);

    public async Task<ListPage<VisitSummary>> SearchAsync(Actor actor, VisitFilter filter, CancellationToken ct)
    {
        var where = visits.Visible(actor).Contains("(number || ' ' || person_name)", filter.Query).EqualEach(
            ("county_code", filter.County), ("provider_code", filter.Provider), ("status", filter.Status), ("service_type", filter.Type),
            ("worker_id", filter.Worker), ("plan_id", filter.Plan));
        var (items, total) = await visits.PageAsync(where, "coalesce(window_start, requested_at) desc, id", filter.Page, filter.PageSize, ct);
        return new ListPage<VisitSummary>(VisitSummary.ForActor(items, actor), total, filter.Page, filter.PageSize);
    }

    /// <summary>A provider's open visits: overdue first, then the nearest deadline, then the earliest window.</summary>
    /// <param name="assignee">承办人 filter: <see cref="AssigneeFilters"/>, or null for all.</param>
    public async Task<IReadOnlyList<VisitSummary>> WorklistAsync(Actor actor, string providerCode, string? status, string? assignee, CancellationToken ct)
    {
        var where = visits.OfUnit(actor, providerCode);
        where.And($"{where.AnyOfCondition("status", RehabVocabulary.WorklistStatuses)} or record_pending").Equal("status", status).Assignee(assignee, actor);
        return VisitSummary.ForActor(await visits.ListAsync(
            where, "overdue desc, next_due_at nulls last, window_start nulls last, requested_at", ItemTable<VisitSummary>.WorklistLimit, ct), actor);
    }

    /// <summary>The most visits a week or month view returns.</summary>
    public const int RangeLimit = 3000;

    /// <summary>The most days a range covers: six weeks, the grid of a month view.</summary>
    public const int MaxRangeDays = 42;

    /// <summary>
    /// Every visit of the provider (or one worker) whose window touches a local day of [from, to], listed under each day it
    /// touches, in time order.
    /// </summary>
    public async Task<ProviderRange> RangeAsync(Actor actor, string providerCode, DateOnly from, DateOnly to, string? worker, CancellationToken ct)
    {
        var start = StartOf(from);
        var end = StartOf(to.AddDays(1));
        var where = visits.OfUnit(actor, providerCode).Equal("worker_id", worker).Compare("status", "<>", RehabVisitStatus.Cancelled);
        where.And($"window_start < {where.Add(end)} and window_end > {where.Add(start)}");
        var found = VisitSummary.ForActor(await visits.ListAsync(where, "window_start, number", RangeLimit + 1, ct), actor);
        var kept = found.Take(RangeLimit).ToList();
        var days = new List<ProviderDate>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var (dayStart, dayEnd) = (StartOf(day), StartOf(day.AddDays(1)));
            days.Add(new ProviderDate(day, [.. kept.Where(v => v.WindowStart < dayEnd && v.WindowEnd > dayStart)]));
        }
        return new ProviderRange(providerCode, from, to, days, found.Count > RangeLimit);
    }

    /// <summary>The instant a local (Jiaxing) day begins.</summary>
    private static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Jiaxing.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    /// <summary>Every visit of the provider whose window touches the local day, grouped per worker (or one worker).</summary>
    public async Task<ProviderDay> DayAsync(Actor actor, string providerCode, DateOnly date, string? worker, CancellationToken ct)
    {
        var dayStart = StartOf(date);
        var where = visits.OfUnit(actor, providerCode).Equal("worker_id", worker).Compare("status", "<>", RehabVisitStatus.Cancelled);
        where.And($"window_start < {where.Add(dayStart.AddDays(1))} and window_end > {where.Add(dayStart)}");
        var dayVisits = VisitSummary.ForActor(await visits.ListAsync(where, "window_start, number", limit: null, ct), actor);
        var workers = dayVisits.Where(v => v.WorkerId is not null)
            .GroupBy(v => v.WorkerId!)
            .Select(g => new WorkerDay(g.Key, g.Last().WorkerName ?? g.Key, [.. g]))
            .OrderBy(w => w.WorkerId, StringComparer.Ordinal)
            .ToList();
        var unassigned = dayVisits.Where(v => v.WorkerId is null).ToList();
        return new ProviderDay(providerCode, date, workers, unassigned);
    }
}
