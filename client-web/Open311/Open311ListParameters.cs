using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Open311;

/// <summary>The query of GET /requests: the key and the specification's filters, as typed.</summary>
public sealed class Open311ListParameters
{
    /// <summary>The longest span one list may cover, and the span read when no dates are given.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public const int MaxIds = 100;

    [FromQuery(Name = "api_key")] public string? ApiKey { get; init; }
    [FromQuery(Name = "service_request_id")] public string? ServiceRequestId { get; init; }
    [FromQuery(Name = "service_code")] public string? ServiceCode { get; init; }
    [FromQuery(Name = "start_date")] public string? StartDate { get; init; }
    [FromQuery(Name = "end_date")] public string? EndDate { get; init; }
    [FromQuery(Name = "status")] public string? Status { get; init; }
    [FromQuery(Name = "jurisdiction_id")] public string? JurisdictionId { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> All() =>
    [
        new("api_key", ApiKey), new("service_request_id", ServiceRequestId), new("service_code", ServiceCode),
        new("start_date", StartDate), new("end_date", EndDate), new("status", Status), new("jurisdiction_id", JurisdictionId),
    ];

    /// <summary>
    /// The filter, or every error at once. Ids given override every other filter (as the specification says); otherwise
    /// the dates may span at most 90 days, and without them the last 90 days are read.
    /// </summary>
    public (Open311RequestFilter? Filter, IReadOnlyList<(string Zh, string En)> Errors) ToFilter(DateTimeOffset now)
    {
        var errors = new List<(string Zh, string En)>();
        if (!string.IsNullOrWhiteSpace(ServiceRequestId))
        {
            var ids = ServiceRequestId.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            if (ids.Count is 0 or > MaxIds)
            {
                errors.Add(($"service_request_id 须为 1 到 {MaxIds} 个以逗号分隔的编号。", $"service_request_id takes 1 to {MaxIds} comma-separated ids."));
                return (null, errors);
            }
            return (new Open311RequestFilter(ids, null, default, default, null), errors);
        }
        Open311Service? service = null;
        if (!string.IsNullOrWhiteSpace(ServiceCode) && (service = Open311Services.Find(ServiceCode)) is null)
        {
            errors.Add(("没有这一服务（service_code）。", "No service has this service_code."));
        }
        var start = Date(StartDate, "start_date", errors);
        var end = Date(EndDate, "end_date", errors);
        var closed = StatusFilter(errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, now),
        };
        if (to < from || to - from > MaxSpan)
        {
            errors.Add(("end_date 须不早于 start_date，且相距不超过 90 天。", "end_date must not be before start_date, and at most 90 days after it."));
            return (null, errors);
        }
        return (new Open311RequestFilter(null, service, from, to, closed), errors);
    }

    private bool? StatusFilter(List<(string Zh, string En)> errors)
    {
        if (string.IsNullOrWhiteSpace(Status))
        {
            return null;
        }
        var statuses = Status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (statuses.Count == 0 || !statuses.IsSubsetOf(["open", "closed"]))
        {
            errors.Add(("status 须为 open、closed 或二者以逗号分隔。", "status must be open, closed, or both comma-separated."));
            return null;
        }
        return statuses.Count == 2 ? null : statuses.Contains("closed");
    }

    /// <summary>ISO 8601 with an offset (2026-12-01T08:00:00+08:00, …Z); a bare date is midnight in Jiaxing.</summary>
    private static DateTimeOffset? Date(string? text, string name, List<(string Zh, string En)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100)
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year is >= 2000 and <= 2100)
        {
            return time;
        }
        errors.Add(($"{name} 须为 ISO 8601 时间，例如 2026-12-01T08:00:00+08:00。", $"{name} must be an ISO 8601 time such as 2026-12-01T08:00:00+08:00."));
        return null;
    }
}
