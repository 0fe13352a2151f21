using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>A unit's own work on its items in the browser: take a ticket, write a progress note, find it under "mine"; attach a file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ItemWorkPageTests(BrowserSystem system) : BrowserTest
{
    private const string Staff = "staff.330483-centre@jx12385.test";

    [Fact]
    public async Task Unit_staff_take_a_ticket_write_a_progress_note_and_find_it_under_mine_by_keyboard_alone()
    {
        using var api = await ApiAsync(system, Operator);
        var ticket = await RegisteredAndDispatchedAsync(api, "承办人测试：来电反映社区康复站无人接待。", county: "330483");
        var number = ticket.GetProperty("number").GetString()!;
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Staff);
        await page.GotoAsync($"/#/tickets/{ticket.GetProperty("id").GetString()}");
        await Assertions.Expect(page.Locator("#work-assignee")).ToContainTextAsync("未分配");

        await TabToAsync(page, "work-take", 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#work-assignee")).ToContainTextAsync("承办人（演示）");
        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync("已认领");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("work-heading", "focus returns to the panel");

        await TabToAsync(page, "f-work-note", 80);
        await page.Keyboard.TypeAsync("已电话联系社区，明日上门核实。");
        await TabToAsync(page, "work-note-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("办理进展 · 已电话联系社区，明日上门核实。");
        await ScreenshotAsync(page, "work-1-ticket");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();

        await page.GotoAsync("/#/worklist?assignee=me");
        await Assertions.Expect(page.Locator("#worklist")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#worklist tr", new() { HasText = number })).ToContainTextAsync("承办人（演示）");
        await page.Locator("#assignee-filter input[value=none]").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#worklist")).Not.ToContainTextAsync(number);
        page.Url.Should().Contain("assignee=none");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Unit_staff_attach_a_scanned_letter_by_keyboard_and_download_it_and_a_page_named_pdf_is_refused()
    {
        byte[] scan = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];
        using var api = await ApiAsync(system, Operator);
        var ticket = await RegisteredAndDispatchedAsync(api, "附件测试：来信反映无障碍通道被占用。", county: "330483");
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Staff);
        await page.GotoAsync($"/#/tickets/{ticket.GetProperty("id").GetString()}");
        await Assertions.Expect(page.Locator("#item-attachments")).ToContainTextAsync("暂无附件");

        await TabToAsync(page, "f-attach-file", 120);
        await page.Locator("#f-attach-file").SetInputFilesAsync(new FilePayload { Name = "来信扫描.png", MimeType = "image/png", Buffer = scan });
        await TabToAsync(page, "f-attach-note");
        await page.Keyboard.TypeAsync("来信原件扫描");
        await TabToAsync(page, "attach-submit");
        await page.Keyboard.PressAsync("Enter");

        var row = page.Locator("#attachments-table tbody tr", new() { HasText = "来信扫描.png" });
        await Assertions.Expect(row).ToContainTextAsync("PNG 图片");
        await Assertions.Expect(row).ToContainTextAsync("承办人");
        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync("已上传附件");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("上传附件");
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("a.attachment-link").ClickAsync());
        download.SuggestedFilename.Should().Be("来信扫描.png");
        (await File.ReadAllBytesAsync(await download.PathAsync())).Should().Equal(scan);

        await page.Locator("#f-attach-file").SetInputFilesAsync(new FilePayload
        {
            Name = "通知.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>x</body></html>"),
        });
        await page.Locator("#attach-submit").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#attach-error")).ToContainTextAsync("HTML");
        await Assertions.Expect(page.Locator("#attachments-table tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "attachments-1-ticket");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        errors.Should().BeEmpty();
    }
}
