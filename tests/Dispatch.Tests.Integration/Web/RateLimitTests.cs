using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>One silo and a web app with the shipped rate limits (appsettings.json), not the suite's raised ones.</summary>
public sealed class ProductionLimitsSystem : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "limits-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(connectionString, clusterId);
        web = await LocalWebApp.StartWithAsync(connectionString, clusterId, replaceServices: null);
    }

    public async Task DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

/// <summary>
/// The shipped limits: 5 sign-ins a minute per account, 30 per address, 30 registrations per user, 30 Open311 submissions
/// per key. Each test runs its N+1 requests in a row from its own client address (X-Forwarded-For from the trusted
/// loopback proxy).
/// </summary>
public sealed class RateLimitTests(ProductionLimitsSystem system) : IClassFixture<ProductionLimitsSystem>
{
    [Fact]
    public async Task The_sixth_sign_in_for_one_account_within_a_minute_gets_429_with_retry_after()
    {
        var email = $"target-{Guid.NewGuid():N}@jx12385.test";
        for (var i = 0; i < 5; i++)
        {
            // Each attempt from another address: only the account's limit can stop them.
            (await SignInAsync(email, $"203.0.113.{10 + i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var refused = await SignInAsync(email.ToUpperInvariant(), "203.0.113.20");

        await ShouldBeRateLimited(refused);
        (await SignInAsync($"other-{Guid.NewGuid():N}@jx12385.test", "203.0.113.21")).StatusCode.Should().Be(HttpStatusCode.Unauthorized,
            "another account is not held back");
    }

    [Fact]
    public async Task The_thirty_first_sign_in_from_one_address_within_a_minute_gets_429()
    {
        const string address = "198.51.100.7";
        for (var i = 0; i < 30; i++)
        {
            (await SignInAsync($"spray-{i}-{Guid.NewGuid():N}@jx12385.test", address)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        await ShouldBeRateLimited(await SignInAsync($"spray-last-{Guid.NewGuid():N}@jx12385.test", address));
        (await SignInAsync($"spray-elsewhere-{Guid.NewGuid():N}@jx12385.test", "198.51.100.8")).StatusCode.Should().Be(HttpStatusCode.Unauthorized,
            "another address is not held back");
    }

    [Fact]
    public async Task The_thirty_first_registration_by_one_user_within_a_minute_gets_429()
    {
        using var hurried = await BearerClientAsync("operator@jx12385.test", "192.0.2.1");
        using var other = await BearerClientAsync("admin@jx12385.test", "192.0.2.2");
        for (var i = 0; i < 30; i++)
        {
            // An empty intake is refused by validation after it passed the limiter: it counts, and registers nothing.
            (await PostEmptyIntakeAsync(hurried, "/api/tickets")).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        }

        await ShouldBeRateLimited(await PostEmptyIntakeAsync(hurried, "/api/rehab-visits"));
        (await PostEmptyIntakeAsync(other, "/api/tickets")).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, "another user is not held back");
    }

    [Fact]
    public async Task The_hundred_and_twenty_first_list_read_by_one_user_within_a_minute_gets_429_whichever_list_it_is()
    {
        using var hurried = await BearerClientAsync("staff.330411-centre@jx12385.test", "203.0.113.21");
        using var other = await BearerClientAsync("staff.330421-centre@jx12385.test", "203.0.113.22");
        for (var i = 0; i < 120; i++)
        {
            // Searches, the unit's worklist and the caller lookup share one allowance per user.
            using var response = (i % 3) switch
            {
                0 => await hurried.GetAsync("/api/tickets?q=护理"),
                1 => await hurried.GetAsync("/api/units/330411-CENTRE/worklist"),
                _ => await hurried.PostAsync("/api/intake/caller-history", JsonContent.Create(new { phone = "13812345678" })),
            };
            response.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, "request {0} is within the allowance", i + 1);
        }
        await ShouldBeRateLimited(await hurried.GetAsync("/api/units/330411-CENTRE/worklist"));
        (await other.GetAsync("/api/units/330421-CENTRE/worklist")).StatusCode.Should().Be(HttpStatusCode.OK, "another user is not held back");
    }

    [Fact]
    public async Task The_thirty_first_open311_submission_with_one_key_within_a_minute_gets_429()
    {
        using var admin = await BearerClientAsync("admin@jx12385.test", "203.0.113.31");
        var hurried = await Open311.Open311Api.IssueKeyAsync(admin, "限流测试网站");
        var other = await Open311.Open311Api.IssueKeyAsync(admin, "另一网站");
        for (var i = 0; i < 30; i++)
        {
            // A form without a description passes the limiter, counts, and is refused by the intake rules.
            var form = Open311.Open311Api.Form(hurried.ApiKey);
            form.Remove("description");
            (await Open311.Open311Api.SubmitAsync(system.Web.Client, form)).StatusCode.Should().Be(HttpStatusCode.BadRequest,
                "submission {0} is within the allowance", i + 1);
        }

        await ShouldBeRateLimited(await Open311.Open311Api.SubmitAsync(system.Web.Client, Open311.Open311Api.Form(hurried.ApiKey), "xml"));
        (await Open311.Open311Api.SubmitAsync(system.Web.Client, Open311.Open311Api.Form(other.ApiKey))).StatusCode.Should()
            .Be(HttpStatusCode.Created, "another key is not held back");
    }

    private async Task<HttpResponseMessage> SignInAsync(string email, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email, password = "not-the-password" }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await system.Web.Client.SendAsync(request);
    }

    private async Task<HttpClient> BearerClientAsync(string email, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email, password = "Demo#12385" }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        var response = await system.Web.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = system.Web.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> PostEmptyIntakeAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task ShouldBeRateLimited(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.Should().NotBeNull();
        response.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(429);
        problem.GetProperty("code").GetString().Should().Be("rate_limited");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("请求过于频繁");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("Too many requests");
    }
}
