using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class IntakeFeedbackTests(BrowserSystem system) : BrowserTest
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
    public async Task A_letter_comes_without_a_phone_once_no_contact_is_chosen_and_a_hearing_certificate_suggests_text()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Operator);

        // A hearing disability (category digit 2) suggests text or video; with a phone the automatic choice is text.
        await page.Locator("#f-disabilityCertificate").FillAsync("33040219800101123" + "5" + "22");
        await page.Locator("#f-callerPhone").FillAsync("13900005678");
        await Assertions.Expect(page.Locator("#f-contactMethod-hint")).ToContainTextAsync("短信/文字");
        await Assertions.Expect(page.Locator("#f-contactMethod option[value='']")).ToHaveTextAsync("自动：短信/文字");

        // A letter without any contact: the phone becomes optional and "no contact" must be chosen.
        await page.Locator("#f-disabilityCertificate").FillAsync("");
        await page.Locator("#f-callerPhone").FillAsync("");
        await page.Locator("#f-channel").SelectOptionAsync("letter");
        await Assertions.Expect(page.Locator("label[for='f-callerPhone']")).Not.ToHaveClassAsync("req");
        await page.Locator("#f-callerName").FillAsync("钱七");
        await page.Locator("#f-countyCode").SelectOptionAsync("330402");
        await page.Locator("#f-kind").SelectOptionAsync("help");
        await page.Locator("#f-topic").SelectOptionAsync("accessibility");
        await page.Locator("#f-content").FillAsync("来信反映：小区无障碍坡道被占用，来信未留联系方式。");
        await page.Locator("#intake-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("无联系方式");

        await page.Locator("#f-contactMethod").SelectOptionAsync("none");
        await page.Locator("#intake-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#intake-done")).ToBeVisibleAsync();
        await page.Locator("#intake-done a.button").ClickAsync();
        await Assertions.Expect(page.Locator("#ticket-contact-method")).ToHaveTextAsync("无联系方式（不回访）");
        errors.Should().BeEmpty();
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
