using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using Dispatch.LegalAid;
using Dispatch.PersonalData;
using Npgsql;

namespace Dispatch.Web.LegalAid;

/// <summary>A row of a case list; the applicant's phone is always masked in lists.</summary>
public sealed record CaseSummary(
    Guid Id, string Number, [property: ClosedSet(typeof(LegalAidStatus), nameof(LegalAidStatus.All))] string Status,
    [property: ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.CaseTypes))] string CaseType, string ApplicantName, string ApplicantPhone, string CountyCode,
    string StationCode, Guid? TicketId, string? TicketNumber, DateTimeOffset AppliedAt, bool DocumentsPending, bool ObjectionPending,
    string? HandlerName, DateTimeOffset? DecisionDueAt, DateTimeOffset? AssignmentDueAt, DateTimeOffset? AgreementDueAt,
    DateTimeOffset? ObjectionReviewDueAt, DateTimeOffset? NextDueAt, string? ClockState, bool AtRisk, bool Overdue, int Version,
    string? AssigneeId, string? AssigneeName)
{
    public const string Columns = """
        id, number, status, case_type, applicant_name, applicant_phone, county_code, station_code, ticket_id, ticket_number,
        applied_at, documents_pending, objection_pending, handler_name, decision_due_at, assignment_due_at, agreement_due_at,
        objection_review_due_at, next_due_at, clock_state, at_risk, overdue, version, assignee_id, assignee_name
        """;

    public static CaseSummary Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), PersonalDataMasks.MaskPhone(r.GetString(5)),
        r.GetString(6), r.GetString(7), Items.Columns.Id(r, 8), Items.Columns.Text(r, 9), r.GetFieldValue<DateTimeOffset>(10),
        r.GetBoolean(11), r.GetBoolean(12), Items.Columns.Text(r, 13), Items.Columns.Time(r, 14), Items.Columns.Time(r, 15),
        Items.Columns.Time(r, 16), Items.Columns.Time(r, 17), Items.Columns.Time(r, 18), Items.Columns.Text(r, 19),
        r.GetBoolean(20), r.GetBoolean(21), r.GetInt32(22), Items.Columns.Text(r, 23), Items.Columns.Text(r, 24));

    /// <summary>Rows as the user may see them: the applicant's name masked for supervisors.</summary>
    public static IReadOnlyList<CaseSummary> ForActor(IReadOnlyList<CaseSummary> rows, Actor actor) =>
        PersonalDataMasks.SeesNames(actor) ? rows : [.. rows.Select(row => row with { ApplicantName = PersonalDataMasks.MaskName(row.ApplicantName) })];
}

public sealed record CaseFilter(string? Query, string? County, string? Station, string? Status, string? Type, bool? Overdue, int Page, int PageSize);

/// <summary>Queries over the legal_aid_cases read model, always limited to what the user may see.</summary>
public sealed class LegalAidReadModel(NpgsqlDataSource database)
{
    private readonly ItemTable<CaseSummary> cases = new(database, "legal_aid_cases", "station_code", CaseSummary.Columns, CaseSummary.Read);

    public async Task<ListPage<CaseSummary>> SearchAsync(Actor actor, CaseFilter filter, CancellationToken ct)
    {
        var where = cases.Visible(actor).Contains("(number || ' ' || applicant_name || ' ' || summary)", filter.Query).EqualEach(
            ("county_code", filter.County), ("station_code", filter.Station), ("status", filter.Status), ("case_type", filter.Type), ("overdue", filter.Overdue));
        var (items, total) = await cases.PageAsync(where, "applied_at desc, id", filter.Page, filter.PageSize, ct);
        return new ListPage<CaseSummary>(CaseSummary.ForActor(items, actor), total, filter.Page, filter.PageSize);
    }

    /// <summary>A station's open cases: overdue first, then nearest deadline; new applications (no clock yet) after them.</summary>
    /// <param name="assignee">承办人 filter: <see cref="AssigneeFilters"/>, or null for all.</param>
    public async Task<IReadOnlyList<CaseSummary>> WorklistAsync(Actor actor, string stationCode, string? status, string? assignee, CancellationToken ct) =>
        CaseSummary.ForActor(await cases.ListAsync(
            cases.OfUnit(actor, stationCode).AnyOf("status", LegalAidVocabulary.WorklistStatuses).Equal("status", status).Assignee(assignee, actor),
            "overdue desc, next_due_at nulls last, applied_at", ItemTable<CaseSummary>.WorklistLimit, ct), actor);
}
