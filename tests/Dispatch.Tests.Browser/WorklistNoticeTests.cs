using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>A unit's open worklist hears of new work at once: the list, a badge and the live region, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistNoticeTests(BrowserSystem system) : BrowserTest
{
    private const string Staff = "staff.330402-centre@jx12385.test";

    [Fact]
    public async Task A_ticket_dispatched_to_the_unit_appears_on_its_open_worklist_with_a_counted_and_announced_notice()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Staff);
        await page.GotoAsync("/#/worklist");
        await Assertions.Expect(page.Locator("#notices-status")).ToHaveTextAsync("实时更新中", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#notices-badge")).ToBeHiddenAsync();
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        using var api = await ApiAsync(system, Operator);
        var ticket = await RegisteredAndDispatchedAsync(api, "实时通知测试：来电反映社区无障碍通道被占用。");
        var number = ticket.GetProperty("number").GetString()!;
        ticket.GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");

        await Assertions.Expect(page.Locator("#worklist")).ToContainTextAsync(number, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#notices-badge")).ToHaveTextAsync("1 条未读");
        await Assertions.Expect(page.Locator("#notices-list")).ToContainTextAsync($"新派单 {number}");
        await Assertions.Expect(page.Locator("#announce-polite")).ToContainTextAsync(number);
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the list changed without a reload");

        await page.Locator("#notices-read").ClickAsync();
        await Assertions.Expect(page.Locator("#notices-badge")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#notices-list")).ToContainTextAsync(number, new() { Timeout = 1_000 });
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_legal_aid_application_for_the_station_appears_on_its_open_worklist_with_a_notice()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, "staff.330402-legal@jx12385.test");
        await page.GotoAsync("/#/legal-aid-worklist");
        await Assertions.Expect(page.Locator("#notices-status")).ToHaveTextAsync("实时更新中", new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        using var api = await ApiAsync(system, Operator);
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/legal-aid-cases")
        {
            Content = JsonContent.Create(new
            {
                applicant = new { name = "通知测试申请人", phone = "13900005678", countyCode = "330402" },
                caseType = "labour_dispute",
                summary = "用人单位拖欠残疾职工工资，申请法律援助。",
            }),
        };
        open.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var opened = await api.SendAsync(open);
        opened.IsSuccessStatusCode.Should().BeTrue(await opened.Content.ReadAsStringAsync());
        var number = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        await Assertions.Expect(page.Locator("#worklist")).ToContainTextAsync(number, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#notices-badge")).ToHaveTextAsync("1 条未读");
        await Assertions.Expect(page.Locator("#notices-list")).ToContainTextAsync($"新收 {number}：劳动争议");
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the list changed without a reload");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_close_today_panel_follows_a_resolve_made_in_another_context_without_a_reload()
    {
        using var operatorApi = await ApiAsync(system, Operator);
        using var staffApi = await ApiAsync(system, Staff);
        var ticket = await RegisteredAndDispatchedAsync(operatorApi, "今日必办测试：来电反映辅助器具适配进度迟缓。");
        var (id, number) = (ticket.GetProperty("id").GetString()!, ticket.GetProperty("number").GetString()!);
        (await staffApi.PostAsync($"/api/tickets/{id}/sign", null)).EnsureSuccessStatusCode();
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Staff);
        await page.GotoAsync("/#/worklist");
        await Assertions.Expect(page.Locator("#notices-status")).ToHaveTextAsync("实时更新中", new() { Timeout = 30_000 });
        var before = await staffApi.GetFromJsonAsync<JsonElement>("/api/stats/close-today?scope=unit:330402-CENTRE");
        var (onTime, counted) = (before.GetProperty("onTimeSoFar").GetInt64(), before.GetProperty("countedSoFar").GetInt64());
        await Assertions.Expect(page.Locator("#close-today-month")).ToContainTextAsync($"按时办结 {onTime} 件，应计 {counted} 件");
        await Assertions.Expect(page.Locator("#close-today-heading")).ToHaveTextAsync($"今日必办（须按时办结 {before.GetProperty("mustCloseToday").GetInt64()} 件）");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        (await staffApi.PostAsJsonAsync($"/api/tickets/{id}/resolve", new { reply = "已联系辅具中心，下周上门适配。" })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("#close-today-month")).ToContainTextAsync($"按时办结 {onTime + 1} 件，应计 {counted + 1} 件",
            new() { Timeout = 15_000 });
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the panel changed without a reload");
        await Assertions.Expect(page.Locator("#close-today")).Not.ToContainTextAsync(number, new() { Timeout = 1_000 });
        errors.Should().BeEmpty();
    }
}
