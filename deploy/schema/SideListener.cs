using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Schema;

/// <summary>
/// A small HTTP listener beside a process's own ports (the silo's health probes, the metrics scrape): an empty web
/// application with routing only, no configuration sources (ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS cannot move it)
/// and no logging of its own.
/// </summary>
public sealed class SideListener : IAsyncDisposable
{
    private readonly WebApplication app;

    private SideListener(WebApplication app, IPEndPoint? bound)
    {
        this.app = app;
        Bound = bound;
    }

    /// <summary>Where the listener took its address and port (the port may have been 0: any free one).</summary>
    public IPEndPoint? Bound { get; }

    /// <param name="address">The address to bind, or null for every address.</param>
    /// <param name="map">Maps the listener's endpoints.</param>
    public static async Task<SideListener> StartAsync(IPAddress? address, int port, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            if (address is null)
            {
                k.ListenAnyIP(port);
            }
            else
            {
                k.Listen(address, port);
            }
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        map(app);
        await app.StartAsync(cancellationToken);
        var bound = app.Urls.Select(url => new Uri(url)).Select(uri => new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port)).FirstOrDefault();
        return new SideListener(app, bound);
    }

    public Task StopAsync(CancellationToken cancellationToken) => app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
