using Dispatch.Schema.Security;
using Dispatch.Web.Health;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Dashboard;

namespace Dispatch.Web.Hosting;

/// <summary>
/// Joins the cluster as an Orleans client (not a silo) over mutual TLS (Orleans:Tls: a certificate of the installation's CA;
/// only silos presenting one are trusted) and keeps retrying until a silo answers.
/// </summary>
public static class OrleansClientSetup
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddDispatchClusterClient(this WebApplicationBuilder builder, string connectionString)
    {
        var state = new ClusterConnectionState();
        builder.Services.AddSingleton(state);
        var section = builder.Configuration.GetSection("Orleans");
        var certificates = ClusterCertificates.Load(builder.Configuration);
        builder.UseOrleansClient(client => client
            .UseTls(certificates.Node, options =>
            {
                options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                options.RemoteCertificateValidation = certificates.Validate;
            })
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = section["ClusterId"] ?? "dispatch";
                o.ServiceId = section["ServiceId"] ?? "dispatch-12385";
            })
            // A call whose silo died is never answered: fail it after a few seconds so FailoverRetry can try another silo
            // (Orleans' default is 30 s, beyond any retry budget). Orleans:ResponseTimeout, 5 s unless set.
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = section.GetValue("ResponseTimeout", DefaultResponseTimeout))
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            })
            // Grain calls carry the request's trace context into the silo, and the Orleans dashboard's reads go through this client.
            .AddActivityPropagation()
            .AddDashboard()
            .UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                state.Failed(exception);
                using var pause = new PeriodicTimer(RetryDelay, TimeProvider.System);
                return await pause.WaitForNextTickAsync(cancellationToken);
            }));
        // A call the silo refuses at its door (a platform actor, a silo-only method) is a forbidden request, and a cluster or
        // database that cannot answer just now is 503 with Retry-After (Unavailable): neither is a server fault.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = Unavailable.StatusOf);
        // Let Kestrel serve /health/live while the client is still looking for a silo.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }
}
