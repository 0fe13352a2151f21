using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 工作日历管理 (#/admin/calendar): an administrator publishes a year after its preview and adds and withdraws a county
/// closure; supervisors read it; others do not get it. Uses 2031, which no running clock of the other tests reaches.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarAdministrationPageTests(BrowserSystem system) : BrowserTest
{
    private const string Year = "2031";

    [Fact]
    public async Task An_administrator_publishes_a_year_after_its_preview_and_sees_it_official_with_its_history()
    {
        using var api = await ApiAsync(system, Admin);
        var (page, errors) = await OpenAsAdminAsync();

        await page.Locator($"#year-{Year}").ClickAsync();
        await Assertions.Expect(page.Locator("#workcal-year-heading")).ToHaveTextAsync($"{Year} 年 · 暂定");
        await Assertions.Expect(page.Locator("#workcal-year-heading")).ToBeFocusedAsync();
        await page.Locator("#workcal-publish-open").ClickAsync();

        // Pre-filled from the provisional year: the first block is New Year's Day.
        await Assertions.Expect(page.Locator("#f-workcal-block-0-name")).ToHaveValueAsync("元旦");
        await Assertions.Expect(page.Locator("#f-workcal-block-0-from")).ToHaveValueAsync($"{Year}-01-01");
        await Assertions.Expect(page.Locator("#f-workcal-block-0-name")).ToBeFocusedAsync();
        await page.Locator("#workcal-add-makeup").ClickAsync();
        await Assertions.Expect(page.Locator("#f-workcal-makeup-0-date")).ToBeFocusedAsync();
        await page.Locator("#f-workcal-makeup-0-date").FillAsync($"{Year}-04-23"); // a Wednesday: the server refuses it
        await page.Locator("#f-workcal-makeup-0-name").FillAsync("劳动节调休上班");
        await page.Locator("#f-workcal-source").FillAsync($"国务院办公厅关于{Year}年部分节假日安排的通知（浏览器测试）");
        await page.Locator("#f-workcal-reason").FillAsync("国务院放假通知已发布（浏览器测试）");
        await page.Locator("#workcal-preview").ClickAsync();

        await Assertions.Expect(page.Locator("#f-workcal-makeup-0-date-error")).ToHaveTextAsync("调休上班日须为周六或周日。");
        await Assertions.Expect(page.Locator("#f-workcal-makeup-0-date")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-workcal-makeup-0-date")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#workcal-year-check")).ToHaveCountAsync(0);

        await page.Locator("#f-workcal-makeup-0-date").FillAsync($"{Year}-04-27"); // a Sunday
        await page.Locator("#workcal-preview").ClickAsync();
        await Assertions.Expect(page.Locator("#workcal-year-check-heading")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#workcal-year-check")).ToContainTextAsync("没有计时会因此超期。");
        (await StatusAsync(api)).Should().Be("provisional", "a preview changes nothing");

        await page.Locator("#workcal-year-check-confirm").ClickAsync();

        await Assertions.Expect(page.Locator("#workcal-notice [role=status]")).ToContainTextAsync($"{Year} 年放假安排已发布为正式安排");
        await Assertions.Expect(page.Locator($"#year-{Year}-status")).ToHaveTextAsync("正式");
        await Assertions.Expect(page.Locator("#workcal-year-heading")).ToHaveTextAsync($"{Year} 年 · 正式");
        await Assertions.Expect(page.Locator("#workcal-year-heading")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#workcal-makeups-table")).ToContainTextAsync($"{Year}-04-27");
        await Assertions.Expect(page.Locator("#workcal-history tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#workcal-history")).ToContainTextAsync("国务院放假通知已发布（浏览器测试）");
        await Assertions.Expect(page.Locator("#workcal-history")).ToContainTextAsync("本人");
        (await StatusAsync(api)).Should().Be("official");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_administrator_adds_a_county_closure_after_its_preview_and_withdraws_it_with_a_reason()
    {
        const string reason = "台风过境，全县停工（浏览器测试）";
        using var api = await ApiAsync(system, Admin);
        var (page, errors) = await OpenAsAdminAsync();

        await page.Locator("#f-countyCode").SelectOptionAsync("330421");
        await page.Locator("#f-date").FillAsync($"{Year}-06-03");
        await page.Locator("#f-reason").FillAsync(reason);
        await page.Locator("#workcal-closure-preview").ClickAsync();
        await Assertions.Expect(page.Locator("#workcal-closure-check-heading")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#workcal-closure-check-heading")).ToContainTextAsync("嘉善县");
        (await ClosuresAsync(api, withdrawn: true)).Should().NotContain(c => c.GetProperty("reason").GetString() == reason, "a preview changes nothing");

        await page.Locator("#workcal-closure-check-confirm").ClickAsync();

        await Assertions.Expect(page.Locator("#workcal-notice [role=status]")).ToContainTextAsync($"已新增嘉善县 {Year}-06-03 的停工日");
        var row = page.Locator("#workcal-closures tbody tr", new() { HasText = reason });
        await Assertions.Expect(row).ToContainTextAsync("有效");
        await Assertions.Expect(page.Locator("#workcal-closures-heading")).ToBeFocusedAsync();
        (await ClosuresAsync(api, withdrawn: false)).Should().ContainSingle(c => c.GetProperty("reason").GetString() == reason);

        await row.GetByRole(AriaRole.Button, new() { Name = $"撤销嘉善县 {Year}-06-03 的停工日" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-withdrawReason")).ToBeFocusedAsync();
        await page.Locator("#workcal-withdraw-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#f-withdrawReason")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#f-withdrawReason").FillAsync("误录（浏览器测试）");
        await page.Locator("#workcal-withdraw-confirm").ClickAsync();

        await Assertions.Expect(page.Locator("#workcal-notice [role=status]")).ToContainTextAsync($"已撤销嘉善县 {Year}-06-03 的停工日");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Locator("#workcal-closures-withdrawn").CheckAsync();
        await Assertions.Expect(row).ToContainTextAsync("误录（浏览器测试）");
        (await ClosuresAsync(api, withdrawn: true)).Should().ContainSingle(c => c.GetProperty("reason").GetString() == reason
            && c.GetProperty("withdrawalReason").GetString() == "误录（浏览器测试）");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_supervisor_reads_the_calendar_without_changing_it_and_an_operator_does_not_get_the_page()
    {
        var supervisor = await system.NewPageAsync();
        await SignInAsync(supervisor, CitySupervisor);
        await supervisor.Locator("#nav a[href='#/admin/calendar']").ClickAsync();
        await Assertions.Expect(supervisor.Locator("main h1")).ToHaveTextAsync("工作日历管理");
        await Assertions.Expect(supervisor.Locator("#workcal-year-heading")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator($"#year-{Year}")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator("#workcal-publish-open")).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.Locator("#workcal-closure-form")).ToHaveCountAsync(0);

        var operatorPage = await system.NewPageAsync();
        await SignInAsync(operatorPage, Operator);
        await Assertions.Expect(operatorPage.Locator("#nav a[href='#/admin/calendar']")).ToHaveCountAsync(0);
        await operatorPage.GotoAsync("/#/admin/calendar");
        await Assertions.Expect(operatorPage.Locator("main h1")).ToHaveTextAsync("页面不存在");
        await Assertions.Expect(operatorPage.Locator("#workcal-years")).ToHaveCountAsync(0);
    }

    /// <summary>Signs in as the administrator and opens the page from the navigation; collects the script errors on the way.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsAdminAsync()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await page.Locator("#nav a[href='#/admin/calendar']").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("工作日历管理");
        await Assertions.Expect(page.Locator("#workcal-year-heading")).ToBeVisibleAsync();
        return (page, errors);
    }

    private static async Task<string?> StatusAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/calendars/{Year}")).GetProperty("status").GetString();

    private static async Task<List<JsonElement>> ClosuresAsync(HttpClient api, bool withdrawn) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/calendars/closures?includeWithdrawn={(withdrawn ? "true" : "false")}")).EnumerateArray()];
}
