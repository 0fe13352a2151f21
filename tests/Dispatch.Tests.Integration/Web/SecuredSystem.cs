using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Integration.Web;

/// <summary>
/// One silo and one web app serving the UI's static files, whose clock is a <see cref="FakeTimeProvider"/> the session
/// tests move; rate limits raised (the tests sign in often).
/// </summary>
public sealed class SecuredSystem() : LocalSystem("secured")
{
    public const string Password = "Demo#12385";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override WebAppSettings WebSettings => new()
    {
        Arguments = [$"--contentRoot={Path.Combine(RepositoryRoot.Find(), "client-web")}"],
        ReplaceServices = services => services.AddSingleton<TimeProvider>(Clock),
    };

    public async Task<Tokens> BearerSignInAsync(string email)
    {
        var response = await Web.Client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public HttpClient Bearer(string accessToken)
    {
        var client = new HttpClient { BaseAddress = Web.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A client that signs in with the cookie, as the browser does; it keeps its cookies.</summary>
    public async Task<HttpClient> CookieSignInAsync(string email)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Web.Address };
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return browser;
    }

    /// <summary>The cookie session's antiforgery token, as the UI fetches it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser) =>
        (await browser.GetFromJsonAsync<AntiforgeryAnswer>("/api/auth/antiforgery"))!.Token;

    public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);

    private sealed record AntiforgeryAnswer(string Token, string HeaderName);
}
