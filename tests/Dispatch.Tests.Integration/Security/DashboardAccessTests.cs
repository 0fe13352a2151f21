using System.Net;
using Dispatch.Tests.Integration.Security.Matrix;
using Dispatch.Tests.Integration.Web;
using Dispatch.Web.Auth;
using Dispatch.Web.Security;
using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Security;

/// <summary>
/// The Orleans dashboard, which the authorization matrix does not see (it is not in the OpenAPI document): every route
/// under /dashboard needs the administrator policy, and its page and reads answer 401 to nobody, 403 to every other
/// role of the matrix and 200 to an administrator, with the page's own content policy.
/// </summary>
public sealed class DashboardAccessTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private static readonly string[] Paths = ["/dashboard/", "/dashboard/index.min.js", "/dashboard/ClusterStats", "/dashboard/DashboardCounters", "/dashboard/Reminders"];

    [Fact]
    public void Every_dashboard_route_requires_the_administrator_policy()
    {
        var routes = system.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/dashboard", StringComparison.Ordinal) == true).ToList();

        output.WriteLine($"[figure] dashboard routes: {routes.Count}");
        routes.Should().HaveCountGreaterThan(5);
        routes.Should().OnlyContain(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin),
            "the dashboard shows the cluster's grains and state: administrators only");
    }

    [Fact]
    public async Task Only_an_administrator_opens_the_dashboard_and_reads_its_figures()
    {
        var wrong = new List<string>();
        foreach (var principal in Principal.All)
        {
            using var client = principal.Anonymous ? new HttpClient { BaseAddress = system.Web.Address } : await system.SignInAsync(principal.Email!);
            var expected = principal.Anonymous ? HttpStatusCode.Unauthorized : principal.IsAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            foreach (var path in Paths)
            {
                var response = await client.GetAsync(path);
                if (response.StatusCode != expected)
                {
                    wrong.Add($"{principal} GET {path}: {(int)response.StatusCode}, expected {(int)expected}");
                }
            }
        }

        output.WriteLine($"[figure] dashboard access: {Principal.All.Count * Paths.Length} cells, {wrong.Count} wrong");
        wrong.Should().BeEmpty();
    }

    [Fact]
    public async Task The_dashboard_page_gets_its_font_policy_and_no_inline_script()
    {
        using var admin = await system.SignInAsync(Principal.Admin.Email!);

        var page = await admin.GetAsync("/dashboard/");
        var api = await admin.GetAsync("/api/reference/counties");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Be(SecurityHeaders.DashboardPolicy);
        SecurityHeaders.DashboardPolicy.Should().Contain("script-src 'self';");
        api.Headers.GetValues("Content-Security-Policy").Single().Should().Be(SecurityHeaders.ContentSecurityPolicy);
    }
}
