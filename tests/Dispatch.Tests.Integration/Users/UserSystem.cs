using FluentAssertions;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Tests.Integration.Users;

/// <summary>
/// A silo and a web app on a fresh database for the account tests: sessions are re-checked against the account on
/// every request, and supervisors must use two-factor sign-in.
/// </summary>
public sealed class UserSystem() : LocalSystem("users")
{
    public const string DemoPassword = "Demo#12385";

    protected override WebAppSettings WebSettings => new()
    {
        Arguments = ["--Security:SecurityStampValidationInterval=00:00:00", "--Security:RequireTwoFactorFor=supervisor"],
    };

    public Task<HttpResponseMessage> LoginAsync(string email, string password, string? twoFactorCode = null, string? recoveryCode = null) =>
        Web.Client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode, recoveryCode });

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoPassword, string? twoFactorCode = null)
    {
        var response = await LoginAsync(email, password, twoFactorCode);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return BearerClient(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>A client carrying the access token of a token response (login, or a password change).</summary>
    public HttpClient BearerClient(JsonElement tokens)
    {
        var client = new HttpClient { BaseAddress = Web.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A browser-like client signed in with the session cookie.</summary>
    public async Task<HttpClient> SignInWithCookieAsync(string email, string password)
    {
        var browser = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = Web.Address };
        var response = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        // As the UI does: a cookie session sends the antiforgery token on every change.
        var antiforgery = await browser.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        browser.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return browser;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid().ToString("N")[..8]}@example.org";
}
