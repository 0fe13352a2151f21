using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Tests.Integration.Web;

namespace Dispatch.Tests.Integration.Live;

/// <summary>One silo and two web instances on one database: browsers on either instance must hear every change.</summary>
public sealed class LiveSystem : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;

    public LocalWebApp WebA { get; private set; } = null!;

    public LocalWebApp WebB { get; private set; } = null!;

    /// <summary>The system's own database, for tests that read the read models as SQL would.</summary>
    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var connectionString = ConnectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "live-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(connectionString, clusterId);
        WebA = await LocalWebApp.StartAsync(connectionString, clusterId);
        WebB = await LocalWebApp.StartAsync(connectionString, clusterId);
        // Ready means the instance has subscribed to the cluster's live feed.
        foreach (var web in new[] { WebA, WebB })
        {
            await Eventually.Get(() => web.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var web in new[] { WebA, WebB })
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    public static async Task<string> TokenAsync(LocalWebApp web, string email)
    {
        var response = await web.Client.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo#12385" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    public static async Task<HttpClient> ClientAsync(LocalWebApp web, string email)
    {
        var client = new HttpClient { BaseAddress = web.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(web, email));
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}
