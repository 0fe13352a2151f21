using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class TicketJourneyTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task An_operator_registers_and_dispatches_a_call_by_keyboard_alone_and_the_unit_signs_and_resolves_it()
    {
        var number = await RegisterAndDispatchByKeyboardAsync();

        var staff = await system.NewPageAsync();
        await SignInAsync(staff, CentreStaff);
        var row = staff.Locator("#worklist tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("已派单");
        await ScreenshotAsync(staff, "journey-2-worklist");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

        await staff.Locator("#act-sign").ClickAsync();
        await Assertions.Expect(staff.Locator("#item-notice")).ToContainTextAsync("签收");
        await staff.Locator("#act-resolve").ClickAsync();
        await staff.Locator("#f-reply").FillAsync("已联系区残联，护理补贴将于本月底前发放。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();

        await Assertions.Expect(staff.Locator("dl.facts").First).ToContainTextAsync("已办结");
        await Assertions.Expect(staff.Locator("ol.history")).ToContainTextAsync("签收");
        await Assertions.Expect(staff.Locator("ol.history")).ToContainTextAsync("办结");
        await ScreenshotAsync(staff, "journey-3-resolved");
    }

    private async Task<string> RegisterAndDispatchByKeyboardAsync()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#login-email").WaitForAsync();
        await page.Keyboard.TypeAsync(Operator);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserSystem.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#intake-form").WaitForAsync();

        await TabToAsync(page, "f-callerName");
        await page.Keyboard.TypeAsync("李四");
        await TabToAsync(page, "f-callerPhone");
        await page.Keyboard.TypeAsync("13812345678");
        await TabToAsync(page, "f-countyCode");
        await ArrowToOptionAsync(page, "330402");
        await TabToAsync(page, "f-kind");
        await ArrowToOptionAsync(page, "help");
        await TabToAsync(page, "f-topic");
        await ArrowToOptionAsync(page, "care_services");
        await TabToAsync(page, "f-content");
        await page.Keyboard.TypeAsync("来电反映母亲的残疾人护理补贴三个月未发放，请核实处理。");
        await Assertions.Expect(page.Locator("#suggested-unit")).ToContainTextAsync("330402-CENTRE");
        await TabToAsync(page, "intake-submit");
        await ScreenshotAsync(page, "journey-1-intake-filled");
        await page.Keyboard.PressAsync("Enter");

        var done = page.Locator("#intake-done");
        await Assertions.Expect(done).ToContainTextAsync("已登记并派往");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("intake-next", "focus moves to what comes next");
        return TicketNumber().Match(await done.InnerTextAsync()).Value;
    }

    [GeneratedRegex(@"JX12385-\d{8}-\d{6}")]
    private static partial Regex TicketNumber();
}
