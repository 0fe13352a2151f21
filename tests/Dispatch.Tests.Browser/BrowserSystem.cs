using System.Collections.Concurrent;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Fixtures.Hosting;
using Microsoft.Playwright;

namespace Dispatch.Tests.Browser;

/// <summary>
/// The real system (PostgreSQL, one silo, the web app serving client-web/wwwroot) and Debian's Chromium,
/// started once for all browser tests.
/// </summary>
public sealed class BrowserSystem : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "Demo#12385";

    /// <summary>
    /// The browser contexts opened since the running test began (the browser collection runs one test at a time). Left
    /// open, every earlier test's pages would keep their live connections, timers and charts busy for the rest of the run.
    /// </summary>
    private static readonly ConcurrentQueue<IBrowserContext> OpenContexts = new();

    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => web?.Address ?? throw new InvalidOperationException("Not started.");

    public HttpClient Anonymous => web?.Client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}; run 'bash deploy/ui-tools.sh chromium' (deploy/test.sh does).");
        }
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "browser-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(connectionString, clusterId);
        var contentRoot = Path.Combine(RepositoryRoot.Find(), "client-web");
        web = await LocalWebApp.StartAsync(connectionString, clusterId, "Development", $"--contentRoot={contentRoot}");
        // CI shares two cores between test projects: give the page time rather than fail on a slow moment.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>A fresh browser profile at the given screen size, Chinese by default like a new user's.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        OpenContexts.Enqueue(context);
        return await context.NewPageAsync();
    }

    /// <summary>Closes every context the running test opened (see <see cref="BrowserTest"/>).</summary>
    public static async Task CloseOpenContextsAsync()
    {
        while (OpenContexts.TryDequeue(out var context))
        {
            await context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
        }
        if (web is not null)
        {
            await web.DisposeAsync();
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystem>
{
    public const string Name = "browser";
}
