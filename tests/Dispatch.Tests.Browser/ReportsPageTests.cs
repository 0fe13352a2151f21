using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 工作报表 (#/reports): reached from the menu, a supervisor picks a past month and the current one and sees the figures of
/// the stats for each; the print stylesheet hides the navigation and the form and keeps the report; the downloads are
/// named by the report's title; the scope picker holds only the user's scopes; no serious accessibility violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(BrowserSystem system) : BrowserTest
{
    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_supervisor_picks_a_past_month_then_the_current_one_and_sees_the_figures_of_the_stats()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        using var supervisorApi = await ApiAsync(system, CountySupervisor);
        await RegisteredAndDispatchedAsync(operatorApi, "来电反映盲道被占用，请核实处理（报表测试）。");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jiaxing).DateTime);
        var past = today.AddMonths(-1);
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CountySupervisor);

        await page.Locator("#nav a", new() { HasText = "工作报表" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("工作报表");
        await page.Locator("#report-month").FillAsync(past.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.Locator("#report-scope").SelectOptionAsync("county:330402");
        await page.Locator("#report-show").ClickAsync();

        await Assertions.Expect(page.Locator("#report-title")).ToHaveTextAsync($"南湖区12385残疾人服务热线 {past.Year}年{past.Month}月 工作报表");
        await Assertions.Expect(page.Locator("#report-to-date")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#report-target")).ToContainTextAsync("95.00%");
        await ExpectFiguresOfTheStatsAsync(page, supervisorApi, "county:330402", past);

        await page.Locator("#report-month").FillAsync(today.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.Locator("#report-show").ClickAsync();

        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync($"{today.Year}年{today.Month}月（截至{today.Month}月{today.Day}日）");
        await Assertions.Expect(page.Locator("#report-to-date")).ToContainTextAsync("截至");
        var received = await ExpectFiguresOfTheStatsAsync(page, supervisorApi, "county:330402", today);
        received.Should().BeGreaterThan(0, "the ticket registered today counts in this month");
        await ScreenshotAsync(page, "reports-screen");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Printed_the_report_keeps_its_title_and_tables_and_drops_the_navigation_and_the_form()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        await page.GotoAsync("/#/reports?scope=city&period=year&date=" + DateTime.UtcNow.Year);
        await page.Locator("#report-figures").WaitForAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("#nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#report-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#report-actions")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#report-figures")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#report-children")).ToBeVisibleAsync();
        (await page.Locator("#report-title").EvaluateAsync<string>("e => getComputedStyle(e).textAlign")).Should().Be("center");
        (await page.Locator("#report-figures td").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle")).Should().Be("solid");
        await ScreenshotAsync(page, "reports-print");

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(page.Locator("#nav")).ToBeVisibleAsync();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_downloads_are_named_by_the_title_and_a_county_supervisor_picks_only_the_county_and_its_units()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CountySupervisor);
        await page.GotoAsync("/#/reports");
        await page.Locator("#report-figures").WaitForAsync();

        var scopes = await page.Locator("#report-scope option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        scopes.Should().StartWith("county:330402").And.Contain("unit:330402-CENTRE")
            .And.OnlyContain(s => s == "county:330402" || s.StartsWith("unit:330402-", StringComparison.Ordinal));
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-xlsx").ClickAsync());
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-csv").ClickAsync());

        xlsx.SuggestedFilename.Should().MatchRegex(@"^南湖区12385残疾人服务热线 \d{4}年\d{1,2}月 工作报表\.xlsx$");
        csv.SuggestedFilename.Should().EndWith("工作报表.csv");
        (await File.ReadAllBytesAsync((await xlsx.PathAsync())!)).Take(2).Should().Equal((byte)'P', (byte)'K');
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_reports_page_has_no_serious_or_critical_accessibility_violations_and_is_reached_by_keyboard()
    {
        var (page, _) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        await page.GotoAsync("/#/reports");
        await page.Locator("#report-figures").WaitForAsync();

        await TabToAsync(page, "report-show", 60);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#report-figures").WaitForAsync();
        var result = await page.RunAxe();

        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .Should().BeEmpty();
    }

    /// <summary>Each figure row of the page shows the stats' value for that scope and month; returns the tickets received.</summary>
    private static async Task<double> ExpectFiguresOfTheStatsAsync(IPage page, HttpClient api, string scope, DateOnly month)
    {
        var stats = await api.GetFromJsonAsync<JsonElement>(
            $"/api/stats?scope={scope}&period=month&date={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}-01");
        foreach (var key in new[] { "tickets.received", "tickets.resolved", "tickets.onTimeClosureRate", "tickets.satisfactionRate", "petitions.received" })
        {
            var value = key.Split('.').Aggregate(stats, (e, name) => e.GetProperty(name));
            var shown = value.ValueKind == JsonValueKind.Null ? "—"
                : key.EndsWith("Rate", StringComparison.Ordinal) ? (value.GetDouble() * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%"
                : value.GetDouble().ToString(CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator($"#report-figures tr[data-key='{key}'] td.num").First).ToHaveTextAsync(shown);
        }
        return stats.GetProperty("tickets").GetProperty("received").GetDouble();
    }
}
