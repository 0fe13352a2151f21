using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>The dashboard against the live contract, with the hub's side played by the test (runs without the live branch).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardContractTests(BrowserSystem system) : BrowserTest
{
    private static readonly object Item = new
    {
        itemType = "ticket", id = "00000000-0000-0000-0000-0000000000a1", number = "JX12385-20261129-000077", title = "护理补贴未发放",
        unitCode = "330402-CENTRE", countyCode = "330402", status = "signed", clock = "handling", clockState = "warning", dueAt = "2026-11-30T09:30:00Z",
    };

    private static object Stats(int received, string period) => new
    {
        scope = "city", scopeName = "嘉兴市", period, from = "2026-11-01", to = "2026-11-30", target = 0.95,
        tickets = new { received, open = 5, atRisk = 1, overdue = 0, resolved = 3, closed = 2, onTimeClosureRate = 0.9, closureRate = 0.5,
            timelySignForRate = 1.0, satisfactionRate = (double?)null },
        forecast = new { mustCloseToday = 2, openDueThisMonth = 4, onTimeSoFar = 9, closedSoFar = 10 },
        children = new[] { new { scope = "county:330402", scopeName = "南湖区", received = 3, open = 2, atRisk = 1, overdue = 0, onTimeClosureRate = 0.9 } },
    };

    [Fact]
    public async Task The_dashboard_draws_the_hub_snapshot_applies_its_changes_without_reload_and_joins_again_after_a_reconnect()
    {
        var page = await system.NewPageAsync();
        var hub = await HubScript.AttachAsync(page,
            new { scope = "city", stats = Stats(42, "day"), month = Stats(300, "month"), atRisk = new[] { Item }, overdue = Array.Empty<object>() },
            Stats(41, "day"));
        await SignInAsync(page, CitySupervisor);
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("实时更新中");
        await Assertions.Expect(page.Locator("#tile-received .value")).ToHaveTextAsync("42");
        await Assertions.Expect(page.Locator("#dash-at-risk")).ToContainTextAsync("JX12385-20261129-000077");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        hub.Push("statsChanged", new { scope = "city", stats = Stats(43, "day"), month = Stats(301, "month") });
        hub.Push("itemChanged", new { scope = "city", change = "overdue", item = Item });
        hub.Push("alert", new { scope = "city", kind = "overdue", item = Item, at = "2026-11-29T10:00:00Z", messageZh = "工单已超期", messageEn = "Ticket overdue" });

        await Assertions.Expect(page.Locator("#tile-received .value")).ToHaveTextAsync("43");
        await Assertions.Expect(page.Locator("#dash-overdue")).ToContainTextAsync("JX12385-20261129-000077");
        await Assertions.Expect(page.Locator("#dash-at-risk")).Not.ToContainTextAsync("JX12385-20261129-000077");
        await Assertions.Expect(page.Locator("#dash-alerts")).ToContainTextAsync("工单已超期");
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue();

        await hub.DropAsync();
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("实时更新中");
        await Fixtures.Eventually.Get(() => Task.FromResult(hub.Joined.Count), n => n >= 2, TimeSpan.FromSeconds(15), "a second Join after the reconnect");
        hub.Joined.Should().AllBe("city");
        await ScreenshotAsync(page, "dashboard-contract");
    }
}
