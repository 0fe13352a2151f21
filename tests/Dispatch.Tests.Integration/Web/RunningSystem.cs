using Dispatch.Tests.Fixtures;

namespace Dispatch.Tests.Integration.Web;

/// <summary>One silo and one web app on the shared database, for the web tests of a class.</summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    public string ConnectionString { get; private set; } = "";

    /// <summary>The schema owner's connection to the same database, for tests that change the schema.</summary>
    public string SchemaConnectionString => database.AsOwner(ConnectionString);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        ConnectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "web-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(ConnectionString, clusterId);
        web = await LocalWebApp.StartAsync(ConnectionString, clusterId);
    }

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
    }

    /// <summary>A client signed in with a bearer token.</summary>
    public Task<HttpClient> SignInAsync(string email, string password = "Demo#12385") => Web.SignInAsync(email, password);
}
