using Dispatch.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
    private WebApplication? listener;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Port is not { } port)
        {
            return;
        }
        // An empty builder: no configuration sources, so ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS of a container image
        // cannot move this listener, and no logging of its own.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.ListenAnyIP(port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/health/live", () => TypedResults.Ok(new SiloHealthReport("live", [])));
        app.MapGet("/health/ready", ReadyAsync);
        await app.StartAsync(cancellationToken);
        listener = app;
        LogListening(port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (listener is not null)
        {
            await listener.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (listener is not null)
        {
            await listener.DisposeAsync();
        }
    }

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
