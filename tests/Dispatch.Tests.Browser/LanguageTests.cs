using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task The_interface_starts_in_Chinese_switches_to_English_and_remembers_it_after_a_reload()
    {
        var page = await system.NewPageAsync();
        await SignInAsync(page, Operator);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("来电登记");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("zh-CN");

        await page.Locator("#lang-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Call intake");
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Call intake");
        await Assertions.Expect(page.Locator("#nav")).ToContainTextAsync("Dispatch queue");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("en");
    }
}
