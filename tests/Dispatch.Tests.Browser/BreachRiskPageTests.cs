using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// Breach risk on screen: the worklist's 超期风险 column shows for each open ticket what /api/stats/breach-risk says, the
/// dashboard's 可能超期 list holds the items of every type the API flags, and the definition opens by keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BreachRiskPageTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task The_worklist_shows_each_tickets_risk_and_the_dashboard_the_flagged_ones_as_the_api_gives_them()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        using var staffApi = await ApiAsync(system, CentreStaff);
        var ticket = await RegisteredAndDispatchedAsync(operatorApi, "来电反映康复补贴迟迟未到账，请核实（超期风险测试）。");
        var id = ticket.GetProperty("id").GetString()!;
        var risks = await staffApi.GetFromJsonAsync<JsonElement>("/api/stats/breach-risk?scope=unit:330402-CENTRE");
        var item = risks.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CentreStaff);

        await page.GotoAsync("/#/worklist?unit=330402-CENTRE");

        var row = page.Locator("#worklist tbody tr", new() { Has = page.Locator($"a[href='#/tickets/{id}']") });
        await Assertions.Expect(page.Locator("#worklist thead th").Last).ToHaveTextAsync("超期风险");
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync(CellText(item));
        await TabToAsync(page, "definition-worklist-risk-name", maxPresses: 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#definition-worklist-risk p")).ToContainTextAsync(risks.GetProperty("minimumHistory").GetInt32().ToString(CultureInfo.InvariantCulture));

        using var supervisorApi = await ApiAsync(system, CountySupervisor);
        // The dashboard lists the flagged items of every type: tickets, legal-aid cases and visits.
        var flaggedIds = new List<string>();
        foreach (var type in new[] { "ticket", "legal_aid_case", "rehab_visit" })
        {
            var county = await supervisorApi.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope=county:330402&type={type}");
            flaggedIds.AddRange(county.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("atRisk").GetBoolean()).Select(i => i.GetProperty("id").GetString()!));
        }
        var flagged = flaggedIds.Count;
        var (dashboard, dashboardErrors) = await SignedInWatchingErrorsAsync(system, CountySupervisor);
        await dashboard.GotoAsync("/#/dashboard");

        await Assertions.Expect(dashboard.Locator("#dash-breach-risk h2")).ToHaveTextAsync($"可能超期（按历史） ({flagged})", new() { Timeout = 15_000 });
        await Assertions.Expect(dashboard.Locator("#dash-breach-risk #breach-risk-table tbody tr")).ToHaveCountAsync(flagged);
        var links = await dashboard.Locator("#breach-risk-table tbody th a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        links.Select(href => href.Split('/')[^1]).Should().BeEquivalentTo(flaggedIds);
        await ScreenshotAsync(dashboard, "dashboard-breach-risk");
        errors.Should().BeEmpty();
        dashboardErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_dashboard_shows_the_month_end_projection_of_the_county_and_its_units_as_the_api_gives_it()
    {
        using var supervisorApi = await ApiAsync(system, CountySupervisor);
        var projection = await supervisorApi.GetFromJsonAsync<JsonElement>("/api/stats/month-projection?scope=county:330402");
        var rows = projection.GetProperty("rows").EnumerateArray().ToList();
        var centre = rows.Single(r => r.GetProperty("scope").GetString() == "unit:330402-CENTRE");
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CountySupervisor);

        await page.GotoAsync("/#/dashboard");

        await Assertions.Expect(page.Locator("#month-projection-rows tbody tr")).ToHaveCountAsync(rows.Count, new() { Timeout = 15_000 });
        await page.Locator("#month-projection > details > summary").ClickAsync();
        var row = page.Locator("#month-projection-rows tr[data-scope='unit:330402-CENTRE']");
        var expected = await page.EvaluateAsync<string>("r => r === null ? '—' : `${(r * 100).toFixed(1)}%`",
            centre.GetProperty("expected").ValueKind == JsonValueKind.Null ? null : centre.GetProperty("expected").GetDouble());
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(centre.GetProperty("openDue").GetInt64().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(expected);
        await Assertions.Expect(row.Locator("td").Nth(0).Locator("a")).ToHaveAttributeAsync("href", "#/worklist?unit=330402-CENTRE");
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(
            $"{centre.GetProperty("mustCloseToday").GetInt64()} / {centre.GetProperty("dueToday").GetInt64()}");
        await TabToAsync(page, "definition-month-projection-name", maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#definition-month-projection")).ToContainTextAsync("泊松二项分布");
        errors.Should().BeEmpty();
    }

    /// <summary>What the column says of an item, as the page words it in Chinese.</summary>
    internal static string CellText(JsonElement item)
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
