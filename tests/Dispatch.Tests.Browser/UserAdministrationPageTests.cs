using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 用户管理 (#/admin/users): an administrator creates a user and sees the temporary password once; the new user, in a
/// browser of their own, must change it at sign-in; the administrator disables the account and it can sign in no more.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationPageTests(BrowserSystem system)
{
    private const string ChosenPassword = "Heron-Lantern-2031";

    [Fact]
    public async Task A_created_user_changes_the_temporary_password_at_sign_in_and_is_locked_out_once_disabled()
    {
        var email = $"browser.{Guid.NewGuid().ToString("N")[..8]}@example.org";
        var (admin, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await admin.Locator("#nav-links a", new() { HasText = "用户管理" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main h1")).ToHaveTextAsync("用户管理");

        await admin.Locator("#users-new-email").FillAsync(email);
        await admin.Locator("#users-new-name").FillAsync("浏览器测试员");
        await admin.Locator("#users-new-role").SelectOptionAsync("operator");
        await admin.Locator("#users-new-submit").ClickAsync();
        await Assertions.Expect(admin.Locator("#users-new-result")).ToContainTextAsync("只显示这一次");
        var temporary = (await admin.Locator("#users-temp-password").TextContentAsync())!.Trim();
        temporary.Should().HaveLength(18);
        await Assertions.Expect(admin.Locator($"#users-table tr[data-email='{email}']")).ToContainTextAsync("须修改密码");

        var user = await system.NewPageAsync();
        await user.GotoAsync("/");
        await user.Locator("#login-email").FillAsync(email);
        await user.Locator("#login-password").FillAsync(temporary);
        await user.Locator("#login-password").PressAsync("Enter");
        await Assertions.Expect(user.Locator("#first-password-form h2")).ToHaveTextAsync("请修改临时密码");
        await user.Locator("#first-new-password").FillAsync("short#A1");
        await user.Locator("#first-repeat-password").FillAsync("short#A1");
        await user.Locator("#first-password-submit").ClickAsync();
        await Assertions.Expect(user.Locator("#first-password-error")).ToContainTextAsync("至少 12 个字符");
        await user.Locator("#first-new-password").FillAsync(ChosenPassword);
        await user.Locator("#first-repeat-password").FillAsync(ChosenPassword);
        await user.Locator("#first-password-submit").ClickAsync();
        await Assertions.Expect(user.Locator("#nav")).ToBeVisibleAsync();
        await Assertions.Expect(user.Locator("#who")).ToContainTextAsync("浏览器测试员");

        await admin.Locator("#users-q").FillAsync(email);
        await admin.Locator("#users-search").ClickAsync();
        var row = admin.Locator($"#users-table tr[data-email='{email}']");
        await Assertions.Expect(row).Not.ToContainTextAsync("须修改密码");
        await row.Locator(".users-open").ClickAsync();
        await Assertions.Expect(admin.Locator("#users-detail-heading")).ToContainTextAsync(email);
        await admin.Locator("#users-disable").ClickAsync();
        await admin.Locator("#users-disable-confirm").ClickAsync();
        await Assertions.Expect(admin.Locator("#users-notice")).ToContainTextAsync($"已停用 {email}");
        await Assertions.Expect(admin.Locator("#users-detail-status")).ToContainTextAsync("已停用");
        await Assertions.Expect(admin.Locator("#users-history tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(admin.Locator("#users-history tbody tr").First).ToContainTextAsync("停用");

        var again = await system.NewPageAsync();
        await again.GotoAsync("/");
        await again.Locator("#login-email").FillAsync(email);
        await again.Locator("#login-password").FillAsync(ChosenPassword);
        await again.Locator("#login-password").PressAsync("Enter");
        await Assertions.Expect(again.Locator("#login-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(again.Locator("#nav")).ToBeHiddenAsync();
        var direct = await system.Anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = ChosenPassword });
        direct.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        errors.Should().BeEmpty();
    }
}
