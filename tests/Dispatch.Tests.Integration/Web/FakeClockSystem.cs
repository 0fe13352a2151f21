using System.Net;
using Dispatch.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Integration.Web;

/// <summary>
/// A silo on a <see cref="FakeTimeProvider"/> starting at <paramref name="start"/> and a web app on a database of its own,
/// seeded through the API by the subclass once the web app is ready; the fixture of tests that need figures of past
/// periods.
/// </summary>
/// <param name="clusterPrefix">The start of the cluster id, naming the fixture in the membership table.</param>
public abstract class FakeClockSystem(DateTimeOffset start, string clusterPrefix) : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;

    public FakeTimeProvider Clock { get; } = new(start);

    public string ConnectionString { get; private set; } = "";

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    public Task<HttpClient> SignInAsync(string email) => Web.SignInAsync(email);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        ConnectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = clusterPrefix + "-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(ConnectionString, clusterId, time: Clock);
        web = await LocalWebApp.StartAsync(ConnectionString, clusterId);
        await Eventually.Get(async () => (await web.Client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90), "ready");
        await SeedAsync();
    }

    /// <summary>The fixture's items, registered and worked through the API while moving <see cref="Clock"/>.</summary>
    protected abstract Task SeedAsync();

    public async Task DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
        await database.DisposeAsync();
    }
}
