using System.Net;
using System.Net.Sockets;
using Dispatch.Tests.Fixtures.Security;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>
/// The published silo run the way the images and units run it (from its publish folder, configured by environment
/// variables): the schema step as a one-shot command, then a silo that holds only the application role's connection
/// and answers its health probes on Health__Port.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class PublishedSiloTests(PublishedApps published, PostgresFixture postgres)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_schema_verb_prepares_an_empty_database_and_a_silo_without_the_owner_s_connection_then_becomes_ready()
    {
        var database = "dispatch_deploy_" + Guid.NewGuid().ToString("N")[..10];
        await using (var owner = NpgsqlDataSource.Create(postgres.SchemaConnectionString))
        await using (var create = owner.CreateCommand($"create database {database}"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var schemaConnection = new NpgsqlConnectionStringBuilder(postgres.SchemaConnectionString) { Database = database }.ConnectionString;
        var applicationConnection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database }.ConnectionString;

        var (schemaExit, schemaOutput) = await CommandLine.RunAsync("dotnet", ["Dispatch.Silo.dll", "schema"], published.Silo, Within,
            Environment(("ConnectionStrings__DispatchSchema", schemaConnection), ("ConnectionStrings__Dispatch", null)));

        schemaExit.Should().Be(0, schemaOutput);
        schemaOutput.Should().Contain("Schema step done");

        var certificates = TestCertificates.Shared;
        var healthPort = FreePort();
        using var silo = CommandLine.Start("dotnet", ["Dispatch.Silo.dll"], published.Silo, Environment(
            ("ConnectionStrings__Dispatch", applicationConnection),
            ("ConnectionStrings__DispatchSchema", null),
            ("Database__SchemaWaitSeconds", "10"),
            ("Orleans__ClusterId", "deploy-" + Guid.NewGuid().ToString("N")[..8]),
            ("Orleans__SiloPort", FreePort().ToString()),
            ("Orleans__GatewayPort", FreePort().ToString()),
            ("Orleans__Tls__CertificatePath", certificates.NodeCertificatePath),
            ("Orleans__Tls__KeyPath", certificates.NodeKeyPath),
            ("Orleans__Tls__CaPath", certificates.CaPath),
            ("Health__Port", healthPort.ToString())));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}"), Timeout = TimeSpan.FromSeconds(5) };

        var ready = await Eventually.Get(() => StatusAsync(http, "/health/ready", silo), s => s == HttpStatusCode.OK, Within, "the silo's readiness");

        ready.Should().Be(HttpStatusCode.OK);
        (await http.GetStringAsync("/health/ready")).Should().Be("""{"status":"ready","problems":[]}""");
        (await StatusAsync(http, "/health/live", silo)).Should().Be(HttpStatusCode.OK);
        await silo.TerminateAsync();
        (await silo.WaitForExitAsync(Within)).Should().Be(0, "SIGTERM stops the silo gracefully; its output:\n" + silo.Output);
    }

    [Fact]
    public async Task The_schema_verb_without_the_owner_s_connection_stops_with_one_line_and_exit_code_2()
    {
        var (exit, output) = await CommandLine.RunAsync("dotnet", ["Dispatch.Silo.dll", "schema"], published.Silo, Within,
            Environment(("ConnectionStrings__DispatchSchema", null)));

        exit.Should().Be(2);
        output.Should().Contain("FATAL Configuration error: The schema step needs the schema owner's connection: set ConnectionStrings__DispatchSchema.");
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path, CommandLine silo)
    {
        if (silo.HasExited)
        {
            throw new InvalidOperationException("The silo exited:\n" + silo.Output);
        }
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private static Dictionary<string, string?> Environment(params (string Key, string? Value)[] settings)
    {
        var environment = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production" };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        return environment;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
