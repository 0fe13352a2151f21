using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;
using static Dispatch.Tests.Browser.CaseSeeding;

namespace Dispatch.Tests.Browser;

/// <summary>
/// A legal-aid station's day: a walk-in application registered, checked against the Law's eligibility checklist, granted
/// and assigned, by keyboard alone; a case moved to the competent station; the case search. Each new page is axe-scanned.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LegalAidStationDayTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task A_clerk_registers_a_walk_in_checks_eligibility_grants_and_assigns_by_keyboard_alone()
    {
        var page = await system.NewPageAsync();
        await SignInAsync(page, LegalStaff);
        await page.GetByRole(AriaRole.Link, new() { Name = "法律援助申请" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("登记法律援助申请");
        await Assertions.Expect(page.Locator("#f-stationCode")).ToContainTextAsync("本站");

        await TabToAsync(page, "case-new-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("申请人姓名必填");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-name", "the first bad field takes the focus");
        await ExpectAxeCleanAsync(page, "legal-aid-new-errors");

        await page.Keyboard.TypeAsync("赵敏");
        await TabToAsync(page, "f-phone");
        await page.Keyboard.TypeAsync("1390573");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#f-phone-error")).Not.ToBeEmptyAsync();
        // Back with Shift+Tab, which selects the field's text, and type the whole number again.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.TypeAsync("13905730001");
        await TabToAsync(page, "f-countyCode");
        await ArrowToOptionAsync(page, "330402");
        await TabToAsync(page, "f-caseType");
        await ArrowToOptionAsync(page, "labour_dispute");
        await TabToAsync(page, "f-summary");
        await page.Keyboard.TypeAsync("申请人在工厂工作，单位拖欠工资四个月，现来站申请法律援助。");
        await TabToAsync(page, "f-opposingParty");
        await page.Keyboard.TypeAsync("嘉兴某某制衣有限公司");
        await Assertions.Expect(page.Locator("#f-phone-error")).ToBeEmptyAsync();
        await TabToAsync(page, "case-new-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#case-new-done")).ToContainTextAsync("已登记法律援助申请 JXFY-");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("case-new-open");
        await ScreenshotAsync(page, "legal-aid-day-1-registered");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#eligibility")).ToContainTextAsync("尚未进行资格审查");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("139****0001");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("嘉兴某某制衣有限公司");

        await ActAsync(page, "accept", "受理");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("审查中");

        await TabToAsync(page, "act-grant");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#action-error")).ToContainTextAsync("资格审查清单尚未完成");
        await Assertions.Expect(page.Locator("#action-error")).ToContainTextAsync("第三十八条");

        await ShiftTabToAsync(page, "act-eligibility");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-scope");
        await ArrowToOptionAsync(page, "labour_relation_or_pay");
        await TabToAsync(page, "f-means");
        await ArrowToOptionAsync(page, "not_verified");
        await Assertions.Expect(page.Locator("#f-meansBasis")).ToBeHiddenAsync();
        await TabToAsync(page, "f-exemptPerson");
        await ArrowToOptionAsync(page, "vulnerable_without_income");
        await TabToAsync(page, "f-competent");
        await ArrowToOptionAsync(page, "true");
        await ExpectAxeCleanAsync(page, "legal-aid-eligibility-form");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#eligibility")).ToContainTextAsync("清单完整");
        await Assertions.Expect(page.Locator("#eligibility")).ToContainTextAsync("第四十二条第一项");

        await ActAsync(page, "grant", "决定给予援助");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("决定援助");
        await RosterMemberAsync(system, "王律师");
        await TabToAsync(page, "act-assign");
        await page.Keyboard.PressAsync("Enter");
        // The roster's members arrive with the rotation's offer; its pick is chosen already.
        await Assertions.Expect(page.Locator("#f-memberId option:checked")).ToContainTextAsync("轮派推荐");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-memberId");
        await ExpectAxeCleanAsync(page, "legal-aid-assign-rotation");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("已指派");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("王律师");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("按轮派指派");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("资格审查");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("请求确认劳动关系或者支付劳动报酬");
        await ScreenshotAsync(page, "legal-aid-day-2-assigned");
    }

    [Fact]
    public async Task A_clerk_moves_an_application_to_the_competent_station_and_is_told_where_it_went()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        var opened = await ApplicationAsync(operatorApi, "330402", "钱进", "labour_dispute");
        var page = await system.NewPageAsync();
        await SignInAsync(page, LegalStaff);
        await page.GotoAsync($"/#/legal-aid-cases/{opened.GetProperty("id").GetString()}");

        await page.Locator("#act-transfer").ClickAsync();
        await page.Locator("#f-stationCode").SelectOptionAsync("330411-LEGAL");
        await page.Locator("#f-reason").FillAsync("劳动争议仲裁委员会在秀洲区，应由秀洲区法律援助站受理。");
        await page.Locator("#action-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync("已移送至");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("case-transferred-back");
        using var competent = await ApiAsync(system, "staff.330411-legal@jx12385.test");
        var moved = await competent.GetFromJsonAsync<JsonElement>($"/api/legal-aid-cases/{opened.GetProperty("id").GetString()}");
        moved.GetProperty("stationCode").GetString().Should().Be("330411-LEGAL");
    }

    [Fact]
    public async Task The_case_search_filters_and_pages_with_numbers_masked()
    {
        var name = "检索" + Guid.NewGuid().ToString("N")[..6];
        using var operatorApi = await ApiAsync(system, Operator);
        var property = await ApplicationAsync(operatorApi, "330424", name, "property");
        for (var i = 0; i < 20; i++)
        {
            await ApplicationAsync(operatorApi, "330424", name, "labour_dispute");
        }
        var page = await system.NewPageAsync();
        await SignInAsync(page, Operator);
        await page.GetByRole(AriaRole.Link, new() { Name = "法律援助案件查询" }).ClickAsync();

        await page.Locator("#search-q").FillAsync(name);
        await page.Locator("#search-q").PressAsync("Enter");

        await Assertions.Expect(page.Locator("#search-count")).ToHaveTextAsync("共 21 件 · 第 1 / 2 页");
        await Assertions.Expect(page.Locator("#search-results tbody tr")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("#search-results tbody tr").First).ToContainTextAsync("139****");
        await ExpectAxeCleanAsync(page, "legal-aid-search");
        await page.Locator("#search-next").ClickAsync();
        await Assertions.Expect(page.Locator("#search-count")).ToHaveTextAsync("共 21 件 · 第 2 / 2 页");
        await Assertions.Expect(page.Locator("#search-results tbody tr")).ToHaveCountAsync(1);
        page.Url.Should().Contain("page=2");

        await page.Locator("#search-type").SelectOptionAsync("property");
        await page.Locator("#search-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#search-count")).ToHaveTextAsync("共 1 件 · 第 1 / 1 页");
        await Assertions.Expect(page.Locator("#search-results")).ToContainTextAsync(property.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task The_stations_head_adds_a_lawyer_to_the_roster_by_keyboard_alone_and_sees_the_phone_masked()
    {
        var page = await system.NewPageAsync();
        await SignInAsync(page, "head.330424-legal@jx12385.test");
        // The start page finishes drawing first, so it cannot replace the page the link opens.
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("法律援助待办");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByRole(AriaRole.Link, new() { Name = "律师名册" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("律师名册");
        await Assertions.Expect(page.Locator("#laroster-table, #laroster-empty").First).ToBeVisibleAsync();

        await TabToAsync(page, "laroster-add");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#laroster-form")).ToBeVisibleAsync();
        await TabToAsync(page, "f-name");
        await page.Keyboard.TypeAsync("陈律师");
        await TabToAsync(page, "f-organisation");
        await page.Keyboard.TypeAsync("浙江海盐律师事务所");
        await TabToAsync(page, "f-phone");
        await page.Keyboard.TypeAsync("13900003333");
        await TabToAsync(page, "f-fields-labour_dispute");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "laroster-save");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#laroster-notice")).ToContainTextAsync("已将 陈律师 添加到名册");
        var row = page.Locator("#laroster-table tbody tr", new() { HasText = "陈律师" });
        await Assertions.Expect(row).ToContainTextAsync("139****3333");
        await Assertions.Expect(row).ToContainTextAsync("劳动争议");
        await Assertions.Expect(row).Not.ToContainTextAsync("13900003333");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().StartWith("laroster-edit-", "the new member's edit button takes the focus");
        await ScreenshotAsync(page, "legal-aid-roster-added");

        // The change (If-Match) leaves the phone empty: the stored number stays; the history lists both changes.
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "f-maxOpenCases");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("3");
        await TabToAsync(page, "laroster-save");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#laroster-notice")).ToContainTextAsync("已修改 陈律师");
        await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("3");
        await Assertions.Expect(row).ToContainTextAsync("139****3333");
        await TabToAsync(page, (await page.EvaluateAsync<string>("() => document.activeElement.id")).Replace("edit", "history"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#laroster-history tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#laroster-history")).ToContainTextAsync("在办案件上限：10 → 3");
    }

    /// <summary>Opens an action's form from the keyboard and submits it as it stands; the page says it was done.</summary>
    private static async Task ActAsync(IPage page, string action, string label)
    {
        await TabToAsync(page, $"act-{action}");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "action-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#item-notice")).ToContainTextAsync($"已完成“{label}”");
    }

    /// <summary>Presses Shift+Tab until the element with this id has the focus.</summary>
    private static async Task ShiftTabToAsync(IPage page, string id, int maxPresses = 40)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
            await page.Keyboard.PressAsync("Shift+Tab");
        }
        throw new InvalidOperationException($"#{id} was not reached with {maxPresses} presses of Shift+Tab.");
    }

    private static async Task ExpectAxeCleanAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, "page-" + name);
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .Should().BeEmpty();
    }

    /// <summary>An operator registers an application for an applicant of the county; returns the case.</summary>
    private static async Task<JsonElement> ApplicationAsync(HttpClient operatorApi, string county, string name, string caseType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/legal-aid-cases")
        {
            Content = JsonContent.Create(new
            {
                applicant = new { name, phone = "13900005678", countyCode = county },
                caseType, summary = "申请人请求法律援助，案情详见申请材料。",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await operatorApi.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
