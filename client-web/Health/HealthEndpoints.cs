using Dispatch.Web.Live;
using Npgsql;

namespace Dispatch.Web.Health;

/// <summary>/health/live (the process answers) and /health/ready (cluster and database both answer).</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health 健康检查").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", [])))
            .WithSummary("The web process is up");
        group.MapGet("/ready", Ready)
            .WithSummary("200 when the Orleans cluster and PostgreSQL answer and the live feed reaches this instance, 503 with the reasons otherwise");
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
        var databaseProblem = await ProbeDatabaseAsync(database, ct);
        if (databaseProblem is not null)
        {
            problems.Add(databaseProblem);
        }
        if (clusterProblem is null && !live.Subscribed)
        {
            problems.Add("live: not yet subscribed to the cluster's live feed");
        }
        return problems.Count == 0
            ? TypedResults.Ok(new HealthReport("ready", []))
            : TypedResults.Json(new HealthReport("not_ready", problems), statusCode: StatusCodes.Status503ServiceUnavailable);
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

    private static async Task<string?> ProbeDatabaseAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand("select 1");
            await command.ExecuteScalarAsync(ct).WaitAsync(ProbeTimeout, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return "database: " + ex.Message;
        }
    }
}

public sealed record HealthReport(string Status, IReadOnlyList<string> Problems);
