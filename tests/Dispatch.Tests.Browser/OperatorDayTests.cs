using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// The hotline operator's day in the browser (issue 15, item 1): signed out, the start page logs nothing; a resolved
/// ticket waits in the callback queue (待回访); a failed attempt shows when the next may be made; the caller reached, the
/// ticket is closed. Every console message of type error counts, failed requests included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorDayTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task The_signed_out_start_page_logs_no_console_error()
    {
        var page = await system.NewPageAsync();
        var errors = Watch(page);

        await page.GotoAsync("/");
        await page.Locator("#login-email").WaitForAsync();
        await page.Locator("#lang-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#login-email")).ToBeVisibleAsync();

        errors.Should().BeEmpty("the session probe answers 200 when nobody is signed in");
    }

    [Fact]
    public async Task The_operator_works_a_resolved_ticket_from_the_callback_queue_to_its_closing()
    {
        var number = await ResolvedTicketAsync("来电反映助听器补贴申请一个月无回音，请核实。（回访队列浏览器测试）");
        var page = await system.NewPageAsync();
        var errors = Watch(page);
        await SignInAsync(page, Operator);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "待回访" }).ClickAsync();
        var row = page.Locator("#callbacks tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("未联系上 0/3 次");
        await Assertions.Expect(row).ToContainTextAsync("现在可以回访");
        await Assertions.Expect(row).ToContainTextAsync("139****1234");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).Should().BeEmpty();
        await ScreenshotAsync(page, "operator-1-callbacks");

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.Locator("#act-callback").ClickAsync();
        await page.Locator("#f-reached-false").CheckAsync();
        await page.Locator("#f-note").FillAsync("无人接听");
        await page.Locator("#action-submit").ClickAsync();
        var facts = page.Locator("dl.facts").First;
        await Assertions.Expect(facts).ToContainTextAsync("未联系上 1/3 次");
        await Assertions.Expect(facts).ToContainTextAsync("下次回访不早于");
        await ScreenshotAsync(page, "operator-2-failed-attempt");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "待回访" }).ClickAsync();
        await page.Locator("#callbacks table, #callbacks p.empty").First.WaitForAsync();
        await Assertions.Expect(page.Locator("#callbacks tr", new() { HasText = number })).ToHaveCountAsync(0);
        await page.Locator("#callbacks-all").CheckAsync();
        row = page.Locator("#callbacks tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("未联系上 1/3 次");
        await Assertions.Expect(row).ToContainTextAsync("下次回访不早于");

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.Locator("#act-callback").ClickAsync();
        await page.Locator("#f-satisfaction").SelectOptionAsync("satisfied");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#act-close")).ToBeVisibleAsync();
        await page.Locator("#act-close").ClickAsync();
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("已归档");
        await ScreenshotAsync(page, "operator-3-closed");

        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_operator_merges_a_new_call_into_a_possible_duplicate_from_the_intake_page()
    {
        string earlier;
        using (var op = await ApiAsync(system, Operator))
        {
            earlier = (await RegisteredAndDispatchedAsync(op, "来电反映盲道被占用，请协调处理。（合并浏览器测试）")).GetProperty("number").GetString()!;
        }
        var page = await system.NewPageAsync();
        var errors = Watch(page);
        await SignInAsync(page, Operator);

        await page.Locator("#f-callerName").FillAsync("赵六");
        await page.Locator("#f-callerPhone").FillAsync("13900001234");
        await page.Locator("#f-countyCode").SelectOptionAsync("330402");
        await page.Locator("#f-kind").SelectOptionAsync("help");
        await page.Locator("#f-topic").SelectOptionAsync("care_services");
        await page.Locator("#f-content").FillAsync("又一位来电人反映同一处盲道被占用。");
        var merge = page.Locator($"#caller-history button.merge-into[data-number='{earlier}']");
        await merge.ClickAsync();
        await Assertions.Expect(page.Locator("#f-intoNumber")).ToHaveValueAsync(earlier);
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("intake-submit", "the next step is to confirm");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#intake-done")).ToContainTextAsync($"并入工单 {earlier}");
        await ScreenshotAsync(page, "operator-4-merged-at-intake");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_operator_finds_a_ticket_by_the_callers_phone_and_sees_the_number_masked()
    {
        string number;
        using (var op = await ApiAsync(system, Operator))
        {
            number = (await RegisteredAndDispatchedAsync(op, "来电咨询助残卡办理进度。（查询浏览器测试）")).GetProperty("number").GetString()!;
        }
        var page = await system.NewPageAsync();
        var errors = Watch(page);
        await SignInAsync(page, Operator);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "工单查询" }).ClickAsync();
        await page.Locator("#f-q").FillAsync("（查询浏览器测试）");
        await page.Locator("#f-phone").FillAsync("139 0000 1234");
        await page.Locator("#f-phone").PressAsync("Enter");

        var row = page.Locator("#search-results tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("139****1234");
        (await page.Locator("#search-results").InnerTextAsync()).Should().NotContain("13900001234");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).Should().BeEmpty();
        await ScreenshotAsync(page, "operator-5-search");

        await page.Locator("#f-q").FillAsync(number.ToLowerInvariant());
        await page.Locator("#f-phone").FillAsync("");
        await page.Locator("#search-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#search-results caption")).ToContainTextAsync("共 1 件");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_ticket_page_opens_a_printable_dispatch_slip_with_the_caller_masked()
    {
        string id;
        string number;
        using (var op = await ApiAsync(system, Operator))
        {
            var ticket = await RegisteredAndDispatchedAsync(op, "来电反映小区无障碍通道被堵。（交办单浏览器测试）");
            (id, number) = (ticket.GetProperty("id").GetString()!, ticket.GetProperty("number").GetString()!);
        }
        var page = await system.NewPageAsync();
        var errors = Watch(page);
        await SignInAsync(page, Operator);
        await page.GotoAsync($"/#/tickets/{id}");

        await page.Locator("#slip-link").ClickAsync();
        var slip = page.Locator("#dispatch-slip");
        await Assertions.Expect(slip).ToContainTextAsync("交 办 单");
        await Assertions.Expect(slip).ToContainTextAsync(number);
        await Assertions.Expect(slip).ToContainTextAsync("测****");
        await Assertions.Expect(slip).ToContainTextAsync("139****1234");
        await Assertions.Expect(slip).ToContainTextAsync("（交办单浏览器测试）");
        (await slip.InnerTextAsync()).Should().NotContain("测试来电人").And.NotContain("13900001234");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).Should().BeEmpty();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("#slip-print")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Assertions.Expect(slip).ToBeVisibleAsync();
        await ScreenshotAsync(page, "operator-6-dispatch-slip-print");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_petitions_acceptance_notice_prints_after_its_dispatch_slip()
    {
        string id;
        using (var op = await ApiAsync(system, Operator))
        using (var staff = await ApiAsync(system, CentreStaff))
        {
            id = (await RegisteredAndDispatchedAsync(op, "信访人反映残疾人两项补贴被停发。（告知书浏览器测试）", kind: "petition")).GetProperty("id").GetString()!;
            (await staff.PostAsync($"/api/tickets/{id}/sign", null)).EnsureSuccessStatusCode();
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date).ToString("yyyy-MM-dd");
            (await staff.PostAsJsonAsync($"/api/tickets/{id}/acceptance", new { accepted = true, notice = new { method = "mail", sentOn = today, reference = "EMS 2468" } }))
                .EnsureSuccessStatusCode();
        }
        var page = await system.NewPageAsync();
        var errors = Watch(page);
        await SignInAsync(page, Operator);

        await page.GotoAsync($"/#/tickets/{id}/slip");

        var notice = page.Locator("article.slip-notice");
        await Assertions.Expect(notice).ToContainTextAsync("信访事项受理告知书");
        await Assertions.Expect(notice).ToContainTextAsync("测****：");
        await Assertions.Expect(notice).ToContainTextAsync("邮寄");
        errors.Should().BeEmpty();
    }

    /// <summary>Every console error and uncaught script error of the page, failed requests included.</summary>
    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    /// <summary>Registered and dispatched by the operator, signed for and resolved by the centre, through the API.</summary>
    private async Task<string> ResolvedTicketAsync(string content)
    {
        using var op = await ApiAsync(system, Operator);
        using var staff = await ApiAsync(system, CentreStaff);
        var ticket = await RegisteredAndDispatchedAsync(op, content);
        var id = ticket.GetProperty("id").GetString();
        (await staff.PostAsync($"/api/tickets/{id}/sign", null)).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/tickets/{id}/resolve", new { reply = "已协调区残联，补贴将于下周发放。" })).EnsureSuccessStatusCode();
        return ticket.GetProperty("number").GetString()!;
    }
}
