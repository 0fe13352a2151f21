using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>督办回复: the unit answers a supervision order in writing on the ticket page, by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionReplyTests(BrowserSystem system) : BrowserTest
{
    private const string Staff = "staff.330483-centre@jx12385.test";

    [Fact]
    public async Task The_unit_replies_to_an_order_on_the_ticket_page_by_keyboard_and_the_order_shows_as_answered()
    {
        using var api = await ApiAsync(system, Operator);
        var ticket = await RegisteredAndDispatchedAsync(api, "督办回复测试：来电反映辅具补贴迟迟未发放。", county: "330483");
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
}
