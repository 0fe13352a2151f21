using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Fixtures.Security;
using Dispatch.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>The real web app on Kestrel at a free loopback port, talked to with a real HttpClient.</summary>
public sealed class LocalWebApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly Task starting;

    private readonly string connectionString;

    private LocalWebApp(WebApplication app, Uri address, Task starting, string connectionString)
    {
        this.app = app;
        this.starting = starting;
        this.connectionString = connectionString;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The app's services: what the instance holds (e.g. whether it listens), its cluster client (test-only grains).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>A client signed in with a bearer token (demo password unless given).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = "Demo#12385")
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>
    /// The suite signs in as the same demo accounts from 127.0.0.1 many times: the rate limits are raised out of its way.
    /// Rate-limit tests start with <see cref="StartWithAsync"/> and production limits instead.
    /// </summary>
    public static IReadOnlyList<string> RaisedRateLimits { get; } =
    [
        "--RateLimits:SignInPerAccount:PermitLimit=100000", "--RateLimits:SignInPerAddress:PermitLimit=100000",
        "--RateLimits:IntakePerUser:PermitLimit=100000", "--RateLimits:SearchPerUser:PermitLimit=100000",
        "--RateLimits:Open311PerKey:PermitLimit=100000",
    ];

    /// <param name="extraArguments">More command-line settings, e.g. --contentRoot so the static UI is served.</param>
    public static Task<LocalWebApp> StartAsync(string connectionString, string clusterId, string environment = "Development",
        params string[] extraArguments) =>
        StartAsync(connectionString, clusterId, new WebAppSettings { Environment = environment, Arguments = extraArguments });

    /// <param name="logs">
    /// When given, every line from Information up goes there as well, from the moment the app is built (the schema step
    /// before that logs to the console only).
    /// </param>
    public static Task<LocalWebApp> StartAsync(string connectionString, string clusterId, CapturedLogs? logs, string environment = "Development",
        params string[] extraArguments) =>
        StartAsync(connectionString, clusterId, new WebAppSettings { Environment = environment, Arguments = extraArguments, Logs = logs });

    /// <summary>The web app with the configured rate limits, and services a test replaces (e.g. a FakeTimeProvider).</summary>
    public static Task<LocalWebApp> StartWithAsync(string connectionString, string clusterId, Action<IServiceCollection>? replaceServices,
        string environment = "Development", params string[] extraArguments) =>
        StartAsync(connectionString, clusterId, new WebAppSettings
        {
            Environment = environment, Arguments = extraArguments, ReplaceServices = replaceServices, RaiseRateLimits = false,
        });

    /// <summary>The web app as <paramref name="settings"/> say.</summary>
    public static async Task<LocalWebApp> StartAsync(string connectionString, string clusterId, WebAppSettings settings)
    {
        // A free port is free when it is picked; another process of a parallel test project can take it before Kestrel
        // binds it. Such a start is tried again on another free port.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortAsync(connectionString, clusterId, settings);
            }
            catch (Exception ex) when (attempt < 3 && LocalSilo.PortWasTaken(ex))
            {
            }
        }
    }

    private static async Task<LocalWebApp> StartOnFreePortAsync(string connectionString, string clusterId, WebAppSettings settings)
    {
        var address = new Uri($"http://127.0.0.1:{LocalSilo.FreePort()}");
        var logs = settings.Logs;
        var app = await DispatchWebApp.BuildAsync(
        [
            .. settings.RaiseRateLimits ? RaisedRateLimits : [],
            .. settings.Arguments,
            .. settings.Certificates.Arguments,
            $"--environment={settings.Environment}",
            $"--urls={address}",
            $"--ConnectionStrings:Dispatch={connectionString}",
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:ServiceId={clusterId}",
            logs is null ? "--Logging:LogLevel:Default=Warning" : "--Logging:LogLevel:Default=Information",
            logs is null ? "--Logging:LogLevel:Orleans=Error" : "--Logging:LogLevel:Orleans=Information",
        ], settings.ReplaceServices);
        if (logs is not null)
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        }
        // The host finishes starting only once a silo answers; Kestrel serves before that.
        var starting = app.StartAsync();
        var web = new LocalWebApp(app, address, starting, connectionString);
        try
        {
            await Eventually.Get(
                async () => starting.IsFaulted ? throw starting.Exception! : await web.TryGetLiveAsync(),
                live => live, TimeSpan.FromSeconds(60), "/health/live");
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
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
        Connections.Release(connectionString);
    }
}
