using Dispatch.Schema;
using Dispatch.Schema.Security;
using Dispatch.Silo.Hosting;
using Orleans.Configuration;

return await StartupProblem.RunAsync(async () =>
{
    var builder = Host.CreateApplicationBuilder(args);
    var connectionString = DatabaseConnection.Resolve(builder.Configuration);
    var endpoints = SiloEndpointSettings.From(builder.Configuration);
    var certificates = ClusterCertificates.Load(builder.Configuration);
    using (var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true)))
    {
        await DatabaseSetup.PrepareAsync(builder.Configuration, loggerFactory, TimeProvider.System);
    }

    builder.UseOrleans(silo => silo
        .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId))
        .ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false)
        .UseClusterTls(certificates)
        .AddDispatchProviders(connectionString));
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

    await builder.Build().RunAsync();
});
