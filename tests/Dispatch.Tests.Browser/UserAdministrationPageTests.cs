using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Users;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>
/// 用户管理 (#/admin/users): an administrator creates a user and sees the temporary password once; the new user, in a
/// browser of their own, must change it at sign-in; the administrator disables the account and it can sign in no more.
/// A user who lost the authenticator has it reset by the administrator and signs in with the password alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationPageTests(BrowserSystem system) : BrowserTest
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

    [Fact]
    public async Task An_administrator_resets_a_lost_second_factor_after_confirming()
    {
        var email = $"lostphone.{Guid.NewGuid().ToString("N")[..8]}@example.org";
        await EnrolledOperatorAsync(email);
        var (admin, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await admin.Locator("#nav-links a", new() { HasText = "用户管理" }).ClickAsync();
        await admin.Locator("#users-q").FillAsync(email);
        await admin.Locator("#users-search").ClickAsync();
        var row = admin.Locator($"#users-table tr[data-email='{email}']");
        await Assertions.Expect(row).ToContainTextAsync("已启用两步验证");
        await row.Locator(".users-open").ClickAsync();

        await admin.Locator("#users-reset-2fa").ClickAsync();
        await Assertions.Expect(admin.Locator("#users-detail")).ToContainTextAsync("原验证器和恢复码失效");
        await admin.Locator("#users-reset-2fa-confirm").ClickAsync();

        await Assertions.Expect(admin.Locator("#users-notice")).ToContainTextAsync($"已重置 {email} 的两步验证");
        await Assertions.Expect(admin.Locator("#users-detail-status")).Not.ToContainTextAsync("两步验证");
        await Assertions.Expect(admin.Locator("#users-reset-2fa")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("#users-history tbody tr").First).ToContainTextAsync("管理员重置两步验证");
        (await system.Anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = ChosenPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the password alone signs in once two-factor sign-in is off");
        errors.Should().BeEmpty();
    }

    /// <summary>An operator, created over the API, who has chosen a password and turned on two-factor sign-in.</summary>
    private async Task EnrolledOperatorAsync(string email)
    {
        using var admin = await ApiAsync(system, Admin);
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { email, displayName = "丢失手机", role = "operator" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var temporary = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("temporaryPassword").GetString();
        using var first = await BearerAsync(email, temporary!);
        (await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = temporary, newPassword = ChosenPassword })).EnsureSuccessStatusCode();
        using var user = await BearerAsync(email, ChosenPassword);
        var key = (await user.GetFromJsonAsync<JsonElement>("/api/auth/2fa")).GetProperty("sharedKey").GetString()!;
        (await user.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) })).EnsureSuccessStatusCode();
    }

    private async Task<HttpClient> BearerAsync(string email, string password)
    {
        var response = await system.Anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var client = new HttpClient { BaseAddress = system.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task An_administrator_issues_an_open311_key_that_is_shown_once_and_revokes_it()
    {
        var name = $"浏览器测试网站 {Guid.NewGuid().ToString("N")[..6]}";
        var (admin, errors) = await SignedInWatchingErrorsAsync(system, Admin);
        await admin.Locator("#nav-links a", new() { HasText = "用户管理" }).ClickAsync();

        await admin.Locator("#open311-key-name").FillAsync(name);
        await admin.Locator("#open311-key-issue").ClickAsync();
        await Assertions.Expect(admin.Locator("#open311-keys-result")).ToContainTextAsync("关闭本页后无法再次查看");
        var key = (await admin.Locator("#open311-key-value").TextContentAsync())!.Trim();
        key.Should().StartWith("o311_");
        (await system.Anonymous.GetAsync($"/open311/v2/requests.json?api_key={key}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var row = admin.Locator("#open311-keys-table tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("有效");
        await Assertions.Expect(row).Not.ToContainTextAsync(key);

        await row.Locator(".open311-revoke").ClickAsync();
        await admin.Locator("#open311-revoke-confirm").ClickAsync();
        await Assertions.Expect(admin.Locator("#open311-keys-result")).ToContainTextAsync($"已吊销“{name}”的密钥");
        await Assertions.Expect(row).ToContainTextAsync("已吊销");
        (await system.Anonymous.GetAsync($"/open311/v2/requests.json?api_key={key}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        errors.Should().BeEmpty();
    }
}
