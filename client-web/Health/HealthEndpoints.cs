using Dispatch.Schema;
using Dispatch.Sla;
using Dispatch.Web.Live;
using Npgsql;

namespace Dispatch.Web.Health;

/// <summary>
/// /health/live (the process answers) and /health/ready (cluster and database both answer). Readiness also warns,
/// without failing, when the coming 90 days reach a year whose calendar is only provisional or missing.
/// </summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How far ahead readiness looks for a year without a published holiday notice.</summary>
    public const int CalendarHorizonDays = 90;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health 健康检查").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", [], [])))
            .WithSummary("The web process is up");
        group.MapGet("/ready", Ready)
            .WithSummary("200 when the Orleans cluster and PostgreSQL answer and the live feed reaches this instance, 503 with the reasons otherwise; warnings name a provisional or missing calendar year in the next 90 days");
        return app;
    }

    private static async Task<IResult> Ready(
        IClusterClient cluster, NpgsqlDataSource database, ClusterConnectionState connection, LiveFeedSubscription live, CancellationToken ct)
    {
        var problems = new List<string>();
        var clusterProblem = await ProbeClusterAsync(cluster, connection, ct);
        if (clusterProblem is not null)
        {
            problems.Add(clusterProblem);
        }
        var databaseProblem = await DatabaseProbe.ProblemAsync(database, ProbeTimeout, ct);
        if (databaseProblem is not null)
        {
            problems.Add(databaseProblem);
        }
        if (clusterProblem is null && !live.Subscribed)
        {
            problems.Add("live: not yet subscribed to the cluster's live feed");
        }
        if (problems.Count > 0)
        {
            return TypedResults.Json(new HealthReport("not_ready", problems, []), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok(new HealthReport("ready", [], await CalendarWarningsAsync(cluster, ct)));
    }

    private static async Task<IReadOnlyList<string>> CalendarWarningsAsync(IClusterClient cluster, CancellationToken ct)
    {
        try
        {
            var years = await cluster.GetGrain<ICalendarGrain>(0).YearsNotOfficial(CalendarHorizonDays).WaitAsync(ProbeTimeout, ct);
            return [.. years.Select(y => y.Status == "provisional"
                ? $"calendar: {y.Year} is provisional (days off derived from the holiday statute; no State Council notice published yet)"
                : $"calendar: {y.Year} is missing (Monday to Friday counted as working days)")];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return ["calendar: the calendar outlook did not answer (" + ex.Message + ")"];
        }
    }

    private static async Task<string?> ProbeClusterAsync(IClusterClient cluster, ClusterConnectionState connection, CancellationToken ct)
    {
        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken: ct).WaitAsync(ProbeTimeout, ct);
            return hosts.Count > 0 ? null : "cluster: no active silo";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return "cluster: no silo answers (" + (connection.LastError ?? ex.Message) + ")";
        }
    }
}

/// <param name="Warnings">Degraded checks that do not stop the instance from serving, e.g. a provisional calendar year.</param>
public sealed record HealthReport(string Status, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings);
