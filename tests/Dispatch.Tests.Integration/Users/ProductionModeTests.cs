using FluentAssertions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Schema;
using Dispatch.Web.Hosting;
using Npgsql;

namespace Dispatch.Tests.Integration.Users;

[Collection(PostgresCollection.Name)]
public sealed class ProductionModeTests(PostgresFixture database)
{
    [Fact]
    public async Task The_first_production_start_creates_one_administrator_who_must_change_the_password_and_no_demo_account()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var credentials = Path.Combine(Path.GetTempPath(), $"dispatch-admin-{Guid.NewGuid():N}", "first-admin.txt");
        var clusterId = "prod-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await LocalSilo.StartAsync(connectionString, clusterId);
        await using var web = await LocalWebApp.StartAsync(connectionString, clusterId, "Production",
            $"--Bootstrap:CredentialFile={credentials}", "--Bootstrap:AdminEmail=admin@example.org");
        try
        {
            File.Exists(credentials).Should().BeTrue();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(credentials).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            var lines = (await File.ReadAllLinesAsync(credentials)).ToDictionary(l => l.Split('=', 2)[0], l => l.Split('=', 2)[1]);
            lines["email"].Should().Be("admin@example.org");

            await using var data = NpgsqlDataSource.Create(connectionString);
            (await ScalarAsync(data, """select count(*) from "AspNetUsers" where "NormalizedEmail" like '%@JX12385.TEST'""")).Should().Be(0);
            (await ScalarAsync(data, """
                select count(*) from "AspNetUsers" u join "AspNetUserRoles" ur on ur."UserId" = u."Id"
                join "AspNetRoles" r on r."Id" = ur."RoleId" where r."Name" = 'admin' and u."MustChangePassword"
                """)).Should().Be(1);
            (await ScalarAsync(data, """select count(*) from "AspNetUsers" """)).Should().Be(1);

            var demo = await web.Client.PostAsJsonAsync("/api/auth/login", new { email = "operator@jx12385.test", password = "Demo#12385" });
            demo.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

            var login = await web.Client.PostAsJsonAsync("/api/auth/login", new { email = lines["email"], password = lines["password"] });
            login.StatusCode.Should().Be(HttpStatusCode.OK);
            using var admin = new HttpClient { BaseAddress = web.Address };
            admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
            me.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
            var refused = await admin.GetAsync("/api/admin/users");
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("password_change_required");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(credentials)!, recursive: true);
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_while_a_demo_account_exists()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        await using (var data = NpgsqlDataSource.Create(connectionString))
        await using (var insert = data.CreateCommand("""
            insert into "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            values ('demo-1', 'operator@jx12385.test', 'OPERATOR@JX12385.TEST', 'operator@jx12385.test', 'OPERATOR@JX12385.TEST',
                true, false, false, true, 0)
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }
        var act = () => DispatchWebApp.BuildAsync(
        [
            "--environment=Production",
            $"--ConnectionStrings:Dispatch={connectionString}",
            .. Dispatch.Tests.Fixtures.Security.TestCertificates.Shared.Arguments,
            "--Bootstrap:CredentialFile=/nonexistent/never-written.txt",
            "--Logging:LogLevel:Default=Warning",
        ]);
        (await act.Should().ThrowAsync<StartupConfigurationException>())
            .Which.Message.Should().Contain("Demo accounts exist").And.Contain("operator@jx12385.test").And.Contain("演示账号");
    }

    [Theory]
    [InlineData("http://0.0.0.0:18080")]
    [InlineData("http://192.168.1.20:18080")]
    [InlineData("http://*:18080")]
    public async Task Production_refuses_plain_http_beyond_loopback_and_names_the_switch(string url)
    {
        var act = () => DispatchWebApp.BuildAsync(
        [
            "--environment=Production",
            $"--urls={url}",
            $"--ConnectionStrings:Dispatch={database.ConnectionString}",
            .. Dispatch.Tests.Fixtures.Security.TestCertificates.Shared.Arguments,
            "--Logging:LogLevel:Default=Warning",
        ]);
        (await act.Should().ThrowAsync<StartupConfigurationException>())
            .Which.Message.Should().Contain("Proxy:TlsTerminated=true").And.Contain("明文");
    }

    [Fact]
    public async Task Production_refuses_http_ports_without_urls_as_they_listen_on_every_address()
    {
        var act = () => DispatchWebApp.BuildAsync(
        [
            "--environment=Production",
            "--http_ports=18080",
            $"--ConnectionStrings:Dispatch={database.ConnectionString}",
            .. Dispatch.Tests.Fixtures.Security.TestCertificates.Shared.Arguments,
            "--Logging:LogLevel:Default=Warning",
        ]);
        (await act.Should().ThrowAsync<StartupConfigurationException>()).Which.Message.Should().Contain("http://*:18080");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
