using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>The UI under its Content-Security-Policy and with antiforgery on: nothing refused, signing out works.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityPolicyTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task The_live_dashboard_runs_under_the_policy_and_signing_out_ends_the_session()
    {
        var (page, errors) = await SignedInWatchingErrorsAsync(system, "supervisor.330481@jx12385.test");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("实时更新中", new() { Timeout = 30_000 });

        await page.Locator("#logout").ClickAsync();

        await page.Locator("#login-email").WaitForAsync();
        var me = await page.EvaluateAsync<int>("async () => (await fetch('/api/auth/me')).status");
        me.Should().Be(401, "the server revoked the session, the cookie no longer signs in");
        errors.Should().BeEmpty("no script, style or connection is refused by the policy");
    }

    [Fact]
    public async Task The_api_reference_page_loads_without_policy_violations()
    {
        var page = await system.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        page.PageError += (_, error) => refused.Add(error);

        await page.GotoAsync("/api/docs");

        await Assertions.Expect(page.GetByText("/api/auth/login").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        refused.Should().BeEmpty();
    }
}
