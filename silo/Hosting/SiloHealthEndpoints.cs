using Dispatch.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Orleans.Runtime;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// The silo's probes for container health checks and Kubernetes, on their own small HTTP listener (Health:Port, every
/// address): /health/live answers while the process runs; /health/ready answers 200 only once the silo has finished
/// starting, while it is an active member of the cluster and PostgreSQL answers, otherwise 503 with the reasons. Without Health:Port nothing listens.
/// </summary>
public sealed partial class SiloHealthEndpoints(IServiceProvider silo, SiloHealthSettings settings, ILogger<SiloHealthEndpoints> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private SideListener? listener;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Port is not { } port)
        {
            return;
        }
        listener = await SideListener.StartAsync(null, port, app =>
        {
            app.MapGet("/health/live", () => TypedResults.Ok(new SiloHealthReport("live", [])));
            app.MapGet("/health/ready", ReadyAsync);
        }, cancellationToken);
        LogListening(port);
    }

    public Task StopAsync(CancellationToken cancellationToken) => listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => listener?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<IResult> ReadyAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        if (!silo.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
        {
            // Active in the cluster comes before the last start-up stages (grain services): ready means all of it ran.
            problems.Add("starting: the silo has not finished starting");
        }
        var membership = silo.GetRequiredService<IClusterMembershipService>();
        var self = silo.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var status = membership.CurrentSnapshot.GetSiloStatus(self);
        if (status != SiloStatus.Active)
        {
            problems.Add($"cluster: this silo is {status}, not active");
        }
        if (await DatabaseProbe.ProblemAsync(silo.GetRequiredService<NpgsqlDataSource>(), ProbeTimeout, ct) is { } databaseProblem)
        {
            problems.Add(databaseProblem);
        }
        return problems.Count == 0
            ? TypedResults.Ok(new SiloHealthReport("ready", []))
            : TypedResults.Json(new SiloHealthReport("not_ready", problems), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health probes on port {Port}: /health/live, /health/ready")]
    private partial void LogListening(int port);
}

public sealed record SiloHealthReport(string Status, IReadOnlyList<string> Problems);
