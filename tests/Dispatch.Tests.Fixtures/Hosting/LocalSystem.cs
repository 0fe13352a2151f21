using Dispatch.Tests.Fixtures.Security;
using Xunit;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>
/// A database of its own (every migration applied), one silo and one web app on it, started for a test class and
/// stopped after it. A subclass says what differs by overriding <see cref="WebSettings"/>, <see cref="CapturedSiloLogs"/>,
/// <see cref="Certificates"/> and <see cref="StartedAsync"/>.
/// </summary>
/// <param name="name">Starts the cluster id, so a test system's hosts are told apart in logs.</param>
public abstract class LocalSystem(string name) : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    /// <summary>The application role's connection to this system's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The schema owner's connection to the same database, for tests that change the schema.</summary>
    public string SchemaConnectionString => database.AsOwner(ConnectionString);

    public string ClusterId { get; } = name + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>How the web app starts: Development with the rate limits raised unless overridden (its certificates are <see cref="Certificates"/>).</summary>
    protected virtual WebAppSettings WebSettings => new();

    /// <summary>Where the silo's log lines go as well (from Information up), if anywhere.</summary>
    protected virtual CapturedLogs? CapturedSiloLogs => null;

    /// <summary>The cluster's mutual-TLS certificates, for the silo and the web app.</summary>
    protected virtual TestCertificates Certificates => TestCertificates.Shared;

    /// <summary>More silo settings or services before its host is built (e.g. a notification sender that records).</summary>
    protected virtual void ConfigureSilo(Microsoft.Extensions.Hosting.HostApplicationBuilder builder)
    {
    }

    /// <summary>Runs once both hosts are up, e.g. to wait until the web app is ready.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        ConnectionString = await database.CreateIsolatedDatabaseAsync();
        silo = await LocalSilo.StartAsync(ConnectionString, ClusterId, CapturedSiloLogs, Certificates, configure: ConfigureSilo);
        web = await LocalWebApp.StartAsync(ConnectionString, ClusterId, WebSettings with { Certificates = Certificates });
        await StartedAsync();
    }

    /// <summary>Stops the silo while the web app keeps running, as when the cluster's only silo dies.</summary>
    public async Task StopSiloAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
            silo = null;
        }
    }

    /// <summary>Stops the silo and starts a new one on the same database and cluster, as after a deployment.</summary>
    public async Task RestartSiloAsync()
    {
        await StopSiloAsync();
        silo = await LocalSilo.StartAsync(ConnectionString, ClusterId, CapturedSiloLogs, Certificates, configure: ConfigureSilo);
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
}
