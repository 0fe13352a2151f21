using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// Breach risk on the legal-aid station's worklist: the 超期风险 column shows for an open case what
/// /api/stats/breach-risk?type=legal_aid_case says, and the legal-aid definition opens by keyboard alone. The Haining
/// station (no other browser test works there) first decides 20 labour disputes, so the open one has a figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LegalAidBreachRiskPageTests(BrowserSystem system) : BrowserTest
{
    private const string Station = "330481-LEGAL";
    private const string StationStaff = "staff.330481-legal@jx12385.test";

    [Fact]
    public async Task The_station_worklist_shows_an_open_cases_risk_as_the_api_gives_it_with_its_definition_one_keypress_away()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        using var staffApi = await ApiAsync(system, StationStaff);
        for (var i = 0; i < 20; i++)
        {
            var decided = await AcceptedAsync(operatorApi, staffApi);
            (await staffApi.PostAsJsonAsync($"/api/legal-aid-cases/{decided}/refuse", new { reasons = "经济状况不符合援助条件。" }))
                .IsSuccessStatusCode.Should().BeTrue();
        }
        var id = await AcceptedAsync(operatorApi, staffApi);
        var risks = await staffApi.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope=unit:{Station}&type=legal_aid_case");
        var item = risks.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        item.GetProperty("basis").GetString().Should().Be("unit", "the station decided 20 cases of the type");
        var (page, errors) = await SignedInWatchingErrorsAsync(system, StationStaff);

        await page.GotoAsync($"/#/legal-aid-worklist?unit={Station}");

        var row = page.Locator("#worklist tbody tr", new() { Has = page.Locator($"a[href='#/legal-aid-cases/{id}']") });
        await Assertions.Expect(page.Locator("#worklist thead th").Last).ToHaveTextAsync("超期风险");
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync(BreachRiskPageTests.CellText(item));
        await TabToAsync(page, "definition-worklist-risk-name", maxPresses: 80);
        await page.Keyboard.PressAsync("Enter");
        var definition = page.Locator("#definition-worklist-risk p");
        await Assertions.Expect(definition).ToBeVisibleAsync();
        await Assertions.Expect(definition).ToContainTextAsync("委托协议");
        await Assertions.Expect(definition).ToContainTextAsync(risks.GetProperty("minimumHistory").GetInt32().ToString(CultureInfo.InvariantCulture));
        await ScreenshotAsync(page, "legal-aid-worklist-breach-risk");
        errors.Should().BeEmpty();
    }

    /// <summary>An operator opens a Haining labour dispute and the station accepts it; returns its id.</summary>
    private static async Task<string> AcceptedAsync(HttpClient operatorApi, HttpClient staffApi)
    {
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/legal-aid-cases")
        {
            Content = JsonContent.Create(new
            {
                applicant = new { name = "周强", phone = NewCallerPhone(), countyCode = "330481", address = "海宁市硖石街道 1 号" },
                caseType = "labour_dispute", summary = "用人单位拖欠工资三个月，申请法律援助（超期风险测试）。",
            }),
        };
        open.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var opened = await operatorApi.SendAsync(open);
        opened.IsSuccessStatusCode.Should().BeTrue(await opened.Content.ReadAsStringAsync());
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await staffApi.PostAsJsonAsync($"/api/legal-aid-cases/{id}/accept", new { })).IsSuccessStatusCode.Should().BeTrue();
        return id;
    }
}
