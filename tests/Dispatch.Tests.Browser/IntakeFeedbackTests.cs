using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class IntakeFeedbackTests(BrowserSystem system)
{
    [Fact]
    public async Task A_wrong_check_character_is_flagged_while_typing_and_the_callers_earlier_ticket_appears_for_their_phone()
    {
        using var api = await ApiAsync(system, Operator);
        var earlier = await RegisteredAndDispatchedAsync(api);
        var page = await system.NewPageAsync();
        await SignInAsync(page, Operator);

        await page.Locator("#f-residentId").FillAsync("330402198001011235");
        await Assertions.Expect(page.Locator("#f-residentId-error")).ToHaveTextAsync("身份证号校验位不正确，请核对。");
        await Assertions.Expect(page.Locator("#f-residentId")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#f-callerPhone").FillAsync("13900001234");
        await Assertions.Expect(page.Locator("#caller-history")).ToContainTextAsync(earlier.GetProperty("number").GetString()!);
        await ScreenshotAsync(page, "intake-caller-history");
    }

    [Fact]
    public async Task Submitting_an_empty_form_lists_every_problem_and_moves_focus_to_the_first()
    {
        var page = await system.NewPageAsync();
        await SignInAsync(page, Operator);

        await page.Locator("#intake-submit").ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("来电人姓名必填");
        (await summary.Locator("li").CountAsync()).Should().BeGreaterThanOrEqualTo(5, "name, phone, county, kind, topic and content are required");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("f-callerName");
    }
}
