using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;
using static Dispatch.Tests.Browser.CaseSeeding;

namespace Dispatch.Tests.Browser;

/// <summary>The rehabilitation plan pages: a provider makes a plan, sees every visit of it, amends, pauses and ends the plan by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RehabPlanPageTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task A_provider_makes_a_plan_sees_every_visit_scheduled_and_ends_the_plan_by_keyboard_which_cancels_them()
    {
        var page = await system.NewPageAsync();
        await SignInAsync(page, RehabStaff);

        await page.GetByRole(AriaRole.Link, new() { Name = "制定康复计划" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id='f-person.countyCode']")).ToHaveValueAsync("330402");
        await page.Locator("[id='f-person.name']").FillAsync("孙梅");
        await page.Locator("[id='f-person.phone']").FillAsync("13900007777");
        await page.Locator("[id='f-person.address']").FillAsync("南湖区建设街道 2 号");
        await page.Locator("#f-serviceType").SelectOptionAsync("rehabilitation_training");
        await page.Locator("#f-firstWindowStart").FillAsync(NextWindowStart().AddDays(3).ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#f-frequency").SelectOptionAsync("weekly");
        await page.Locator("#f-count").FillAsync("3");
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the new-plan form passes axe");
        await ScreenshotAsync(page, "plan-0-form");
        await TabToAsync(page, "plan-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("康复计划 · 康复训练 · 孙梅");
        var visits = page.Locator("#plan-visits table tbody tr");
        await Assertions.Expect(visits).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(visits.Nth(i)).ToContainTextAsync("已排期");
        }
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the plan page passes axe");
        await ScreenshotAsync(page, "plan-1-visits");

        await TabToAsync(page, "act-end");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-reason", "the form takes the focus");
        await page.Keyboard.TypeAsync("服务对象已入住养老机构");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync("终止计划");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("已终止");
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(visits.Nth(i)).ToContainTextAsync("已取消");
        }
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("服务对象已入住养老机构");
        await Assertions.Expect(page.Locator("#act-end")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "plan-2-ended");
    }

    [Fact]
    public async Task The_calendar_shows_a_workers_week_and_the_month_and_a_day_of_the_month_opens_by_keyboard()
    {
        var start = NextWindowStart().AddDays(1);
        var visit = await ScheduledVisitAsync(system, start, "W-WEEK", "周新");
        var number = visit.GetProperty("number").GetString()!;
        var date = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await system.NewPageAsync();
        await SignInAsync(page, RehabStaff);
        await page.GotoAsync($"/#/rehab-calendar?date={date}");
        await page.Locator("#calendar table").First.WaitForAsync();

        await TabToAsync(page, "calendar-view-day");
        await page.Keyboard.PressAsync("ArrowRight");
        var week = page.Locator("#calendar-week");
        var row = week.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = "周新（W-WEEK）" }) });
        var column = (((int)start.DayOfWeek) + 6) % 7 + 2;
        await Assertions.Expect(row.Locator($"td:nth-child({column})")).ToContainTextAsync(number);
        await Assertions.Expect(row.Locator("td").Filter(new() { HasText = number })).ToHaveCountAsync(1); // the visit is under its day only
        page.Url.Should().Contain("view=week");
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the week view passes axe");
        await ScreenshotAsync(page, "calendar-week");

        await page.Keyboard.PressAsync("ArrowRight");
        var day = page.Locator($"#calendar-month td[data-date='{date}']");
        await Assertions.Expect(day.Locator(".day-count")).ToBeVisibleAsync();
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the month view passes axe");
        await ScreenshotAsync(page, "calendar-month");
        await day.Locator("a").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#calendar-view-day")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#calendar")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#calendar-count")).ToContainTextAsync(date);
    }

    [Fact]
    public async Task A_provider_sees_its_roster_and_picks_a_free_worker_for_a_visit_by_keyboard()
    {
        using var staffApi = await ApiAsync(system, RosterStaff);
        var free = "B-FREE-" + Guid.NewGuid().ToString("N")[..6];
        var left = "B-LEFT-" + Guid.NewGuid().ToString("N")[..6];
        await AddRosterWorkerAsync(staffApi, free, "林静");
        await AddRosterWorkerAsync(staffApi, left, "周平", active: false);
        var visit = await RosterVisitAsync(staffApi);
        var page = await system.NewPageAsync();
        await SignInAsync(page, RosterStaff);

        await page.GetByRole(AriaRole.Link, new() { Name = "康复人员名册" }).ClickAsync();
        var row = page.Locator($"#worker-{free}");
        await Assertions.Expect(row).ToContainTextAsync("137****0001");
        await Assertions.Expect(page.Locator($"#worker-{left}")).ToContainTextAsync("已离职");
        await Assertions.Expect(page.Locator("#workers-history")).ToContainTextAsync(free);
        await ScreenshotAsync(page, "roster-0-list");

        await page.GotoAsync($"/#/rehab-visits/{visit.GetProperty("id").GetString()}");
        await TabToAsync(page, "act-assign");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-workerId", "the choice of free workers takes the focus");
        var options = await page.Locator("#f-workerId option").AllTextContentsAsync();
        options.Should().Contain(o => o.Contains(free)).And.NotContain(o => o.Contains(left), "a worker who left is not offered");
        await ArrowToOptionAsync(page, free);
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the assign form passes axe");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync($"林静（{free}）");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("已派人");
        await ScreenshotAsync(page, "roster-1-assigned");
    }

    /// <summary>
    /// The rehab coordinator's day (issue 15: plan -> roster -> visits), at 海宁市's second provider, which no other browser
    /// test uses: a worker joins the roster, a plan is made, its first visit gets the worker (offered as free), the week
    /// calendar shows it, the plan gets one more visit and is paused.
    /// </summary>
    [Fact]
    public async Task The_coordinator_adds_a_worker_makes_a_plan_books_the_worker_sees_the_week_then_amends_and_pauses_the_plan()
    {
        const string coordinator = "staff.330481-rehab-2@jx12385.test";
        var workerId = "HN-" + Guid.NewGuid().ToString("N")[..6];
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(3);
        var first = new DateTimeOffset(day.Year, day.Month, day.Day, 10, 0, 0, TimeSpan.FromHours(8));
        var page = await system.NewPageAsync();
        await SignInAsync(page, coordinator);

        // The roster: a worker for every day, 08:00-18:00, in the person's town.
        await page.GetByRole(AriaRole.Link, new() { Name = "康复人员名册" }).ClickAsync();
        await TabToAsync(page, "worker-add");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#f-workerId").FillAsync(workerId);
        await page.Locator("#f-name").FillAsync("陈晓");
        await page.Locator("#f-phone").FillAsync("13712340099");
        await page.Locator("#f-serviceTypes-rehabilitation_training").CheckAsync();
        await page.Locator("#f-towns-330481001").CheckAsync();
        await page.Locator("#f-workingDays-6").CheckAsync();
        await page.Locator("#f-workingDays-7").CheckAsync();
        await page.Locator("#f-dayStart").FillAsync("08:00");
        await page.Locator("#f-dayEnd").FillAsync("18:00");
        await TabToAsync(page, "worker-save");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"#worker-{workerId}")).ToContainTextAsync("陈晓");

        // The plan: two weekly visits from three days ahead, 10:00.
        await page.GetByRole(AriaRole.Link, new() { Name = "制定康复计划" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id='f-person.countyCode']")).ToHaveValueAsync("330481");
        await page.Locator("[id='f-person.name']").FillAsync("蒋丽");
        await page.Locator("[id='f-person.phone']").FillAsync("13900008811");
        await page.Locator("[id='f-person.address']").FillAsync("海宁市硖石街道 6 号");
        await page.Locator("#f-serviceType").SelectOptionAsync("rehabilitation_training");
        await page.Locator("#f-firstWindowStart").FillAsync(first.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#f-frequency").SelectOptionAsync("weekly");
        await page.Locator("#f-count").FillAsync("2");
        await TabToAsync(page, "plan-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("康复计划 · 康复训练 · 蒋丽");
        var planUrl = page.Url;
        var visits = page.Locator("#plan-visits table tbody tr");
        await Assertions.Expect(visits).ToHaveCountAsync(2);

        // The first visit gets the roster worker, offered as free.
        var firstVisit = visits.First.Locator("a");
        var number = (await firstVisit.TextContentAsync())!;
        await firstVisit.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "act-assign");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-workerId");
        await ArrowToOptionAsync(page, workerId);
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync($"陈晓（{workerId}）");

        // The week calendar shows the booking under its day.
        await page.GotoAsync($"/#/rehab-calendar?view=week&date={first:yyyy-MM-dd}");
        var row = page.Locator("#calendar-week tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = $"陈晓（{workerId}）" }) });
        await Assertions.Expect(row.Locator($"td:nth-child({(((int)first.DayOfWeek) + 6) % 7 + 2})")).ToContainTextAsync(number);

        // One more visit, by keyboard.
        await page.GotoAsync(planUrl);
        await Assertions.Expect(visits).ToHaveCountAsync(2);
        await TabToAsync(page, "act-amend");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-count", "the form takes the focus");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("3");
        await TabToAsync(page, "f-reason");
        await page.Keyboard.TypeAsync("康复评估后增加一次");
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the amend form passes axe");
        await ScreenshotAsync(page, "plan-3-amend");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync("调整计划");
        await Assertions.Expect(visits).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("次数 2 → 3");

        // Paused from today on: every visit not yet started is called off.
        await TabToAsync(page, "act-pause");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-from");
        await TabToAsync(page, "f-reason");
        await page.Keyboard.TypeAsync("服务对象住院治疗");
        (await SeriousViolationsAsync(page)).Should().BeEmpty("the pause form passes axe");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("已暂停");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("服务对象住院治疗");
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(visits.Nth(i)).ToContainTextAsync("已取消");
        }
        await Assertions.Expect(page.Locator("#act-resume")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#act-pause")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "plan-4-paused");
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page) =>
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}");
}
