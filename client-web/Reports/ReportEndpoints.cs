using System.Security.Claims;
using Dispatch.Stats;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Web.Reports;

/// <summary>
/// GET /api/reports/{scope}: the monthly or yearly report of a scope, as JSON (the print page), XLSX or CSV, copied from
/// the stats snapshot of the same scope and period; who may see it is who may see the stats.
/// </summary>
public static class ReportEndpoints
{
    public const string Json = "json";
    public const string Xlsx = "xlsx";
    public const string Csv = "csv";

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/{scope}", Report).RequireAuthorization().WithTags("Reports 报表")
            .WithSummary("The monthly or yearly report of a scope (city, county:<code>, unit:<code>): period=month|year, " +
                "date=yyyy-MM|yyyy (the current period by default; none in the future), format=json|xlsx|csv (json by default). " +
                "The figures are those of GET /api/stats for the same scope and period");
        return api;
    }

    private static async Task<Results<Ok<Report>, FileContentHttpResult, ProblemHttpResult>> Report(
        string scope, string? period, string? date, string? format, HttpContext context, IGrainFactory grains, TimeProvider time,
        CancellationToken ct)
    {
        var chosen = format ?? Json;
        var errors = new List<FieldError>();
        if (chosen is not (Json or Xlsx or Csv))
        {
            errors.Add(new FieldError("format", "unknown_value", "格式须为 json、xlsx 或 csv。", "The format must be json, xlsx or csv."));
        }
        var (reportPeriod, periodError) = ReportPeriod.Parse(period, date, ReportPeriod.Today(time));
        if (periodError is not null)
        {
            errors.Add(periodError);
        }
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var outcome = await grains.GetGrain<IStatsGrain>(0).Snapshot(scope, reportPeriod!.Kind, reportPeriod.First, context.User.ToActor());
        if (!outcome.Succeeded)
        {
            return ProblemResponses.From(outcome.Error!, context);
        }
        var report = ReportBuilder.Build(outcome.Value!, reportPeriod, time.GetUtcNow(), GeneratedBy(context.User));
        return chosen switch
        {
            Xlsx => File(context, await ReportFiles.XlsxAsync(report, ct), ReportFiles.XlsxType, report, Xlsx),
            Csv => File(context, ReportFiles.Csv(report), ReportFiles.CsvType, report, Csv),
            _ => TypedResults.Ok(report),
        };
    }

    /// <summary>The user's own name as the header block prints it; never a caller's.</summary>
    private static string GeneratedBy(ClaimsPrincipal user) =>
        user.FindFirstValue(DispatchClaims.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    /// <summary>An attachment named in ASCII (report-city-2026-11.xlsx) and, per RFC 5987, in UTF-8 by its title.</summary>
    private static FileContentHttpResult File(HttpContext context, byte[] content, string type, Report report, string extension)
    {
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"report-{report.Scope.Replace(':', '-')}-{report.Date}.{extension}",
        };
        disposition.FileNameStar = $"{report.Title}.{extension}";
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(content, type);
    }
}
