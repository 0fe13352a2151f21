using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;

namespace Dispatch.Tests.Integration.Tickets;

/// <summary>Builders and calls for the ticket API as a client sees it.</summary>
public static class TicketApi
{
    /// <summary>A valid resident ID number with its ISO 7064 check character.</summary>
    public static string ResidentId(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>
    /// A ticket's intake. Without <paramref name="phone"/> every intake is a caller of its own (a fresh mobile number), so
    /// that tests never turn each other's tickets into repeat calls (重复来电), which the escalation ladder acts on.
    /// </summary>
    public static object Intake(string? content = null, string kind = "help", string topic = "care_services", string urgency = "normal",
        string? phone = null, string? residentId = null, string county = "330402", string? town = null, string caller = "张三", string channel = "phone") => new
    {
        channel,
        kind,
        topic,
        urgency,
        callerName = caller,
        callerPhone = phone ?? NewPhone(),
        residentId,
        countyCode = county,
        townCode = town,
        content = content ?? "来电反映残疾人护理补贴尚未发放，请核实处理。",
    };

    /// <summary>A mobile number no other intake of the run is likely to have (138 and eight random digits).</summary>
    public static string NewPhone() => "138" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, object intake, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(intake) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> RegisteredAsync(HttpClient client, object? intake = null)
    {
        var response = await RegisterAsync(client, intake ?? Intake());
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement ticket, string action, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{Id(ticket)}/{action}")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ActOkAsync(HttpClient client, JsonElement ticket, string action, object? body = null)
    {
        var response = await ActAsync(client, ticket, action, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{action} answered {(int)response.StatusCode}: {json}");
        }
        return json;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, JsonElement ticket) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/tickets/{Id(ticket)}");

    public static string Id(JsonElement ticket) => ticket.GetProperty("id").GetString()!;

    public static string Status(JsonElement ticket) => ticket.GetProperty("status").GetString()!;

    public static int Version(JsonElement ticket) => ticket.GetProperty("version").GetInt32();

    public static Task<HttpClient> Operator(RunningSystem system) => system.SignInAsync("operator@jx12385.test");

    public static Task<HttpClient> Staff(RunningSystem system, string unit) => system.SignInAsync($"staff.{unit.ToLowerInvariant()}@jx12385.test");
}
