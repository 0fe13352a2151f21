using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Bench.Common;

/// <summary>The ticket API over HTTP, signed in as one demo account.</summary>
public sealed class TicketClient(HttpClient http, string accessToken) : IDisposable
{
    /// <summary>
    /// Where this run's callers' numbers start: each run's tickets are first calls, also on a database that earlier runs
    /// filled (a caller's third call on a topic within 30 days would bring a supervision order and its alerts).
    /// </summary>
    private static readonly int PhoneBase = Random.Shared.Next(0, 89_999_999);

    public static readonly IReadOnlyList<string> Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];

    /// <summary>The bearer token of this sign-in, for a load generator in another process (never printed).</summary>
    public string AccessToken { get; } = accessToken;

    /// <param name="maxConnections">
    /// Connections this account may hold at once; one account standing for many operators needs many, or requests
    /// would wait in this client for a free connection and the wait would count as the server's latency.
    /// </param>
    public static async Task<TicketClient> SignInAsync(Uri url, string email, int maxConnections = 256)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = url };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo#12385" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException("The sign-in answered without an access token.");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TicketClient(http, token);
    }

    public static string CountyFor(int n) => Counties[n % Counties.Count];

    /// <summary>The same intake every time but for county, phone and number (care services, normal urgency).</summary>
    public async Task<JsonElement> RegisterAsync(int n) =>
        (await RegisterAsync(new
        {
            channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "压测来电人",
            callerPhone = "138" + (10_000_000 + (PhoneBase + n) % 89_999_999).ToString(CultureInfo.InvariantCulture),
            countyCode = CountyFor(n), content = $"压测工单 {n}：来电反映残疾人护理补贴尚未发放，请核实处理。",
        }, Guid.NewGuid().ToString())).Body;

    /// <summary>POST /api/tickets with the given intake body and Idempotency-Key.</summary>
    public async Task<TicketAnswer> RegisterAsync(object intake, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(intake) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SendAsync(request);
    }

    public async Task<JsonElement> ActAsync(string id, string action, object? body) => (await ActAsync(id, action, body, null)).Body;

    /// <summary>POST /api/tickets/{id}/{action}, with If-Match when the version last seen is given (as an ETag).</summary>
    public async Task<TicketAnswer> ActAsync(string id, string action, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await SendAsync(request);
    }

    private async Task<TicketAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            // Problem details name the field and the rule, never a personal value.
            throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }
        return new TicketAnswer(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag?.ToString());
    }

    public void Dispose() => http.Dispose();
}

/// <summary>A successful answer: status, JSON body and ETag (the item's version), if any.</summary>
public sealed record TicketAnswer(HttpStatusCode Status, JsonElement Body, string? ETag);
