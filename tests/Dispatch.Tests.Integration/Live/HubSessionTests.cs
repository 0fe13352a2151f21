using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Tests.Integration.Live;

/// <summary>Signing out closes the session's supervision hub connections on every web instance.</summary>
public sealed class HubSessionTests(LiveSystem system) : IClassFixture<LiveSystem>
{
    private const string Supervisor = "supervisor@jx12385.test";

    [Fact]
    public async Task Logout_closes_the_sessions_hub_connections_here_and_on_the_other_instance()
    {
        var token = await TokenAsync(system.WebA);
        await using var here = await HubSessionChecks.ConnectAsync(system.WebA, token);
        await using var there = await HubSessionChecks.ConnectAsync(system.WebB, token);
        var otherToken = await TokenAsync(system.WebA);
        await using var otherSession = await HubSessionChecks.ConnectAsync(system.WebA, otherToken);

        using var client = new HttpClient { BaseAddress = system.WebA.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await Eventually.Get(() => Task.FromResult(here.State), s => s == HubConnectionState.Disconnected, TimeSpan.FromSeconds(10), "closed on the instance that signed out");
        await Eventually.Get(() => Task.FromResult(there.State), s => s == HubConnectionState.Disconnected, TimeSpan.FromSeconds(10), "closed on the other instance");
        otherSession.State.Should().Be(HubConnectionState.Connected, "the user's other session did not sign out");
        await otherSession.InvokeAsync("Join", "city");
    }

    [Fact]
    public async Task A_signed_out_token_cannot_connect_again()
    {
        var token = await TokenAsync(system.WebA);
        using var client = new HttpClient { BaseAddress = system.WebA.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var connect = () => HubSessionChecks.ConnectAsync(system.WebA, token);

        (await connect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        // The other instance hears of the logout within seconds.
        await Eventually.Get(async () =>
        {
            using var probe = new HttpClient { BaseAddress = system.WebB.Address };
            probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await probe.GetAsync("/api/auth/me")).StatusCode;
        }, s => s == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the token refused on the other instance");
    }

    private static async Task<string> TokenAsync(LocalWebApp web)
    {
        var response = await web.Client.PostAsJsonAsync("/api/auth/login", new { email = Supervisor, password = "Demo#12385" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    private sealed record TokenResponse(string AccessToken);
}
