using Dispatch.Web.Health;
using Orleans.Configuration;

namespace Dispatch.Web.Hosting;

/// <summary>Joins the cluster as an Orleans client (not a silo) and keeps retrying until a silo answers.</summary>
public static class OrleansClientSetup
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public static WebApplicationBuilder AddDispatchClusterClient(this WebApplicationBuilder builder, string connectionString)
    {
        var state = new ClusterConnectionState();
        builder.Services.AddSingleton(state);
        var section = builder.Configuration.GetSection("Orleans");
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = section["ClusterId"] ?? "dispatch";
                o.ServiceId = section["ServiceId"] ?? "dispatch-12385";
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            })
            .UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                state.Failed(exception);
                using var pause = new PeriodicTimer(RetryDelay, TimeProvider.System);
                return await pause.WaitForNextTickAsync(cancellationToken);
            }));
        // Let Kestrel serve /health/live while the client is still looking for a silo.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }
}
