using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Bench.Live;

/// <summary>The REST API signed in as one demo account; keeps the bearer token for the hub.</summary>
internal sealed class ApiClient(HttpClient http, string token) : IDisposable
{
    /// <summary>
    /// Where this run's callers' numbers start: each run's tickets are first calls, also on a database that earlier runs
    /// filled (a caller's third call on a topic within 30 days would bring a supervision order and its alerts).
    /// </summary>
    private static readonly int PhoneBase = Random.Shared.Next(0, 89_999_999);

    public const string Password = "Demo#12385";

    public string Token { get; } = token;

    public static async Task<ApiClient> SignInAsync(Uri url, string email)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = url };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http, token);
    }

    public async Task<IReadOnlyList<(string Code, string County)>> UnitsAsync()
    {
        var units = await http.GetFromJsonAsync<JsonElement[]>("/api/reference/units");
        return [.. units!.Select(u => (u.GetProperty("code").GetString()!, u.GetProperty("countyCode").GetString()!))];
    }

    public async Task<string> RegisterAsync(int n, string county)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new
            {
                channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "推送压测",
                callerPhone = "139" + (10_000_000 + (PhoneBase + n) % 89_999_999).ToString(CultureInfo.InvariantCulture),
                countyCode = county, content = $"推送压测工单 {n}：来电反映无障碍设施损坏，请核实处理。",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await SendAsync(request)).GetProperty("id").GetString()!;
    }

    public async Task ActAsync(string id, string action, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        await SendAsync(request);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{request.RequestUri} answered {(int)response.StatusCode}: {json}");
        }
        return json;
    }

    public void Dispose() => http.Dispose();
}
