using System.Net;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>Every kind of answer carries the security headers; the page's policy allows no inline script.</summary>
public sealed class SecurityHeadersTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/js/app.js", HttpStatusCode.OK)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await system.Web.Client.GetAsync(path);

        response.StatusCode.Should().Be(status);
        ShouldCarryTheHeaders(response);
    }

    [Fact]
    public async Task An_api_answer_and_a_problem_from_an_endpoint_carry_them_too()
    {
        var tokens = await system.BearerSignInAsync("operator@jx12385.test");
        using var client = system.Bearer(tokens.AccessToken);

        var answer = await client.GetAsync("/api/reference/counties");
        var problem = await client.PostAsync("/api/tickets", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        ShouldCarryTheHeaders(answer);
        problem.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        ShouldCarryTheHeaders(problem);
    }

    [Fact]
    public async Task The_page_policy_allows_scripts_only_from_this_origin()
    {
        var response = await system.Web.Client.GetAsync("/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scriptSrc.Should().Be("script-src 'self'");
        policy.Should().Contain("frame-ancestors 'none'").And.Contain("object-src 'none'");
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_handler()
    {
        var html = await system.Web.Client.GetStringAsync("/");

        html.Should().NotMatchRegex(@"<script(?![^>]*\bsrc=)[^>]*>", "every script is a file");
        html.Should().NotMatchRegex(@"\son[a-z]+\s*=", "no inline event handlers");
    }

    [Fact]
    public async Task The_api_reference_page_still_loads_its_script_from_this_origin()
    {
        var page = await system.Web.Client.GetAsync("/api/docs");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        ShouldCarryTheHeaders(page, scriptSrc: "script-src 'self' 'unsafe-inline'");
    }

    [Fact]
    public async Task Development_over_plain_http_sends_no_hsts_but_the_other_headers()
    {
        // HSTS is only sent over HTTPS (behind the proxy, X-Forwarded-Proto: https); development never sends it.
        var response = await system.Web.Client.GetAsync("/health/live");

        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        ShouldCarryTheHeaders(response);
    }

    private static void ShouldCarryTheHeaders(HttpResponseMessage response, string scriptSrc = "script-src 'self'")
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
        Header("Content-Security-Policy").Should().Contain("frame-ancestors 'none'").And.Contain(scriptSrc + ";");
        Header("X-Content-Type-Options").Should().Be("nosniff");
        Header("Referrer-Policy").Should().Be("no-referrer");
        Header("Permissions-Policy").Should().Contain("camera=()");
        Header("X-Frame-Options").Should().Be("DENY");
    }
}
