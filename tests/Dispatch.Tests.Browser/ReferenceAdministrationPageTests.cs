using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 单位管理, 乡镇（街道）管理 and 派单规则管理 (#/admin/units, towns, routing): an administrator changes each by keyboard
/// alone and sees the change in the record's history; the server's refusal shows in the form; supervisors only read.
/// Every record here is new and inactive (units, rules) or in a county no other browser test registers in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferenceAdministrationPageTests(BrowserSystem system) : BrowserTest
{
    private const string County = "330482";

    [Fact]
    public async Task An_administrator_changes_a_units_e_mail_and_routing_share_by_keyboard_and_sees_the_history_lines()
    {
        using var api = await ApiAsync(system, Admin);
        var code = $"{County}-BROWSER-{Random.Shared.Next(1000, 9999)}";
        (await api.PostAsJsonAsync("/api/reference/units",
            new { code, name = "浏览器测试康复站", kind = "rehab", countyCode = County, active = false })).StatusCode.Should().Be(HttpStatusCode.Created);
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await page.GotoAsync("/#/admin/units");
        await page.Locator("#units-table").WaitForAsync();

        await TabToAsync(page, "units-filter-county", 80);
        await ArrowToOptionAsync(page, County);
        await TabToAsync(page, "units-find");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#units-list-heading")).ToBeFocusedAsync();
        await TabToAsync(page, $"unit-edit-{code}", 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#unit-form-heading")).ToBeFocusedAsync();
        await TabToAsync(page, "f-email");
        await page.Keyboard.TypeAsync("not-an-address");
        await TabToAsync(page, "unit-form-save");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#unit-form")).ToContainTextAsync("电子邮箱格式不正确");
        await Assertions.Expect(page.Locator("#f-email")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("browser.rehab@example.org");
        await TabToAsync(page, "f-routingShare");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("4");
        await TabToAsync(page, "unit-form-save");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#units-notice [role=status]")).ToContainTextAsync($"已保存单位 浏览器测试康复站（{code}）");
        await Assertions.Expect(page.Locator($"#unit-{code} .unit-share")).ToHaveTextAsync("4");
        var newest = page.Locator("#units-history tbody tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("派单份额：1 → 4");
        await Assertions.Expect(newest).ToContainTextAsync("电子邮箱：");
        await Assertions.Expect(newest).ToContainTextAsync("browser.rehab@example.org");
        await Assertions.Expect(newest).ToContainTextAsync("系统管理员（演示）");
        await Assertions.Expect(page.Locator("#units-history tbody tr")).ToHaveCountAsync(2);
        var units = await api.GetFromJsonAsync<JsonElement[]>($"/api/reference/units?county={County}");
        var saved = units!.Single(u => u.GetProperty("code").GetString() == code);
        saved.GetProperty("routingShare").GetInt32().Should().Be(4);
        saved.GetProperty("email").GetString().Should().Be("browser.rehab@example.org");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_administrator_adds_a_town_by_keyboard_and_sees_it_listed_with_its_history()
    {
        var suffix = Random.Shared.Next(600, 1000).ToString("D3");
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await page.GotoAsync($"/#/admin/towns?county={County}");
        await page.Locator("#towns-table").WaitForAsync();

        await TabToAsync(page, "towns-add", 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#town-form-heading")).ToBeFocusedAsync();
        await TabToAsync(page, "f-code");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(suffix);
        await TabToAsync(page, "f-name");
        await page.Keyboard.TypeAsync("浏览器测试镇");
        await TabToAsync(page, "f-kind");
        await ArrowToOptionAsync(page, "town");
        await TabToAsync(page, "town-form-save");
        await page.Keyboard.PressAsync("Enter");

        var code = County + suffix;
        await Assertions.Expect(page.Locator("#towns-notice [role=status]")).ToContainTextAsync($"已新增 浏览器测试镇（{code}）");
        await Assertions.Expect(page.Locator($"#town-{code}")).ToContainTextAsync("浏览器测试镇");
        await Assertions.Expect(page.Locator("#towns-history tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#towns-history tbody tr").First).ToContainTextAsync("新增");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_town_code_that_exists_shows_the_servers_refusal_in_the_form()
    {
        using var api = await ApiAsync(system, Admin);
        var code = County + Random.Shared.Next(600, 1000).ToString("D3");
        await api.PostAsJsonAsync("/api/reference/towns", new { code, countyCode = County, name = "先到镇", kind = "town" });
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await page.GotoAsync($"/#/admin/towns?county={County}");
        await page.Locator("#towns-add").ClickAsync();
        await page.Locator("#f-code").FillAsync(code);
        await page.Locator("#f-name").FillAsync("后到镇");
        await page.Locator("#f-kind").SelectOptionAsync("town");
        await page.Locator("#town-form-save").ClickAsync();

        await Assertions.Expect(page.Locator("#town-form-error")).ToContainTextAsync($"乡镇（街道）代码 {code} 已存在");
        await Assertions.Expect(page.Locator($"#town-{code}")).ToContainTextAsync("先到镇");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_administrator_changes_where_a_routing_rule_sends_by_keyboard_and_sees_the_history_line()
    {
        using var api = await ApiAsync(system, Admin);
        var added = await api.PostAsJsonAsync("/api/routing-rules",
            new { countyCode = County, topic = "education", unitKind = "centre", active = false, note = "浏览器测试规则（停用）" });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await page.GotoAsync("/#/admin/routing");
        await Assertions.Expect(page.Locator($"#rule-{id}")).ToContainTextAsync("浏览器测试规则（停用）");

        await TabToAsync(page, $"rule-edit-{id}", 200);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#rule-form-heading")).ToBeFocusedAsync();
        await TabToAsync(page, "f-unitKind");
        await ArrowToOptionAsync(page, "legal_aid");
        await TabToAsync(page, "rule-form-save");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator($"#rule-{id} .rule-sends-to")).ToHaveTextAsync("法律救助站");
        await Assertions.Expect(page.Locator("#routing-history tbody tr").First).ToContainTextAsync("派往单位类型：矛调中心 → 法律救助站");
        var rules = await api.GetFromJsonAsync<JsonElement[]>("/api/routing-rules");
        rules!.Single(r => r.GetProperty("id").GetInt32() == id).GetProperty("unitKind").GetString().Should().Be("legal_aid");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_supervisor_reads_a_units_history_but_finds_no_way_to_change_it()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        await page.GotoAsync("/#/admin/units");
        await page.Locator("#units-table").WaitForAsync();
        await Assertions.Expect(page.Locator("#units-add")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#units-table button", new() { HasText = "修改" })).ToHaveCountAsync(0);
        await page.Locator("#unit-history-330402-CENTRE").ClickAsync();
        await Assertions.Expect(page.Locator("#units-history-heading")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#units-history-box")).ToBeVisibleAsync();
        errors.Should().BeEmpty();
    }
}
