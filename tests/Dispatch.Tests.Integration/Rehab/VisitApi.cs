using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Tests.Integration.Rehab;

/// <summary>Builders and calls for the visit and plan API as a client sees it.</summary>
public static class VisitApi
{
    public static object Request(string county = "330402", string serviceType = "rehabilitation_training", DateTimeOffset? windowStart = null,
        string phone = "13612345678", string name = "王芳", string? residentId = null, string? providerCode = null) => new
    {
        person = new { name, phone, residentId, countyCode = county, address = "东栅街道 8 号" },
        serviceType,
        windowStart,
        providerCode,
    };

    public static async Task<HttpResponseMessage> RequestAsync(HttpClient client, object request, string? key = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/rehab-visits") { Content = JsonContent.Create(request) };
        message.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(message);
    }

    public static async Task<JsonElement> RequestedAsync(HttpClient client, object? request = null)
    {
        var response = await RequestAsync(client, request ?? Request());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? json : throw new InvalidOperationException($"request answered {(int)response.StatusCode}: {json}");
    }

    public static async Task<HttpResponseMessage> PlanAsync(HttpClient client, object plan, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/rehab-plans") { Content = JsonContent.Create(plan) };
        message.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(message);
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement visit, string action, object? body = null, int? ifMatch = null) =>
        PostAsync(client, $"/api/rehab-visits/{Id(visit)}/{action}", body, ifMatch);

    /// <summary>An action on a plan (end, amend, pause, resume), If-Match when a version is given.</summary>
    public static Task<HttpResponseMessage> PlanActAsync(HttpClient client, JsonElement plan, string action, object body, int? ifMatch = null) =>
        PostAsync(client, $"/api/rehab-plans/{Id(plan)}/{action}", body, ifMatch);

    public static async Task<JsonElement> PlanActOkAsync(HttpClient client, JsonElement plan, string action, object body, int? ifMatch = null) =>
        await OkAsync(action, await PlanActAsync(client, plan, action, body, ifMatch));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body, int? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ActOkAsync(HttpClient client, JsonElement visit, string action, object? body = null) =>
        await OkAsync(action, await ActAsync(client, visit, action, body));

    private static async Task<JsonElement> OkAsync(string action, HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? json : throw new InvalidOperationException($"{action} answered {(int)response.StatusCode}: {json}");
    }

    public static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    public static string Status(JsonElement item) => item.GetProperty("status").GetString()!;

    /// <summary>A wall-clock time in Jiaxing some days ahead, so that windows a few hours apart fall on the same local day.</summary>
    public static DateTimeOffset LocalDayAt(int daysAhead, int hour)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return new DateTimeOffset(today.Year, today.Month, today.Day, hour, 0, 0, TimeSpan.FromHours(8)).AddDays(daysAhead);
    }

    /// <summary>A window start on a whole minute, some minutes from now: near enough to check in, never in the past.</summary>
    public static DateTimeOffset SoonAt(int minutes)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(minutes);
    }
}
