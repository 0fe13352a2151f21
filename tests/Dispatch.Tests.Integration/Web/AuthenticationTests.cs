using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Schema;
using Dispatch.Tests.Fixtures;
using Dispatch.Web.Hosting;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

public sealed class AuthenticationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("operator@jx12385.test", "operator", null, null)]
    [InlineData("admin@jx12385.test", "admin", null, null)]
    [InlineData("supervisor@jx12385.test", "supervisor", null, "330400")]
    [InlineData("supervisor.330483@jx12385.test", "supervisor", null, "330483")]
    [InlineData("staff.330402-centre@jx12385.test", "unit_staff", "330402-CENTRE", null)]
    public async Task Each_demo_role_signs_in_and_carries_its_scope(string email, string role, string? unit, string? area)
    {
        using var client = await system.SignInAsync(email);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("role").GetString().Should().Be(role);
        me.GetProperty("email").GetString().Should().Be(email);
        me.GetProperty("unitCode").GetString().Should().Be(unit);
        me.GetProperty("areaCode").GetString().Should().Be(area);
    }

    [Fact]
    public async Task The_session_probe_answers_200_signed_in_or_not()
    {
        using var op = await system.SignInAsync("operator@jx12385.test");
        var anonymous = await system.Web.Client.GetFromJsonAsync<JsonElement>("/api/auth/session");
        var signedIn = await op.GetFromJsonAsync<JsonElement>("/api/auth/session");

        anonymous.GetProperty("signedIn").GetBoolean().Should().BeFalse();
        anonymous.GetProperty("user").ValueKind.Should().Be(JsonValueKind.Null);
        signedIn.GetProperty("signedIn").GetBoolean().Should().BeTrue();
        signedIn.GetProperty("user").GetProperty("role").GetString().Should().Be("operator");
    }

    [Fact]
    public async Task Wrong_password_gets_401_with_bilingual_problem_details()
    {
        var response = await system.Web.Client.PostAsJsonAsync("/api/auth/login", new { email = "operator@jx12385.test", password = "not-the-password" });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("invalid_credentials");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("密码");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("password");
    }

    [Fact]
    public async Task Api_without_a_token_gets_401_problem_details()
    {
        var response = await system.Web.Client.GetAsync("/api/reference/counties");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(401);
        problem.GetProperty("en").GetProperty("title").GetString().Should().Be("Not signed in");
    }

    [Fact]
    public async Task Cookie_sign_in_works_for_the_browser()
    {
        using var handler = new HttpClientHandler { UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = system.Web.Address };
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "operator@jx12385.test", password = "Demo#12385" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("role").GetString().Should().Be("operator");
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_while_a_demo_account_exists()
    {
        var act = () => DispatchWebApp.BuildAsync(
        [
            "--environment=Production",
            $"--ConnectionStrings:Dispatch={system.ConnectionString}",
            .. Dispatch.Tests.Fixtures.Security.TestCertificates.Shared.Arguments,
            "--Logging:LogLevel:Default=Warning",
        ]);
        (await act.Should().ThrowAsync<StartupConfigurationException>())
            .Which.Message.Should().Contain("Demo accounts exist");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_auth_and_reference_endpoints()
    {
        var document = await system.Web.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/auth/login", "/api/reference/counties", "/api/reference/units"]);
    }
}
