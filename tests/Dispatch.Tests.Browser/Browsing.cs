using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Microsoft.Playwright;

namespace Dispatch.Tests.Browser;

/// <summary>What a person does in the browser, and the API calls tests use to set the scene.</summary>
public static class Browsing
{
    public const string Operator = "operator@jx12385.test";
    public const string CentreStaff = "staff.330402-centre@jx12385.test";
    public const string CitySupervisor = "supervisor@jx12385.test";
    public const string CountySupervisor = "supervisor.330402@jx12385.test";
    public const string Admin = "admin@jx12385.test";

    /// <summary>Signs in through the login page and waits for the role's home page.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.Locator("#login-email").FillAsync(email);
        await page.Locator("#login-password").FillAsync(BrowserSystem.Password);
        await page.Locator("#login-password").PressAsync("Enter");
        await page.Locator("#nav").WaitForAsync();
        await page.Locator("main h1").WaitForAsync();
    }

    /// <summary>Presses Tab until the element with this id has the focus; fails if it is not reachable by keyboard.</summary>
    public static async Task TabToAsync(IPage page, string id, int maxPresses = 40)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"#{id} was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>Chooses an option of the focused select with the arrow keys only.</summary>
    public static async Task ArrowToOptionAsync(IPage page, string value, int maxPresses = 60)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement.value") == value)
            {
                return;
            }
            await page.Keyboard.PressAsync("ArrowDown");
        }
        throw new InvalidOperationException($"Option {value} was not reached with the arrow keys.");
    }

    /// <summary>Saves a full-page screenshot as a test artefact and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("BROWSER_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Find(), "artifacts", "browser");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// A new page signed in as <paramref name="email"/>, with every script error it shows collected. A refused request
    /// (400) is logged by the browser itself; only the page's own errors count.
    /// </summary>
    public static async Task<(IPage Page, List<string> Errors)> SignedInWatchingErrorsAsync(BrowserSystem system, string email)
    {
        var page = await system.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await SignInAsync(page, email);
        return (page, errors);
    }

    /// <summary>A client of the HTTP API signed in with a bearer token.</summary>
    public static async Task<HttpClient> ApiAsync(BrowserSystem system, string email)
    {
        var response = await system.Anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = BrowserSystem.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = system.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A phone no other ticket of the run is likely to have: a first call, which the escalation ladder leaves alone.</summary>
    public static string NewCallerPhone() => "137" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers a ticket (for 南湖区 unless told) and dispatches it automatically (to 330402-CENTRE); returns the dispatched ticket.</summary>
    /// <param name="phone">The caller's phone: by default the one caller whose earlier tickets the intake walks look for.</param>
    public static async Task<JsonElement> RegisteredAndDispatchedAsync(
        HttpClient operatorApi, string content = "来电反映残疾人护理补贴尚未发放，请核实。", string kind = "help", string county = "330402",
        string phone = "13900001234")
    {
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new
            {
                channel = "phone", kind, topic = "care_services", urgency = "normal", callerName = "测试来电人",
                callerPhone = phone, countyCode = county, content,
            }),
        };
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var registered = await operatorApi.SendAsync(register);
        registered.IsSuccessStatusCode.Should().BeTrue(await registered.Content.ReadAsStringAsync());
        var ticket = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var dispatched = await operatorApi.PostAsJsonAsync($"/api/tickets/{ticket.GetProperty("id").GetString()}/dispatch", new { });
        dispatched.IsSuccessStatusCode.Should().BeTrue(await dispatched.Content.ReadAsStringAsync());
        return await dispatched.Content.ReadFromJsonAsync<JsonElement>();
    }
}
