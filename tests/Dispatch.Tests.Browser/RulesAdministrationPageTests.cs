using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 时限规则 (#/admin/rules): an administrator publishes a rule version after its preview; field errors show at the
/// fields; supervisors read it; others do not get it. The version takes effect on 2030-09-17, a day no other test uses,
/// so no item the other tests register takes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesAdministrationPageTests(BrowserSystem system) : BrowserTest
{
    private const string EffectiveFrom = "2030-09-17";

    [Fact]
    public async Task An_administrator_publishes_a_shorter_complaint_limit_after_its_preview_and_sees_the_new_version_listed()
    {
        const string reason = "投诉办理时限缩短为 8 个工作日（浏览器测试）";
        using var api = await ApiAsync(system, Admin);
        var (page, errors) = await OpenAsAdminAsync();

        await Assertions.Expect(page.Locator("#rules-version-2-status")).ToHaveTextAsync("现行");
        await Assertions.Expect(page.Locator("#rules-version-1-status")).ToHaveTextAsync("已被取代");
        await Assertions.Expect(page.Locator("#rules-version-2-row")).ToContainTextAsync("随系统发布");
        await Assertions.Expect(page.Locator("#rules-version-heading")).ToHaveTextAsync("第 2 版 · 现行");
        await Assertions.Expect(page.Locator("#rules-item-legalAid tbody tr", new() { HasText = "审查决定" }))
            .ToContainTextAsync("《中华人民共和国法律援助法》");
        await Assertions.Expect(page.Locator("#rules-item-legalAid tbody tr", new() { HasText = "审查决定" })).ToContainTextAsync("7 个自然日");
        var complaint = page.Locator("#rules-item-ticket tbody tr", new() { HasText = "投诉 · 一般" });
        await Assertions.Expect(complaint).ToContainTextAsync("办理：10 个工作日");
        await Assertions.Expect(complaint).ToContainTextAsync("本地默认，非法律规定");

        await page.Locator("#f-rules-effectiveFrom").FillAsync(EffectiveFrom);
        await page.Locator("#f-rules-reason").FillAsync(reason);
        var document = JsonNode.Parse(await page.Locator("#f-rules-document").InputValueAsync())!;
        var handling = document["ticketRules"]!.AsArray()
            .Single(r => (string?)r!["kind"] == "complaint" && (string?)r["urgency"] == "normal")!["handling"]!;
        ((int)handling["amount"]!).Should().Be(10, "the form is pre-filled from version 2");
        handling["amount"] = 8;
        await page.Locator("#f-rules-document").FillAsync(document.ToJsonString());
        await page.Locator("#rules-preview").ClickAsync();

        await Assertions.Expect(page.Locator("#rules-check-heading")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#rules-check-heading")).ToContainTextAsync($"第 3 版");
        await Assertions.Expect(page.Locator("#rules-check-keep")).ToContainTextAsync("运行中的计时不会改变");
        var change = page.Locator("#rules-changes tbody tr");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync("投诉 · 一般");
        await Assertions.Expect(change.Locator("td").Nth(2)).ToHaveTextAsync("时限变化");
        await Assertions.Expect(change.Locator("td").Nth(3)).ToHaveTextAsync("10 个工作日");
        await Assertions.Expect(change.Locator("td").Nth(4)).ToHaveTextAsync("8 个工作日");
        (await VersionsAsync(api)).Should().Be(2, "a preview changes nothing");

        await page.Locator("#rules-check-confirm").ClickAsync();

        await Assertions.Expect(page.Locator("#rules-notice [role=status]")).ToContainTextAsync("第 3 版已发布");
        await Assertions.Expect(page.Locator("#rules-version-3-status")).ToHaveTextAsync($"将于 {EffectiveFrom} 生效");
        await Assertions.Expect(page.Locator("#rules-version-3-reason")).ToHaveTextAsync(reason);
        await Assertions.Expect(page.Locator("#rules-version-3-row")).ToContainTextAsync("本人");
        await Assertions.Expect(page.Locator("#rules-version-2-status")).ToHaveTextAsync("现行");
        await Assertions.Expect(page.Locator("#rules-version-heading")).ToHaveTextAsync($"第 3 版 · 将于 {EffectiveFrom} 生效");
        await Assertions.Expect(page.Locator("#rules-version-heading")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#rules-item-ticket tbody tr", new() { HasText = "投诉 · 一般" })).ToContainTextAsync("办理：8 个工作日");
        (await VersionsAsync(api)).Should().Be(3);
        var published = await api.GetFromJsonAsync<JsonElement>("/api/sla-rules/3");
        published.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "complaint/normal")
            .GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("clock").GetString() == "handling")
            .GetProperty("amount").GetDecimal().Should().Be(8);
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Errors_show_at_their_fields_an_empty_reason_in_the_browser_and_the_servers_at_the_date_and_the_rules()
    {
        using var api = await ApiAsync(system, Admin);
        var (page, errors) = await OpenAsAdminAsync();
        var before = await VersionsAsync(api);

        await page.Locator("#rules-preview").ClickAsync();
        await Assertions.Expect(page.Locator("#f-rules-reason-error")).ToHaveTextAsync("发布理由必填。");
        await Assertions.Expect(page.Locator("#f-rules-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-rules-reason")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#rules-check")).ToHaveCountAsync(0);

        // The server refuses a version in force today: the error is at the date.
        await page.Locator("#f-rules-reason").FillAsync("今天生效（浏览器测试）");
        await page.Locator("#f-rules-effectiveFrom").FillAsync(ShanghaiToday());
        await page.Locator("#rules-preview").ClickAsync();
        await Assertions.Expect(page.Locator("#f-rules-effectiveFrom-error")).ToContainTextAsync("生效日期须晚于今天");
        await Assertions.Expect(page.Locator("#f-rules-effectiveFrom-error")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.Locator("#f-rules-effectiveFrom")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-rules-effectiveFrom")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#f-rules-reason")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // A document without the ticket rules: the server's error is at the JSON.
        await page.Locator("#f-rules-effectiveFrom").FillAsync("2031-03-05");
        await page.Locator("#f-rules-document").FillAsync("{\"warningAtPercent\": 75}");
        await page.Locator("#rules-preview").ClickAsync();
        await Assertions.Expect(page.Locator("#f-rules-document-error")).ToContainTextAsync("规则内容");
        await Assertions.Expect(page.Locator("#f-rules-document")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-rules-document")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#rules-check")).ToHaveCountAsync(0);
        (await VersionsAsync(api)).Should().Be(before, "nothing was published");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_supervisor_reads_the_rules_without_the_publish_form_and_an_operator_does_not_get_the_page()
    {
        var supervisor = await system.NewPageAsync();
        await SignInAsync(supervisor, CitySupervisor);
        await supervisor.Locator("#nav a[href='#/admin/rules']").ClickAsync();
        await Assertions.Expect(supervisor.Locator("main h1")).ToHaveTextAsync("时限规则");
        await Assertions.Expect(supervisor.Locator("#rules-version-2-row")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator("#rules-item-legalAid")).ToContainTextAsync("《中华人民共和国法律援助法》");
        await Assertions.Expect(supervisor.Locator("#rules-publish")).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.Locator("#rules-form")).ToHaveCountAsync(0);

        var operatorPage = await system.NewPageAsync();
        await SignInAsync(operatorPage, Operator);
        await Assertions.Expect(operatorPage.Locator("#nav a[href='#/admin/rules']")).ToHaveCountAsync(0);
        await operatorPage.GotoAsync("/#/admin/rules");
        await Assertions.Expect(operatorPage.Locator("main h1")).ToHaveTextAsync("页面不存在");
        await Assertions.Expect(operatorPage.Locator("#rules-versions")).ToHaveCountAsync(0);
    }

    /// <summary>Signs in as the administrator and opens the page from the navigation; collects the script errors on the way.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsAdminAsync()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await page.Locator("#nav a[href='#/admin/rules']").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("时限规则");
        await Assertions.Expect(page.Locator("#rules-form")).ToBeVisibleAsync();
        return (page, errors);
    }

    private static async Task<int> VersionsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/sla-rules")).GetProperty("versions").GetArrayLength();

    private static string ShanghaiToday() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
}
