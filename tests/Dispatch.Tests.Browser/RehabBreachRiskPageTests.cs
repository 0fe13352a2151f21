using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// Breach risk of visits on screen: the rehab worklist's 超期风险 column shows for an open visit what
/// /api/stats/breach-risk?type=rehab_visit says, and the visit definition opens by keyboard alone. The provider
/// 330411-REHAB-1 is used by no other browser test, so its history is the 20 visits made here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RehabBreachRiskPageTests(BrowserSystem system) : BrowserTest
{
    private const string Provider = "330411-REHAB-1";
    private const string Staff = "staff.330411-rehab-1@jx12385.test";
    private static readonly TimeSpan Jiaxing = TimeSpan.FromHours(8);

    [Fact]
    public async Task The_rehab_worklist_shows_a_planned_visits_risk_from_the_providers_past_windows_and_its_definition()
    {
        using var staffApi = await ApiAsync(system, Staff);
        await PastVisitsAsync(staffApi, 20);
        var id = await SecondVisitOfPlanAsync(staffApi);
        var risks = await staffApi.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope=unit:{Provider}&type=rehab_visit");
        var item = risks.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        item.GetProperty("topic").GetString().Should().Be("window", "a plan's later visit owes no first visit: its window is its clock");
        item.GetProperty("risk").ValueKind.Should().Be(JsonValueKind.Number, "the provider has 20 past windows");
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Staff);

        await page.GotoAsync($"/#/rehab-worklist?unit={Provider}");

        var row = page.Locator("#worklist tbody tr", new() { Has = page.Locator($"a[href='#/rehab-visits/{id}']") });
        await Assertions.Expect(page.Locator("#worklist thead th").Last).ToHaveTextAsync("超期风险");
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync(CellText(item));
        await TabToAsync(page, "definition-worklist-risk-name", maxPresses: 80);
        await Assertions.Expect(page.Locator("#definition-worklist-risk-name")).ToHaveTextAsync("超期风险（按历史用时）");
        await page.Keyboard.PressAsync("Enter");
        var definition = page.Locator("#definition-worklist-risk p");
        await Assertions.Expect(definition).ToContainTextAsync("上门时段");
        await Assertions.Expect(definition).ToContainTextAsync(risks.GetProperty("minimumHistory").GetInt32().ToString(CultureInfo.InvariantCulture));
        await ScreenshotAsync(page, "rehab-worklist-breach-risk");
        errors.Should().BeEmpty();
    }

    /// <summary>Visits the provider's staff request for a window starting soon, check in and complete with notes at once.</summary>
    private static async Task PastVisitsAsync(HttpClient staffApi, int count)
    {
        var soon = DateTimeOffset.UtcNow.AddMinutes(10);
        var start = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, TimeSpan.Zero);
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < count; i++)
        {
            var visit = await PostAsync(staffApi, "/api/rehab-visits", new
            {
                person = new { name = "周敏", phone = $"1370000{i:D4}", countyCode = "330411", address = "秀洲区新城街道 5 号" },
                serviceType = "rehabilitation_training", windowStart = start, windowMinutes = 120,
            }, idempotent: true);
            var path = $"/api/rehab-visits/{visit.GetProperty("id").GetString()}";
            await PostAsync(staffApi, $"{path}/assign", new { workerId = $"R{run}-{i:D2}", workerName = $"康复员{i:D2}" });
            await PostAsync(staffApi, $"{path}/check-in", new { });
            await PostAsync(staffApi, $"{path}/complete", new { notes = "已完成康复训练。" });
        }
    }

    /// <summary>A weekly plan of two visits from the day after tomorrow at 10:00 (Jiaxing); the id of the second.</summary>
    private static async Task<string> SecondVisitOfPlanAsync(HttpClient staffApi)
    {
        var day = DateTimeOffset.UtcNow.ToOffset(Jiaxing).AddDays(2);
        var plan = await PostAsync(staffApi, "/api/rehab-plans", new
        {
            person = new { name = "钱丽", phone = "13700009999", countyCode = "330411", address = "秀洲区新城街道 6 号" },
            serviceType = "rehabilitation_training", firstWindowStart = new DateTimeOffset(day.Year, day.Month, day.Day, 10, 0, 0, Jiaxing),
            windowMinutes = 120, frequency = "weekly", count = 2,
        }, idempotent: true);
        return plan.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("sequence").GetInt32() == 2).GetProperty("visitId").GetString()!;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        var response = await api.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue($"{path} answered {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What the column says of an item, as the page words it in Chinese.</summary>
    private static string CellText(JsonElement item)
    {
        if (item.GetProperty("risk").ValueKind == JsonValueKind.Null)
        {
            return "历史不足";
        }
        var basis = item.GetProperty("basis").GetString() switch { "unit" => "本单位", "county" => "本县", _ => "全市" };
        var text = (item.GetProperty("risk").GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + $"% · {basis}";
        return item.GetProperty("atRisk").GetBoolean() ? text + " 可能超期" : text;
    }
}
