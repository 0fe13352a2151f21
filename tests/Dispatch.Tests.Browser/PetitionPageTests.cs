using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>The petition procedure on the ticket page: the unit decides acceptance, its head approves the one extension.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PetitionPageTests(BrowserSystem system) : BrowserTest
{
    private const string CentreHead = "head.330402-centre@jx12385.test";

    [Fact]
    public async Task The_unit_accepts_a_petition_with_its_notice_and_only_the_unit_head_is_offered_the_extension_decision()
    {
        using var op = await ApiAsync(system, Operator);
        var petition = await RegisteredAndDispatchedAsync(op, "信访人反映残疾人两项补贴被停发，要求恢复。", kind: "petition");
        var id = petition.GetProperty("id").GetString();

        var staff = await system.NewPageAsync();
        await SignInAsync(staff, CentreStaff);
        await staff.GotoAsync($"/#/tickets/{id}");
        await Assertions.Expect(staff.Locator("section[aria-labelledby=deadlines-heading]")).ToContainTextAsync("受理告知时限");
        await Assertions.Expect(staff.Locator("#act-suspend")).ToHaveCountAsync(0);
        await staff.Locator("#act-sign").ClickAsync();
        await staff.Locator("#act-acceptance").ClickAsync();
        await Assertions.Expect(staff.Locator("#f-notice\\.sentOn")).Not.ToBeEmptyAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认受理决定" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#f-notice\\.method-error")).Not.ToBeEmptyAsync();
        await staff.Locator("#f-notice\\.method").SelectOptionAsync("mail");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认受理决定" }).ClickAsync();
        await Assertions.Expect(staff.Locator("dl.facts").First).ToContainTextAsync("受理 ·");
        await Assertions.Expect(staff.Locator("ol.history")).ToContainTextAsync("受理决定");

        await staff.Locator("#act-extension-requests").ClickAsync();
        await staff.Locator("#f-amount").FillAsync("20");
        await staff.Locator("#f-reason").FillAsync("需调取社保、民政部门材料");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认申请延期" }).ClickAsync();
        await Assertions.Expect(staff.Locator("ol.history")).ToContainTextAsync("申请延期");
        await Assertions.Expect(staff.Locator("#act-extension-decisions")).ToHaveCountAsync(0);
        await Assertions.Expect(staff.Locator("#act-extension-requests")).ToHaveCountAsync(0);

        var head = await system.NewPageAsync();
        await SignInAsync(head, CentreHead);
        await head.GotoAsync($"/#/tickets/{id}");
        await head.Locator("#act-extension-decisions").ClickAsync();
        await head.Locator("#f-notice\\.method").SelectOptionAsync("in_person");
        await head.GetByRole(AriaRole.Button, new() { Name = "确认延期审批" }).ClickAsync();
        await Assertions.Expect(head.Locator("ol.history")).ToContainTextAsync("当面送达");
        await ScreenshotAsync(head, "petition-extension-approved");

        var view = await op.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}");
        view.GetProperty("extensions")[0].GetProperty("approved").GetBoolean().Should().BeTrue();
        view.GetProperty("extensions")[0].GetProperty("notice").GetProperty("method").GetString().Should().Be("in_person");
    }
}
