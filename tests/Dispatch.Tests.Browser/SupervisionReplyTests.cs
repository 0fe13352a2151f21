using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 督办回复: the unit answers a supervision order in writing on the ticket page (and a provider on a visit's), by keyboard alone; 时限异常监测: the
/// supervisors' page of clock gaming shows the API's figures and heat map and follows new signals live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionReplyTests(BrowserSystem system) : BrowserTest
{
    private const string Staff = "staff.330483-centre@jx12385.test";

    [Fact]
    public async Task The_unit_replies_to_an_order_on_the_ticket_page_by_keyboard_and_the_order_shows_as_answered()
    {
        using var api = await ApiAsync(system, Operator);
        // A first call: a repeat caller's ticket would carry an order of its own (repeat_caller) beside the supervisor's.
        var ticket = await RegisteredAndDispatchedAsync(api, "督办回复测试：来电反映辅具补贴迟迟未发放。", county: "330483", phone: NewCallerPhone());
        var id = ticket.GetProperty("id").GetString()!;
        using var supervisor = await ApiAsync(system, "supervisor@jx12385.test");
        var ordered = await supervisor.PostAsJsonAsync($"/api/tickets/{id}/supervise", new { note = "请说明迟迟未发放的原因" });
        ordered.IsSuccessStatusCode.Should().BeTrue(await ordered.Content.ReadAsStringAsync());
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Staff);
        await page.GotoAsync($"/#/tickets/{id}");
        await Assertions.Expect(page.Locator("#ticket-orders")).ToContainTextAsync("待承办单位回复");

        await TabToAsync(page, "act-supervision-reply", 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#f-orderId")).ToBeVisibleAsync();
        await TabToAsync(page, "f-reply");
        await page.Keyboard.TypeAsync("已核实：补贴因银行账户变更退回，本周内重新发放。");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#ticket-orders")).ToContainTextAsync("书面回复：已核实：补贴因银行账户变更退回", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("督办回复");
        await Assertions.Expect(page.Locator("#act-supervision-reply")).ToHaveCountAsync(0);
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}");
        stored.GetProperty("supervisionOrders")[0].GetProperty("state").GetString().Should().Be("replied");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_provider_replies_to_an_order_on_the_visit_page_by_keyboard()
    {
        var visit = await CaseSeeding.RequestedVisitAsync(system);
        var id = visit.GetProperty("id").GetString()!;
        using var supervisor = await ApiAsync(system, "supervisor.330402@jx12385.test");
        var ordered = await supervisor.PostAsJsonAsync($"/api/rehab-visits/{id}/supervise", new { note = "请说明为何迟迟未受理" });
        ordered.IsSuccessStatusCode.Should().BeTrue(await ordered.Content.ReadAsStringAsync());
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CaseSeeding.RehabStaff);
        await page.GotoAsync($"/#/rehab-visits/{id}");
        await Assertions.Expect(page.Locator("#visit-orders")).ToContainTextAsync("待承办单位回复");

        await TabToAsync(page, "act-supervision-reply", 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#f-orderId")).ToBeVisibleAsync();
        await TabToAsync(page, "f-reply");
        await page.Keyboard.TypeAsync("已联系服务对象，明日上午上门评估。");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#visit-orders")).ToContainTextAsync("书面回复：已联系服务对象", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("督办回复");
        await Assertions.Expect(page.Locator("#act-supervision-reply")).ToHaveCountAsync(0);
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_clock_gaming_page_shows_the_apis_figures_and_heat_map_table_and_a_new_bounce_arrives_live()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        using var centre = await ApiAsync(system, CentreStaff);
        using var legal = await ApiAsync(system, "staff.330402-legal@jx12385.test");
        using var supervisor = await ApiAsync(system, CitySupervisor);
        await BounceAsync(operatorApi, centre, legal);
        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/clock-gaming?scope=city&period=month");
        var heat = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/returns-heatmap?scope=city&period=month");
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);

        await page.GotoAsync("/#/clock-gaming");

        var bounces = page.Locator("#gaming-units-table tr[data-unit='330402-LEGAL'] td[data-kind='return_bounce']");
        await Assertions.Expect(bounces).ToHaveTextAsync(BounceCount(report).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await page.Locator("#gaming-heatmap details summary").ClickAsync();
        var cell = heat.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("fromUnit").GetString() == "330402-CENTRE" && c.GetProperty("toUnit").GetString() == "330402-LEGAL");
        await Assertions.Expect(page.Locator("#gaming-heatmap-table td[data-from='330402-CENTRE'][data-to='330402-LEGAL']"))
            .ToHaveTextAsync(cell.GetProperty("count").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#gaming-signals-table tbody tr").First).ToBeVisibleAsync();
        await page.Locator("#gaming-definitions summary").ClickAsync();
        await Assertions.Expect(page.Locator("#gaming-definitions dl")).ToContainTextAsync("往返退单");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();

        await Assertions.Expect(page.Locator("#gaming-form[data-live='connected']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await BounceAsync(operatorApi, centre, legal);
        var after = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/clock-gaming?scope=city&period=month");
        BounceCount(after).Should().Be(BounceCount(report) + 1);
        await Assertions.Expect(bounces).ToHaveTextAsync(BounceCount(after).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        await ScreenshotAsync(page, "clock-gaming");
        errors.Should().BeEmpty();
    }

    private static long BounceCount(JsonElement report) =>
        report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == "330402-LEGAL")
            .GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "return_bounce").GetProperty("count").GetInt64();

    /// <summary>A ticket returned by the centre, dispatched to the legal-aid station, returned by it and ruled back to the centre.</summary>
    private static async Task BounceAsync(HttpClient operatorApi, HttpClient centre, HttpClient legal)
    {
        var ticket = await RegisteredAndDispatchedAsync(operatorApi, "时限异常测试：来电反映就学补助未落实。");
        var id = ticket.GetProperty("id").GetString()!;
        foreach (var (client, action, body) in new (HttpClient, string, object)[]
        {
            (centre, "return", new { reasonCode = "not_our_responsibility" }),
            (operatorApi, "dispatch", new { unitCode = "330402-LEGAL" }),
            (legal, "return", new { reasonCode = "not_our_responsibility" }),
            (operatorApi, "dispatch", new { unitCode = "330402-CENTRE", note = "审定：由矛调中心办理" }),
        })
        {
            var response = await client.PostAsJsonAsync($"/api/tickets/{id}/{action}", body);
            response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        }
    }
}
