using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>Cookie-authenticated state changes need the antiforgery token; bearer calls do not; hubs refuse other origins.</summary>
public sealed class AntiforgeryTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    private const string Operator = "operator@jx12385.test";

    [Fact]
    public async Task A_cookie_post_without_the_token_is_refused_and_registers_nothing()
    {
        using var browser = await system.CookieSignInAsync(Operator);
        var key = Guid.NewGuid().ToString();

        var refused = await TicketApi.RegisterAsync(browser, TicketApi.Intake(), key);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("antiforgery_invalid");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("令牌");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("antiforgery token");
        browser.DefaultRequestHeaders.Add("X-XSRF-TOKEN", await SecuredSystem.AntiforgeryTokenAsync(browser));
        var accepted = await TicketApi.RegisterAsync(browser, TicketApi.Intake(), key);
        accepted.StatusCode.Should().Be(HttpStatusCode.Created, "the same Idempotency-Key registers anew: the refused call left nothing behind");
    }

    [Fact]
    public async Task A_token_of_another_session_is_refused()
    {
        using var mine = await system.CookieSignInAsync(Operator);
        using var other = await system.CookieSignInAsync("admin@jx12385.test");
        await SecuredSystem.AntiforgeryTokenAsync(mine);
        mine.DefaultRequestHeaders.Add("X-XSRF-TOKEN", await SecuredSystem.AntiforgeryTokenAsync(other));

        var refused = await TicketApi.RegisterAsync(mine, TicketApi.Intake());

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bearer_post_needs_no_token()
    {
        var tokens = await system.BearerSignInAsync(Operator);
        using var client = system.Bearer(tokens.AccessToken);

        var response = await TicketApi.RegisterAsync(client, TicketApi.Intake());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cookie_logout_needs_the_token_and_then_ends_the_session()
    {
        using var browser = await system.CookieSignInAsync(Operator);

        (await browser.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK, "the refused logout changed nothing");
        browser.DefaultRequestHeaders.Add("X-XSRF-TOKEN", await SecuredSystem.AntiforgeryTokenAsync(browser));
        (await browser.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_stolen_session_cookie_replayed_after_logout_is_refused()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = system.Web.Address };
        (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Operator, password = SecuredSystem.Password })).EnsureSuccessStatusCode();
        var sessionCookie = handler.CookieContainer.GetCookies(system.Web.Address)["dispatch.auth"]!.Value;
        browser.DefaultRequestHeaders.Add("X-XSRF-TOKEN", await SecuredSystem.AntiforgeryTokenAsync(browser));
        (await browser.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = system.Web.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", $"dispatch.auth={sessionCookie}");

        (await thief.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hub_negotiation_from_another_origin_is_refused()
    {
        using var browser = await system.CookieSignInAsync(Operator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/supervision/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("cross_origin_refused");
    }

    [Fact]
    public async Task Hub_negotiation_from_the_same_origin_works_with_the_cookie()
    {
        using var browser = await system.CookieSignInAsync(Operator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/supervision/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", system.Web.Address.GetLeftPart(UriPartial.Authority));

        var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
