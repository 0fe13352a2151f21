using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>The ticket page shows personal numbers masked, and reveals one only when asked, with a purpose, for that view.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonalDataRevealTests(BrowserSystem system) : BrowserTest
{
    private const string Phone = "13977771234";

    [Fact]
    public async Task An_operator_reveals_the_callers_phone_with_a_purpose_and_it_is_masked_again_after_a_reload()
    {
        var id = await RegisteredAsync();
        var (page, errors) = await SignedInWatchingErrorsAsync(system, Operator);
        await page.GotoAsync($"/#/tickets/{id}");
        var phone = page.Locator("dl.facts .revealable").Filter(new() { Has = page.Locator("[data-field=callerPhone]") });
        await Assertions.Expect(phone).ToContainTextAsync("139****1234");

        await phone.Locator("button.reveal-show").ClickAsync();
        await page.Locator("#reveal-callerPhone-purpose").SelectOptionAsync("callback");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认显示" }).ClickAsync();

        await Assertions.Expect(page.Locator(".revealed[data-field=callerPhone]")).ToHaveTextAsync(Phone);
        await ScreenshotAsync(page, "reveal-phone");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".masked[data-field=callerPhone]")).ToHaveTextAsync("139****1234");
        (await page.ContentAsync()).Should().NotContain(Phone);
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_other_purpose_asks_for_a_note_before_anything_is_revealed()
    {
        var id = await RegisteredAsync();
        var (page, _) = await SignedInWatchingErrorsAsync(system, Operator);
        await page.GotoAsync($"/#/tickets/{id}");
        await page.Locator("button.reveal-show[data-field=callerPhone]").ClickAsync();

        await page.Locator("#reveal-callerPhone-purpose").SelectOptionAsync("other");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认显示" }).ClickAsync();

        await Assertions.Expect(page.Locator("form.reveal-form .field-error")).ToContainTextAsync("说明");
        await Assertions.Expect(page.Locator(".revealed")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_supervisor_sees_masked_numbers_and_no_show_control()
    {
        var id = await RegisteredAsync();
        var (page, errors) = await SignedInWatchingErrorsAsync(system, CitySupervisor);
        await page.GotoAsync($"/#/tickets/{id}");

        await Assertions.Expect(page.Locator(".masked[data-field=callerPhone]")).ToHaveTextAsync("139****1234");
        await Assertions.Expect(page.Locator("button.reveal-show")).ToHaveCountAsync(0);
        errors.Should().BeEmpty();
    }

    private async Task<string> RegisteredAsync()
    {
        using var api = await ApiAsync(system, Operator);
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new
            {
                channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "显示测试",
                callerPhone = Phone, countyCode = "330402", content = "来电反映残疾人护理补贴尚未发放，请核实。",
            }),
        };
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await api.SendAsync(register);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
