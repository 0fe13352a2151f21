using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using System.Globalization;
using Dispatch.PersonalData;

namespace Dispatch.Web.Audit;

/// <summary>GET /api/audit/access: who was shown which full personal value, when and why (administrators only).</summary>
public static class AuditEndpoints
{
    private const int MaxFilterLength = 100;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/access", Access).RequireAuthorization(Policies.Admin).WithTags("Audit 审计")
            .WithSummary("The personal-data access log, newest first (administrators): userId, itemId, field, purpose, from, to, " +
                $"page (1-{Paging.MaxPage}), pageSize (1-{Paging.MaxPageSize}, default {Paging.DefaultPageSize})");
        return api;
    }

    private static async Task<Results<Ok<ListPage<AccessEntry>>, ProblemHttpResult>> Access(
        string? userId, string? itemId, string? field, [ClosedSet(typeof(RevealPurposes), nameof(RevealPurposes.All))] string? purpose, string? from, string? to, int? page, int? pageSize,
        AccessAudit audit, HttpContext context, CancellationToken ct)
    {
        var errors = new List<FieldError>(Paging.Check(page, pageSize));
        var since = Time(from, "from", errors);
        var until = Time(to, "to", errors);
        if (since is not null && until is not null && since > until)
        {
            errors.Add(new FieldError("from", "invalid_range", "开始时间不能晚于结束时间。", "'from' must not be after 'to'."));
        }
        if (purpose is not null && !RevealPurposes.IsKnown(purpose))
        {
            errors.Add(new FieldError("purpose", "unknown_value", "未知的用途。", "Unknown purpose."));
        }
        foreach (var (name, value) in new[] { ("userId", userId), ("itemId", itemId), ("field", field) })
        {
            if (value is { Length: > MaxFilterLength } || value?.Any(char.IsControl) == true)
            {
                errors.Add(new FieldError(name, "invalid", $"{name} 过长或含控制字符。", $"{name} is too long or has control characters."));
            }
        }
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        return TypedResults.Ok(await audit.ReadAsync(new AccessFilter(Blank(userId), Blank(itemId), Blank(field), purpose, since, until, Paging.PageOf(page), Paging.SizeOf(pageSize)), ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Time(string? text, string name, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }
        errors.Add(new FieldError(name, "invalid_format", $"{name} 须为 ISO 8601 时间。", $"{name} must be an ISO 8601 time."));
        return null;
    }
}
