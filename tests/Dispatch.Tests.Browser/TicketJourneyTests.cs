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

    /// <summary>
    /// The front line's whole day on one ticket (issue 15): the centre's staff have their worklist open when the operator
    /// registers and dispatches a call by keyboard; the list hears of it live; the staff sign, write a progress note, attach
    /// the caller's letter and resolve; the operator finds it in the callback queue, records the caller satisfied and closes
    /// it. No page logs a console error.
    /// </summary>
    [Fact]
    public async Task The_front_lines_day_from_intake_to_close_with_the_live_notice_a_note_and_an_attachment()
    {
        byte[] letter = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
        var (staff, staffErrors) = await SignedInWatchingErrorsAsync(system, CentreStaff);
        await staff.GotoAsync("/#/worklist");
        await Assertions.Expect(staff.Locator("#notices-status")).ToHaveTextAsync("实时更新中", new() { Timeout = 30_000 });

        var number = await RegisterAndDispatchByKeyboardAsync(NewCallerPhone());

        await Assertions.Expect(staff.Locator("#worklist")).ToContainTextAsync(number, new() { Timeout = 15_000 });
        await Assertions.Expect(staff.Locator("#notices-list")).ToContainTextAsync($"新派单 {number}");
        await staff.Locator("#worklist tr", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await staff.Locator("#act-sign").ClickAsync();
        await Assertions.Expect(staff.Locator("#item-notice")).ToContainTextAsync("签收");

        await TabToAsync(staff, "f-work-note", 80);
        await staff.Keyboard.TypeAsync("已联系区残联核实补贴发放情况。");
        await TabToAsync(staff, "work-note-submit");
        await staff.Keyboard.PressAsync("Enter");
        await Assertions.Expect(staff.Locator("ol.history")).ToContainTextAsync("办理进展 · 已联系区残联核实补贴发放情况。");

        await staff.Locator("#f-attach-file").SetInputFilesAsync(new FilePayload { Name = "来信.png", MimeType = "image/png", Buffer = letter });
        await TabToAsync(staff, "attach-submit", 80);
        await staff.Keyboard.PressAsync("Enter");
        await Assertions.Expect(staff.Locator("#attachments-table tbody tr", new() { HasText = "来信.png" })).ToContainTextAsync("PNG 图片");

        await staff.Locator("#act-resolve").ClickAsync();
        await staff.Locator("#f-reply").FillAsync("经核实，护理补贴已于本月补发。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Assertions.Expect(staff.Locator("dl.facts").First).ToContainTextAsync("已办结");
        await ScreenshotAsync(staff, "day-1-resolved");

        var (operatorPage, operatorErrors) = await SignedInWatchingErrorsAsync(system, Operator);
        await operatorPage.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "待回访" }).ClickAsync();
        var row = operatorPage.Locator("#callbacks tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("现在可以回访");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await operatorPage.Locator("#act-callback").ClickAsync();
        await operatorPage.Locator("#f-satisfaction").SelectOptionAsync("satisfied");
        await operatorPage.Locator("#action-submit").ClickAsync();
        await operatorPage.Locator("#act-close").ClickAsync();
        await operatorPage.Locator("#action-submit").ClickAsync();

        await Assertions.Expect(operatorPage.Locator("dl.facts").First).ToContainTextAsync("已归档");
        var history = operatorPage.Locator("ol.history");
        foreach (var step in new[] { "派单", "签收", "办理进展", "上传附件", "办结", "回访", "归档" })
        {
            await Assertions.Expect(history).ToContainTextAsync(step);
        }
        await ScreenshotAsync(operatorPage, "day-2-closed");
        staffErrors.Should().BeEmpty();
        operatorErrors.Should().BeEmpty();
    }

    private async Task<string> RegisterAndDispatchByKeyboardAsync(string phone = "13812345678")
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
        await page.Keyboard.TypeAsync(phone);
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
