using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Tests.Integration.Web;

/// <summary>Server-side sessions: refresh rotation, logout revocation, the absolute lifetime on the web app's clock.</summary>
public sealed class SessionTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    private const string Operator = "operator@jx12385.test";

    [Fact]
    public async Task A_refresh_token_works_once_and_its_replay_revokes_the_session()
    {
        var first = await system.BearerSignInAsync(Operator);

        var rotated = await RefreshAsync(first.RefreshToken);
        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = (await rotated.Content.ReadFromJsonAsync<SecuredSystem.Tokens>())!;
        var replay = await RefreshAsync(first.RefreshToken);

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("invalid_refresh_token");
        (await RefreshAsync(second.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the replay revoked the whole session");
        using var client = system.Bearer(second.AccessToken);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Each_refresh_gives_a_working_access_token_and_a_new_refresh_token()
    {
        var tokens = await system.BearerSignInAsync(Operator);

        for (var i = 0; i < 3; i++)
        {
            var response = await RefreshAsync(tokens.RefreshToken);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var next = (await response.Content.ReadFromJsonAsync<SecuredSystem.Tokens>())!;
            next.RefreshToken.Should().NotBe(tokens.RefreshToken);
            tokens = next;
        }

        using var client = system.Bearer(tokens.AccessToken);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_with_a_bearer_token_revokes_the_access_and_the_refresh_token()
    {
        var tokens = await system.BearerSignInAsync(Operator);
        using var client = system.Bearer(tokens.AccessToken);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var logout = await client.PostAsync("/api/auth/logout", null);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await RefreshAsync(tokens.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_out_one_session_leaves_the_users_other_sessions_working()
    {
        var first = await system.BearerSignInAsync(Operator);
        var second = await system.BearerSignInAsync(Operator);
        using var firstClient = system.Bearer(first.AccessToken);
        using var secondClient = system.Bearer(second.AccessToken);

        (await firstClient.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await firstClient.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await secondClient.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cookie_session_kept_alive_by_use_still_ends_at_its_absolute_lifetime()
    {
        using var browser = await system.CookieSignInAsync(Operator);

        // Each step is past half the 10 h sliding window, so the cookie is renewed every time: sliding alone would never end it.
        system.Clock.Advance(TimeSpan.FromHours(5.5));
        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        system.Clock.Advance(TimeSpan.FromHours(5.5));
        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        system.Clock.Advance(TimeSpan.FromHours(1.5));

        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "12.5 h after sign-in is past the 12 h lifetime");
    }

    [Fact]
    public async Task An_access_token_expires_after_its_short_lifetime_while_refresh_still_works()
    {
        var tokens = await system.BearerSignInAsync(Operator);
        tokens.ExpiresIn.Should().Be(30 * 60);
        using var client = system.Bearer(tokens.AccessToken);

        system.Clock.Advance(TimeSpan.FromMinutes(31));

        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await RefreshAsync(tokens.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_hub_connection_closes_when_its_session_reaches_the_absolute_lifetime()
    {
        var tokens = await system.BearerSignInAsync("supervisor@jx12385.test");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(system.Web.Address, "/hubs/supervision"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(tokens.AccessToken))
            .Build();
        await connection.StartAsync();

        system.Clock.Advance(TimeSpan.FromHours(11.5));
        connection.State.Should().Be(HubConnectionState.Connected, "the session still has half an hour");
        system.Clock.Advance(TimeSpan.FromHours(1));

        await Eventually.Get(() => Task.FromResult(connection.State), s => s == HubConnectionState.Disconnected, TimeSpan.FromSeconds(10),
            "the connection closed at the session's end");
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        system.Web.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
}
