using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Bench.Tickets;

/// <summary>The ticket API over HTTP, signed in as one demo account.</summary>
internal sealed class TicketClient(HttpClient http) : IDisposable
{
    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];

    public static async Task<TicketClient> SignInAsync(Uri url, string email)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = url };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo#12385" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TicketClient(http);
    }

    public static string CountyFor(int n) => Counties[n % Counties.Length];

    public async Task<JsonElement> RegisterAsync(int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new
            {
                channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "压测来电人",
                callerPhone = "138" + (10_000_000 + n % 89_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                countyCode = CountyFor(n), content = $"压测工单 {n}：来电反映残疾人护理补贴尚未发放，请核实处理。",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await SendAsync(request);
    }

    public async Task<JsonElement> ActAsync(string id, string action, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        return await SendAsync(request);
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
