using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;
using static Dispatch.Tests.Browser.CaseSeeding;

namespace Dispatch.Tests.Browser;

/// <summary>Unit worklists of legal-aid stations and rehabilitation providers: open an item, see its clocks and history, act on it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseWorkTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task A_station_staff_member_finds_a_case_opened_from_a_ticket_and_accepts_it_for_review_by_keyboard_alone()
    {
        var opened = await CaseOpenedFromTicketAsync(system);
        var number = opened.GetProperty("number").GetString()!;
        var page = await system.NewPageAsync();

        await SignInAsync(page, LegalStaff);

        await Assertions.Expect(page.Locator("#nav")).ToContainTextAsync("法律援助待办");
        var row = page.Locator("#worklist tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("已申请");
        await ScreenshotAsync(page, "case-1-worklist");
        await TabToAsync(page, $"item-{number}");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#ticket-links, dl.facts").First).ToContainTextAsync(opened.GetProperty("ticket").GetProperty("ticketNumber").GetString()!);

        await TabToAsync(page, "act-accept");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-note", "the form takes the focus");
        await page.Keyboard.TypeAsync("材料齐全，受理审查。");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync("受理");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("审查中");
        await Assertions.Expect(page.Locator("section[aria-labelledby=deadlines-heading]")).ToContainTextAsync("审查决定时限");
        await Assertions.Expect(page.Locator("section[aria-labelledby=deadlines-heading] .clock").First).ToHaveTextAsync("正常");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("材料齐全，受理审查。");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("actions-heading", "focus returns to the actions");
        await ScreenshotAsync(page, "case-2-accepted");
    }

    [Fact]
    public async Task The_callers_record_in_intake_lists_their_legal_aid_case_named_by_its_item_type()
    {
        var opened = await CaseOpenedFromTicketAsync(system);
        var page = await system.NewPageAsync();
        await SignInAsync(page, Operator);

        await page.Locator("#f-callerPhone").FillAsync("13900001234");

        var row = page.Locator("#person-items tr", new() { HasText = opened.GetProperty("number").GetString()! });
        await Assertions.Expect(row).ToContainTextAsync("法律援助");
        await Assertions.Expect(row).ToContainTextAsync("劳动争议");
    }

    [Fact]
    public async Task A_provider_sees_a_visit_in_its_worklist_and_on_its_worker_calendar_and_is_told_clearly_of_a_double_booking()
    {
        var start = NextWindowStart();
        var booked = await ScheduledVisitAsync(system, start, "W001", "张丽");
        var clash = await ScheduledVisitAsync(system, start.AddMinutes(30));
        var number = booked.GetProperty("number").GetString()!;
        var page = await system.NewPageAsync();

        await SignInAsync(page, RehabStaff);

        await Assertions.Expect(page.Locator("#nav")).ToContainTextAsync("排班日历");
        await Assertions.Expect(page.Locator("#worklist tr", new() { HasText = number })).ToContainTextAsync("已派人");
        await page.GetByRole(AriaRole.Link, new() { Name = "排班日历" }).ClickAsync();
        await page.Locator("#calendar-date").FillAsync(start.ToString("yyyy-MM-dd"));
        var workerDay = page.Locator("#calendar table", new() { HasText = "张丽（W001）" });
        await Assertions.Expect(workerDay).ToContainTextAsync(number);
        await page.Locator("#calendar-worker").SelectOptionAsync("W001");
        await Assertions.Expect(page.Locator("#calendar")).Not.ToContainTextAsync(clash.GetProperty("number").GetString()!);
        await Assertions.Expect(workerDay).ToContainTextAsync(number);
        await ScreenshotAsync(page, "visit-1-calendar");

        await page.GotoAsync($"/#/rehab-visits/{clash.GetProperty("id").GetString()}");
        await page.Locator("#act-assign").ClickAsync();
        await page.Locator("#f-workerId").FillAsync("W 001");
        await Assertions.Expect(page.Locator("#f-workerId-error")).ToContainTextAsync("康复人员编号须为", new() { Timeout = 5_000 });
        await page.Locator("#f-workerId").FillAsync("W001");
        await Assertions.Expect(page.Locator("#f-workerId-error")).ToBeEmptyAsync();
        await page.Locator("#f-workerName").FillAsync("张丽");
        await page.Locator("#action-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#action-error")).ToContainTextAsync("不能重复预约");
        await Assertions.Expect(page.Locator("#f-workerId")).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(page, "visit-2-double-booked");
    }

    [Fact]
    public async Task A_provider_accepts_a_hotline_request_and_its_first_visit_clock_starts()
    {
        var requested = await RequestedVisitAsync(system);
        var number = requested.GetProperty("number").GetString()!;
        var page = await system.NewPageAsync();

        await SignInAsync(page, RehabStaff);
        await Assertions.Expect(page.Locator("#worklist tr", new() { HasText = number })).ToContainTextAsync("待受理");
        await page.GotoAsync($"/#/rehab-visits/{requested.GetProperty("id").GetString()}");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("待康复机构受理");
        await Assertions.Expect(page.Locator("#act-schedule")).ToHaveCountAsync(0);

        await page.Locator("#act-accept").ClickAsync();
        await page.Locator("#f-note").FillAsync("已受理，三日内电话预约上门时间。");
        await page.Locator("#action-submit").ClickAsync();

        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("已受理");
        await Assertions.Expect(page.Locator("section[aria-labelledby=deadlines-heading]")).ToContainTextAsync("首次上门时限");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("已受理，三日内电话预约上门时间。");
        await Assertions.Expect(page.Locator("#act-schedule")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "visit-0-accepted");
    }
}
