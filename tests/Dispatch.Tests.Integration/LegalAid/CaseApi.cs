using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Tests.Integration.LegalAid;

/// <summary>Builders and calls for the legal-aid API as a client sees it.</summary>
public static class CaseApi
{
    public static object Application(string county = "330402", string caseType = "labour_dispute", string phone = "13912345678",
        string? residentId = null, bool? cityLevel = null, string name = "李明") => new
    {
        applicant = new { name, phone, residentId, countyCode = county, address = "解放路 1 号" },
        caseType,
        summary = "用人单位拖欠工资三个月，申请法律援助。",
        cityLevel,
    };

    /// <summary>A complete eligibility checklist: wages (Art. 31 (5)), a person without a fixed livelihood (Art. 42 (1)), this station competent.</summary>
    public static readonly object CompleteChecklist = new
    {
        scope = "labour_relation_or_pay", means = "not_verified", exemptPerson = "vulnerable_without_income", competent = true,
    };

    public static object RosterEntry(string name, string status = "active", int cap = 5, string[]? fields = null, string? leaveFrom = null,
        string? leaveUntil = null, string[]? declaredConflicts = null, string phone = "13900002222") => new
    {
        name, kind = "lawyer", organisation = "浙江禾城律师事务所", phone, licenceNumber = "13304201810000001", fields = fields ?? [], status,
        leaveFrom, leaveUntil, maxOpenCases = cap, declaredConflicts = declaredConflicts ?? [],
    };

    /// <summary>Adds an entry to the station's roster (its head or an administrator asking) and returns it as answered.</summary>
    public static async Task<JsonElement> AddedAsync(HttpClient head, string station, object entry)
    {
        var response = await head.PostAsJsonAsync($"/api/legal-aid-stations/{station}/roster", entry);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.StatusCode == HttpStatusCode.Created ? json : throw new InvalidOperationException($"roster add answered {(int)response.StatusCode}: {json}");
    }

    /// <summary>A lawyer on the station's roster whose cap no test reaches, for tests about what follows an assignment.</summary>
    public static async Task<string> HandlerAsync(HttpClient head, string station) =>
        Id(await AddedAsync(head, station, RosterEntry($"承办律师 {Guid.NewGuid().ToString("N")[..6]}", cap: RosterCapLimit)));

    /// <summary>指派 to a roster member; the reason covers a member who is not the rotation's pick.</summary>
    public static object AssignTo(string memberId) => new { memberId, reason = "熟悉此类案件" };

    private const int RosterCapLimit = 200;

    public static async Task<HttpResponseMessage> OpenAsync(HttpClient client, object application, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/legal-aid-cases") { Content = JsonContent.Create(application) };
        if (key != "")
        {
            request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> OpenedAsync(HttpClient client, object? application = null)
    {
        var response = await OpenAsync(client, application ?? Application());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? json : throw new InvalidOperationException($"open answered {(int)response.StatusCode}: {json}");
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement legalAid, string action, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/legal-aid-cases/{Id(legalAid)}/{action}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ActOkAsync(HttpClient client, JsonElement legalAid, string action, object? body = null)
    {
        var response = await ActAsync(client, legalAid, action, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? json : throw new InvalidOperationException($"{action} answered {(int)response.StatusCode}: {json}");
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, JsonElement legalAid) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/legal-aid-cases/{Id(legalAid)}");

    public static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    public static string Status(JsonElement item) => item.GetProperty("status").GetString()!;

    public static int Version(JsonElement item) => item.GetProperty("version").GetInt32();
}
