using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 全部指标 on the dashboard: every measure of the API for the current or a past month or year, its definition a keyboard
/// press away, the year view (months as columns) and the breakdowns, each figure as the API counts it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardMeasuresTests(BrowserSystem system) : BrowserTest
{
    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Picking_a_past_month_then_the_year_shows_the_figures_the_api_gives_for_each()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        using var supervisorApi = await ApiAsync(system, CountySupervisor);
        await RegisteredAndDispatchedAsync(operatorApi, "来电反映盲道被占用，请核实处理（全部指标测试）。");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jiaxing).DateTime);
        var past = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CountySupervisor);
        await page.GotoAsync("/#/dashboard");
        var received = page.Locator("#measure-tickets-received td");

        var current = await ReceivedAsync(supervisorApi, "month", new DateOnly(today.Year, today.Month, 1));
        current.Should().BeGreaterThan(0, "the ticket registered now counts in this month");
        await Assertions.Expect(received).ToHaveTextAsync(Text(current), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#measures-heading")).ToContainTextAsync("实时");

        await page.Locator("#measures-month").FillAsync(past.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.Locator("#measures-show").ClickAsync();

        await Assertions.Expect(page.Locator("#measures-heading")).ToContainTextAsync($"{past.Year}年{past.Month}月");
        await Assertions.Expect(page.Locator("#measures-heading")).Not.ToContainTextAsync("实时");
        await Assertions.Expect(received).ToHaveTextAsync(Text(await ReceivedAsync(supervisorApi, "month", past)));

        await page.Locator("#measures-period-year").CheckAsync();
        await page.Locator("#measures-show").ClickAsync();

        await Assertions.Expect(page.Locator("#measures-year-table thead th")).ToHaveCountAsync(14);
        await Assertions.Expect(received).ToHaveTextAsync(Text(await ReceivedAsync(supervisorApi, "year", new DateOnly(today.Year, 1, 1))));
        var byKind = await supervisorApi.GetFromJsonAsync<JsonElement>($"/api/stats/breakdown?scope=county:330402&period=year&date={today.Year}-01-01&by=kind");
        var help = byKind.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("value").GetString() == "help");
        await page.Locator("#chart-breakdown details summary").ClickAsync();
        await Assertions.Expect(page.Locator("#breakdown-table tr", new() { HasText = "求助" }).Locator("td").First)
            .ToHaveTextAsync(Text(help.GetProperty("received").GetInt64()));
        await ScreenshotAsync(page, "dashboard-measures-year");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_measures_definition_opens_and_closes_by_keyboard_alone()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        await page.GotoAsync("/#/dashboard");
        await page.Locator("#measures-figures").WaitForAsync();
        var definition = page.Locator("#definition-tickets-onTimeClosureRate p");
        await Assertions.Expect(definition).ToBeHiddenAsync();

        await TabToAsync(page, "definition-tickets-onTimeClosureRate-name", maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(definition).ToBeVisibleAsync();
        await Assertions.Expect(definition).ToContainTextAsync("95%");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(definition).ToBeHiddenAsync();
        errors.Should().BeEmpty();
    }

    private static async Task<long> ReceivedAsync(HttpClient api, string period, DateOnly date) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/stats?scope=county:330402&period={period}&date={date:yyyy-MM-dd}"))
            .GetProperty("tickets").GetProperty("received").GetInt64();

    private static string Text(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));
}
