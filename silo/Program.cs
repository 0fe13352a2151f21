using Dispatch.Schema;
using Dispatch.Schema.Security;
using Dispatch.Silo.Hosting;

return await StartupProblem.RunAsync(async () =>
{
    var builder = Host.CreateApplicationBuilder(args);
    if (SchemaStepCommand.IsRequested(args))
    {
        await SchemaStepCommand.RunAsync(builder.Configuration);
        return;
    }
    var connectionString = DatabaseConnection.Resolve(builder.Configuration);
    var endpoints = SiloEndpointSettings.From(builder.Configuration);
    var certificates = ClusterCertificates.Load(builder.Configuration);
    using (var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true)))
    {
        await DatabaseSetup.PrepareAsync(builder.Configuration, loggerFactory, TimeProvider.System);
    }

    // Registered before the silo, so the probes answer (not ready) while the silo is still joining the cluster.
    builder.Services.AddSingleton(SiloHealthSettings.From(builder.Configuration));
    builder.Services.AddHostedService<SiloHealthEndpoints>();
    builder.UseOrleans(silo => silo
        .UseDispatchEndpoints(endpoints)
        .UseClusterTls(certificates)
        .AddDispatchProviders(connectionString)
        .AddDispatchDiagnostics());
    builder.AddDispatchSiloTelemetry();

    using var host = builder.Build();
    var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
    try
    {
        await host.RunAsync();
    }
    catch (OrleansLifecycleCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
    {
        // A stop asked for (SIGTERM, Ctrl+C) while the silo was still starting: the silo has already shut down.
        await Console.Out.WriteLineAsync("Stopped while starting.");
    }
});
