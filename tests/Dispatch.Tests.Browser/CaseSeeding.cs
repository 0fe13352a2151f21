using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Browser;

/// <summary>Legal-aid cases and rehab visits set up through the API, as the people who would create them.</summary>
public static class CaseSeeding
{
    public const string LegalStaff = "staff.330402-legal@jx12385.test";
    public const string RehabStaff = "staff.330402-rehab-1@jx12385.test";
    public const string RehabProvider = "330402-REHAB-1";

    private static readonly TimeSpan Jiaxing = TimeSpan.FromHours(8);

    /// <summary>An operator registers a 南湖区 ticket and opens a legal-aid case from it (to 330402-LEGAL); returns the case.</summary>
    public static async Task<JsonElement> CaseOpenedFromTicketAsync(BrowserSystem system)
    {
        using var operatorApi = await Browsing.ApiAsync(system, Browsing.Operator);
        var ticket = await Browsing.RegisteredAndDispatchedAsync(operatorApi, "来电反映单位拖欠残疾职工工资三个月，希望得到法律援助。");
        var opened = await operatorApi.PostAsJsonAsync($"/api/tickets/{ticket.GetProperty("id").GetString()}/legal-aid",
            new { caseType = "labour_dispute", summary = "用人单位拖欠工资三个月，申请劳动争议法律援助。" });
        opened.IsSuccessStatusCode.Should().BeTrue(await opened.Content.ReadAsStringAsync());
        return await opened.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The head of 330402-LEGAL adds a lawyer to the station's roster (any field of practice, five open cases at most).</summary>
    public static Task RosterMemberAsync(BrowserSystem system, string name) => RosterMemberAsync(system, "330402-LEGAL", name);

    /// <summary>The head of the station adds a lawyer to its roster (any field of practice, five open cases at most).</summary>
    public static async Task RosterMemberAsync(BrowserSystem system, string station, string name)
    {
        using var head = await Browsing.ApiAsync(system, $"head.{station.ToLowerInvariant()}@jx12385.test");
        var added = await head.PostAsJsonAsync($"/api/legal-aid-stations/{station}/roster", new
        {
            name, kind = "lawyer", organisation = "浙江禾城律师事务所", phone = "13900001111", status = "active", maxOpenCases = 5,
        });
        added.IsSuccessStatusCode.Should().BeTrue(await added.Content.ReadAsStringAsync());
    }

    /// <summary>The start of a visit window in a whole hour at least two hours ahead, in Jiaxing time.</summary>
    public static DateTimeOffset NextWindowStart()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(Jiaxing).AddHours(2);
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, Jiaxing);
    }

    /// <summary>An operator requests a visit at 330402-REHAB-1, in a window when one is given; it awaits the provider's acceptance.</summary>
    public static async Task<JsonElement> RequestedVisitAsync(BrowserSystem system, DateTimeOffset? windowStart = null)
    {
        using var operatorApi = await Browsing.ApiAsync(system, Browsing.Operator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rehab-visits")
        {
            Content = JsonContent.Create(new
            {
                person = new { name = "王芳", phone = "13900005678", countyCode = "330402", address = "南湖区建设街道 1 号" },
                serviceType = "rehabilitation_training", providerCode = RehabProvider, windowStart, windowMinutes = windowStart is null ? (int?)null : 120,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var requested = await operatorApi.SendAsync(request);
        requested.IsSuccessStatusCode.Should().BeTrue(await requested.Content.ReadAsStringAsync());
        return await requested.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// An operator requests a visit in a window at 330402-REHAB-1, the provider's staff accept it (so it is scheduled in
    /// that window) and, with a worker, assign them.
    /// </summary>
    public static async Task<JsonElement> ScheduledVisitAsync(BrowserSystem system, DateTimeOffset windowStart, string? workerId = null, string? workerName = null)
    {
        var requested = await RequestedVisitAsync(system, windowStart);
        using var providerApi = await Browsing.ApiAsync(system, RehabStaff);
        var visit = await ActAsync(providerApi, requested, "accept", new { });
        if (workerId is null)
        {
            return visit;
        }
        return await ActAsync(providerApi, visit, "assign", new { workerId, workerName });
    }

    public const string RosterStaff = "staff.330402-rehab-2@jx12385.test";
    public const string RosterProvider = "330402-REHAB-2";

    private static readonly string[] RosterTypes = ["rehabilitation_training"];
    private static readonly string[] RosterTowns = ["330402007"];
    private static readonly int[] EveryDay = [1, 2, 3, 4, 5, 6, 7];

    /// <summary>A worker on 330402-REHAB-2's roster (working every day 08:00-18:00), added by its staff through the API.</summary>
    public static async Task AddRosterWorkerAsync(HttpClient staffApi, string workerId, string name, bool active = true)
    {
        var added = await staffApi.PostAsJsonAsync($"/api/rehab-providers/{RosterProvider}/workers", new
        {
            workerId, name, phone = "13712340001", serviceTypes = RosterTypes, towns = RosterTowns,
            workingDays = EveryDay, dayStart = "08:00", dayEnd = "18:00", active,
        });
        added.IsSuccessStatusCode.Should().BeTrue(await added.Content.ReadAsStringAsync());
    }

    /// <summary>A visit its staff register at 330402-REHAB-2 for tomorrow 10:00-12:00 Jiaxing time (accepted and scheduled at once).</summary>
    public static async Task<JsonElement> RosterVisitAsync(HttpClient staffApi)
    {
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(Jiaxing).AddDays(1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rehab-visits")
        {
            Content = JsonContent.Create(new
            {
                person = new { name = "吴芳", phone = "13900006789", countyCode = "330402", address = "南湖区建设街道 3 号" },
                serviceType = "rehabilitation_training", providerCode = RosterProvider,
                windowStart = new DateTimeOffset(tomorrow.Year, tomorrow.Month, tomorrow.Day, 10, 0, 0, Jiaxing), windowMinutes = 120,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var requested = await staffApi.SendAsync(request);
        requested.IsSuccessStatusCode.Should().BeTrue(await requested.Content.ReadAsStringAsync());
        return await requested.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ActAsync(HttpClient api, JsonElement visit, string action, object body)
    {
        using var act = new HttpRequestMessage(HttpMethod.Post, $"/api/rehab-visits/{visit.GetProperty("id").GetString()}/{action}")
        {
            Content = JsonContent.Create(body),
        };
        act.Headers.TryAddWithoutValidation("If-Match", $"\"{visit.GetProperty("version").GetInt32()}\"");
        var acted = await api.SendAsync(act);
        acted.IsSuccessStatusCode.Should().BeTrue(await acted.Content.ReadAsStringAsync());
        return await acted.Content.ReadFromJsonAsync<JsonElement>();
    }
}
