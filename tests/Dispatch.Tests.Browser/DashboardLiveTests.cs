using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>The supervisor dashboard against the real stats API and supervision hub.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardLiveTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task A_supervisors_open_dashboard_shows_a_new_ticket_without_a_reload()
    {
        var page = await system.NewPageAsync();
        // 桐乡市: no other browser test registers there, so the day's count moves by this test's ticket alone.
        await SignInAsync(page, "supervisor.330483@jx12385.test");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("实时更新中", new() { Timeout = 30_000 });
        var received = page.Locator("#tile-received .value");
        var before = int.Parse(await received.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        using var api = await ApiAsync(system, Operator);
        await RegisteredAndDispatchedAsync(api, "大屏实时更新测试：来电反映无障碍坡道损坏。", county: "330483");

        // The tile moves off its old figure by itself and settles on what the server counts now, which includes this ticket.
        await Assertions.Expect(received).Not.ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        using var supervisorApi = await ApiAsync(system, "supervisor.330483@jx12385.test");
        var counted = (await supervisorApi.GetFromJsonAsync<JsonElement>("/api/stats?scope=county:330483&period=day")).GetProperty("tickets").GetProperty("received").GetInt64();
        counted.Should().BeGreaterThan(before);
        await Assertions.Expect(received).ToHaveTextAsync(counted.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the figures changed without a reload");
        await ScreenshotAsync(page, "dashboard-live-update");
    }
}
