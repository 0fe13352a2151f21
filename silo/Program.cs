using Dispatch.Schema;
using Dispatch.Silo.Hosting;
using Orleans.Configuration;

return await StartupProblem.RunAsync(async () =>
{
    var builder = Host.CreateApplicationBuilder(args);
    var connectionString = DatabaseConnection.Resolve(builder.Configuration);
    var endpoints = SiloEndpointSettings.From(builder.Configuration);
    using (var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true)))
    {
        await DispatchSiloExtensions.PrepareDatabaseAsync(connectionString, loggerFactory, CancellationToken.None);
    }

    builder.UseOrleans(silo => silo
        .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId))
        .ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false)
        .AddDispatchProviders(connectionString));
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

    await builder.Build().RunAsync();
});
