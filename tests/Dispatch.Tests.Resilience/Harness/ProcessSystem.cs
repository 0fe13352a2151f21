using System.Net;
using System.Net.Sockets;
using Dispatch.Tests.Fixtures.Security;
using Npgsql;

namespace Dispatch.Tests.Resilience.Harness;

/// <summary>
/// The system as deploy/run.sh runs it, in real processes: silos (<c>dotnet Dispatch.Silo.dll</c>) and web apps
/// (<c>dotnet Dispatch.Web.dll</c>) from their Release output, one cluster id, mutual TLS with the test run's
/// certificates, the Development demo accounts, on one database. Disposing it kills every process it started.
/// </summary>
public sealed class ProcessSystem : IDisposable
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(300);
    private readonly List<ChildProcess> silos = [];
    private readonly List<ChildProcess> webs = [];
    private readonly HashSet<ChildProcess> killed = [];
    private readonly string connectionString;
    private readonly string clusterId;

    private ProcessSystem(string connectionString, string clusterId)
    {
        this.connectionString = connectionString;
        this.clusterId = clusterId;
    }

    public IReadOnlyList<ChildProcess> Silos => silos;

    public IReadOnlyList<ChildProcess> Webs => webs;

    /// <summary>How long the start took, until every web app was ready.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>Where each web app listens, in the order of <see cref="Webs"/>.</summary>
    public IReadOnlyList<Uri> WebAddresses { get; private set; } = [];

    /// <summary>
    /// Starts the silos and the web apps and waits until every silo is active in the membership table and every web app
    /// answers /health/ready.
    /// </summary>
    /// <param name="connectionString">The application role's connection (dispatch_app).</param>
    /// <param name="schemaConnectionString">The schema owner's connection (dispatch_owner) for the schema step.</param>
    public static async Task<ProcessSystem> StartAsync(string connectionString, string schemaConnectionString, int siloCount, int webCount)
    {
        var system = new ProcessSystem(connectionString, "resilience-" + Guid.NewGuid().ToString("N")[..8]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var root = RepositoryRoot.Find();
            var configuration = BuildConfiguration();
            var siloDll = Path.Combine(root, "silo", "bin", configuration, "net10.0", "Dispatch.Silo.dll");
            var webDll = Path.Combine(root, "client-web", "bin", configuration, "net10.0", "Dispatch.Web.dll");
            // Like deploy/run.sh: the first silo alone, then the others, then the web apps. Only the first runs the schema step
            // as the schema owner; the rest wait for the schema as the application role. (Every process taking the schema
            // step's advisory lock at once on two busy cores made one wait past Npgsql's 30 s command timeout and exit.)
            for (var i = 1; i <= siloCount; i++)
            {
                var environment = system.SiloEnvironment(FreePort(), FreePort());
                if (i == 1)
                {
                    environment["ConnectionStrings__DispatchSchema"] = schemaConnectionString;
                }
                system.silos.Add(ChildProcess.Start($"silo-{i}", siloDll, Path.Combine(root, "silo"), environment));
                if (i == 1)
                {
                    await system.WaitForActiveSilosAsync(1, StartWithin);
                }
            }
            await system.WaitForActiveSilosAsync(siloCount, StartWithin);
            // The web apps one after another: the first seeds the demo accounts under an advisory lock, and a second one
            // waiting for that lock longer than Npgsql's 30 s command timeout exits ("Database unreachable").
            var addresses = new List<Uri>();
            system.WebAddresses = addresses;
            for (var i = 1; i <= webCount; i++)
            {
                var address = new Uri($"http://127.0.0.1:{FreePort()}");
                addresses.Add(address);
                system.webs.Add(ChildProcess.Start($"web-{i}", webDll, Path.Combine(root, "client-web"), system.WebEnvironment(), "--urls", address.ToString()));
                await system.WaitReadyAsync(address, StartWithin);
            }
            system.StartedIn = clock.Elapsed;
            return system;
        }
        catch (Exception ex)
        {
            var report = system.Report();
            system.Dispose();
            throw new InvalidOperationException("The system did not start: " + ex.Message + Environment.NewLine + report, ex);
        }
    }

    /// <summary>Waits until exactly <paramref name="count"/> silos of this cluster are active in the membership table.</summary>
    public async Task WaitForActiveSilosAsync(int count, TimeSpan within)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Eventually.Get(async () =>
        {
            ThrowIfAnyExited();
            try
            {
                await using var command = dataSource.CreateCommand("select count(*) from orleans_membership where deployment_id = $1 and status = 3");
                command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
                return (long)(await command.ExecuteScalarAsync())!;
            }
            catch (NpgsqlException)
            {
                return -1L;
            }
        }, active => active == count, within, $"{count} active silos in cluster {clusterId}");
    }

    /// <summary>Waits until the web app at <paramref name="address"/> answers /health/ready with 200.</summary>
    public async Task WaitReadyAsync(Uri address, TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.Get(async () =>
        {
            ThrowIfAnyExited();
            try
            {
                using var response = await client.GetAsync("/health/ready");
                return response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (HttpStatusCode)0;
            }
        }, status => status == HttpStatusCode.OK, within, $"{address}health/ready");
    }

    /// <summary>The last lines of every process, for a failing test's message.</summary>
    public string Report() => string.Join(Environment.NewLine, silos.Concat(webs).Select(p =>
        $"--- {p.Name} (pid {p.Id}{(p.HasExited ? ", exited" : "")}) ---{Environment.NewLine}{string.Join(Environment.NewLine, p.Output.TakeLast(40))}"));

    public void Dispose()
    {
        foreach (var process in webs.Concat(silos))
        {
            process.Dispose();
        }
    }

    private void ThrowIfAnyExited()
    {
        var exited = silos.Concat(webs).FirstOrDefault(p => p.HasExited && !killed.Contains(p));
        if (exited is not null)
        {
            throw new InvalidOperationException($"{exited.Name} exited during start-up");
        }
    }

    /// <summary>SIGKILLs one process of the system and remembers that its end was meant.</summary>
    public async Task KillAsync(ChildProcess process)
    {
        killed.Add(process);
        await process.KillAsync();
    }

    private Dictionary<string, string?> SiloEnvironment(int siloPort, int gatewayPort) => new(Common())
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private Dictionary<string, string?> WebEnvironment() => new(Common())
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        // The load signs in and registers far above the production limits, as the benchmark does.
        ["RateLimits__IntakePerUser__PermitLimit"] = "100000000",
        ["RateLimits__SearchPerUser__PermitLimit"] = "100000000",
        ["RateLimits__SignInPerAccount__PermitLimit"] = "100000",
        ["RateLimits__SignInPerAddress__PermitLimit"] = "100000",
    };

    private Dictionary<string, string?> Common()
    {
        var certificates = TestCertificates.Shared;
        return new Dictionary<string, string?>
        {
            ["ConnectionStrings__Dispatch"] = connectionString,
            // Unset (the tests' own environment may name the fixture's database): only the first silo gets it.
            ["ConnectionStrings__DispatchSchema"] = null,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__Tls__CertificatePath"] = certificates.NodeCertificatePath,
            ["Orleans__Tls__KeyPath"] = certificates.NodeKeyPath,
            ["Orleans__Tls__CaPath"] = certificates.CaPath,
            ["DataProtection__CertificatePath"] = certificates.DataProtectionCertificatePath,
            ["DataProtection__KeyPath"] = certificates.DataProtectionKeyPath,
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
    }

    /// <summary>The configuration the tests were built in (their folder is bin/&lt;configuration&gt;/net10.0).</summary>
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
