using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>The big screen (大屏): rankings of counties and units, a drill-down that stays on the big screen, rotation through the scopes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BigScreenTests(BrowserSystem system) : BrowserTest
{
    private const string CitySupervisor = "supervisor@jx12385.test";

    [Fact]
    public async Task The_city_big_screen_ranks_counties_and_units_and_a_county_opens_its_own_big_screen()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        using var api = await ApiAsync(system, CitySupervisor);
        var city = await api.GetFromJsonAsync<JsonElement>("/api/stats?scope=city&period=month");
        var counties = city.GetProperty("children").EnumerateArray().ToList();
        var units = 0;
        foreach (var county in counties)
        {
            var scope = county.GetProperty("scope").GetString()!;
            units += (await api.GetFromJsonAsync<JsonElement>($"/api/stats?scope={Uri.EscapeDataString(scope)}&period=month")).GetProperty("children").GetArrayLength();
        }

        await page.GotoAsync("/#/dashboard?screen=big");
        var countyRows = page.Locator("#ranking-counties tbody tr");
        await Assertions.Expect(countyRows).ToHaveCountAsync(counties.Count, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#ranking-units tbody tr")).ToHaveCountAsync(units, new() { Timeout = 15_000 });
        (await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('big-screen')")).Should().BeTrue();

        // Best first: the ranks count up and the rates never rise down the table (a scope without a rate last).
        var ranks = await page.Locator("#ranking-counties tbody tr td:nth-child(1)").AllInnerTextsAsync();
        ranks.Should().Equal(Enumerable.Range(1, counties.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var rates = (await page.Locator("#ranking-counties tbody tr td:nth-child(3)").AllInnerTextsAsync()).Select(Rate).ToList();
        rates.Should().BeInDescendingOrder("the ranking is by the month's on-time closure rate");
        var names = await page.Locator("#ranking-counties tbody tr th").AllInnerTextsAsync();
        names.Should().BeEquivalentTo(counties.Select(c => c.GetProperty("scopeName").GetString()));

        // Drill down from the ranking: the county's own big screen, ranking its units.
        var tongxiang = counties.Single(c => c.GetProperty("scope").GetString() == "county:330483");
        var tongxiangUnits = (await api.GetFromJsonAsync<JsonElement>("/api/stats?scope=county:330483&period=month")).GetProperty("children").GetArrayLength();
        await page.Locator("#ranking-counties tbody th a", new() { HasTextString = tongxiang.GetProperty("scopeName").GetString()! }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(tongxiang.GetProperty("scopeName").GetString()!);
        page.Url.Should().Contain("scope=county%3A330483").And.Contain("screen=big");
        await Assertions.Expect(page.Locator("#ranking-units tbody tr")).ToHaveCountAsync(tongxiangUnits, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#ranking-counties")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('big-screen')")).Should().BeTrue("the drill-down stays on the big screen");
        await ScreenshotAsync(page, "big-screen-county");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_rotating_big_screen_steps_from_the_city_to_the_first_county_and_stops_when_asked()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        using var api = await ApiAsync(system, CitySupervisor);
        var counties = await api.GetFromJsonAsync<JsonElement>("/api/reference/counties");
        var first = counties.EnumerateArray().First(c => c.GetProperty("code").GetString() != "330400");

        await page.GotoAsync("/#/dashboard?scope=city&screen=big&rotate=5");
        var rotate = page.Locator("#rotate-scopes");
        await Assertions.Expect(rotate).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(rotate).ToHaveTextAsync("停止轮播");
        // The step comes from the page's own timer after 5 s; the heading then names the first county.
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(first.GetProperty("name").GetString()!, new() { Timeout = 20_000 });
        page.Url.Should().Contain($"scope=county%3A{first.GetProperty("code").GetString()}").And.Contain("rotate=5");

        await page.Locator("#rotate-scopes").ClickAsync();
        await Assertions.Expect(page.Locator("#rotate-scopes")).ToHaveAttributeAsync("aria-pressed", "false");
        page.Url.Should().NotContain("rotate=").And.Contain("screen=big");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_dashboard_left_while_it_still_loads_leaves_the_big_screen_to_the_one_that_replaced_it()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        await page.GotoAsync("/#/account");
        await Assertions.Expect(page.Locator("main h1")).ToBeFocusedAsync();

        // The first dashboard's overdue list is held back, so that dashboard is still loading when the big screen replaces it.
        var release = new TaskCompletionSource();
        var overdueRequests = 0;
        await page.RouteAsync("**/api/stats/overdue?**", async route =>
        {
            if (Interlocked.Increment(ref overdueRequests) == 1)
            {
                await release.Task;
            }
            await route.ContinueAsync();
        });
        var staleSocketClosed = new TaskCompletionSource();
        page.WebSocket += (_, socket) => socket.Close += (_, _) => staleSocketClosed.TrySetResult();

        await page.RunAndWaitForRequestAsync(() => page.GotoAsync("/#/dashboard"), "**/api/stats/overdue?**");
        await page.GotoAsync("/#/dashboard?screen=big");
        await Assertions.Expect(page.Locator("#ranking-counties tbody tr").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#big-screen")).ToHaveAttributeAsync("aria-pressed", "true");

        // The first dashboard now finishes into its detached host, opens its live connection and is stopped at once:
        // its socket closing is the sign that its stop has run.
        release.SetResult();
        await staleSocketClosed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        (await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('big-screen')")).Should()
            .BeTrue("the dashboard that was left must not take the big screen away from the one on screen");
        await Assertions.Expect(page.Locator("#big-screen")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("实时更新中");
        errors.Should().BeEmpty();
    }

    private static double Rate(string text)
    {
        var digits = text.Split('%')[0].Trim();
        return digits == "—" ? -1 : double.Parse(digits, CultureInfo.InvariantCulture);
    }
}
