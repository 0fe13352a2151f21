using System.Net;
using System.Net.Http.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Fixtures.Hosting;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>One silo and one web app on their own database, every log line of both kept for the personal-data scan.</summary>
public sealed class ScanSystem : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;

    public CapturedLogs SiloLogs { get; } = new();

    public CapturedLogs WebLogs { get; } = new();

    public LocalWebApp Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "scan-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(connectionString, clusterId, SiloLogs);
        Web = await LocalWebApp.StartAsync(connectionString, clusterId, WebLogs);
        await Eventually.Get(() => Web.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");
    }

    public async Task DisposeAsync()
    {
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    public Task<HttpClient> SignInAsync(string email) => Web.SignInAsync(email);
}
