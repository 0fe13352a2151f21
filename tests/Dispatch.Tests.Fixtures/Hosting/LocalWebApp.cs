using Dispatch.Tests.Fixtures.Security;
using Dispatch.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>The real web app on Kestrel at a free loopback port, talked to with a real HttpClient.</summary>
public sealed class LocalWebApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly Task starting;

    private LocalWebApp(WebApplication app, Uri address, Task starting)
    {
        this.app = app;
        this.starting = starting;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <param name="extraArguments">More command-line settings, e.g. --contentRoot so the static UI is served.</param>
    public static async Task<LocalWebApp> StartAsync(string connectionString, string clusterId, string environment = "Development",
        params string[] extraArguments)
    {
        var address = new Uri($"http://127.0.0.1:{LocalSilo.FreePort()}");
        var app = await DispatchWebApp.BuildAsync(
        [
            .. extraArguments,
            .. TestCertificates.Shared.Arguments,
            $"--environment={environment}",
            $"--urls={address}",
            $"--ConnectionStrings:Dispatch={connectionString}",
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:ServiceId={clusterId}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
        ]);
        // The host finishes starting only once a silo answers; Kestrel serves before that.
        var starting = app.StartAsync();
        var web = new LocalWebApp(app, address, starting);
        await Eventually.Get(
            async () => starting.IsFaulted ? throw starting.Exception! : await web.TryGetLiveAsync(),
            live => live, TimeSpan.FromSeconds(60), "/health/live");
        return web;
    }

    private async Task<bool> TryGetLiveAsync()
    {
        try
        {
            return (await Client.GetAsync("/health/live")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await starting.ContinueWith(_ => { }, TaskScheduler.Default);
        await app.DisposeAsync();
    }
}
