using FluentAssertions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Dispatch.Tests.Integration.Users.UserSystem;

namespace Dispatch.Tests.Integration.Users;

public sealed class TwoFactorSignInTests(UserSystem system) : IClassFixture<UserSystem>
{
    [Fact]
    public async Task An_operator_enrols_an_authenticator_and_then_signs_in_with_its_code_or_a_recovery_code()
    {
        const string email = "operator@jx12385.test";
        using var user = await system.SignInAsync(email);
        var status = await user.GetFromJsonAsync<JsonElement>("/api/auth/2fa");
        status.GetProperty("enabled").GetBoolean().Should().BeFalse();
        status.GetProperty("required").GetBoolean().Should().BeFalse();
        var key = status.GetProperty("sharedKey").GetString()!;
        status.GetProperty("authenticatorUri").GetString().Should().StartWith("otpauth://totp/").And.ContainEquivalentOf("secret=" + key.Replace(" ", ""));

        var wrong = await user.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var enabled = await user.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) });
        enabled.StatusCode.Should().Be(HttpStatusCode.OK);
        var recovery = (await JsonAsync(enabled)).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        recovery.Should().HaveCount(10);

        var withoutCode = await system.LoginAsync(email, DemoPassword);
        withoutCode.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await JsonAsync(withoutCode)).GetProperty("code").GetString().Should().Be("two_factor_required");
        (await system.LoginAsync(email, DemoPassword, twoFactorCode: Totp.WrongCode(key, DateTimeOffset.UtcNow)))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var withCode = await system.SignInAsync(email, DemoPassword, Totp.Code(key, DateTimeOffset.UtcNow));
        (await withCode.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("twoFactorEnabled").GetBoolean().Should().BeTrue();
        (await system.LoginAsync(email, DemoPassword, recoveryCode: recovery[0])).StatusCode.Should().Be(HttpStatusCode.OK);
        (await system.LoginAsync(email, DemoPassword, recoveryCode: recovery[0])).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a recovery code works once");

        var disabled = await withCode.PostAsJsonAsync("/api/auth/2fa/disable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) });
        disabled.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await system.LoginAsync(email, DemoPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_supervisor_without_a_second_factor_may_only_enrol_until_it_is_set_up()
    {
        const string email = "supervisor.330424@jx12385.test";
        using var user = await system.SignInAsync(email);
        (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("twoFactorEnrolmentRequired").GetBoolean().Should().BeTrue();
        var refused = await user.GetAsync("/api/reference/counties");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JsonAsync(refused)).GetProperty("code").GetString().Should().Be("two_factor_enrolment_required");

        var status = await user.GetFromJsonAsync<JsonElement>("/api/auth/2fa");
        status.GetProperty("required").GetBoolean().Should().BeTrue();
        var key = status.GetProperty("sharedKey").GetString()!;
        (await user.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) })).EnsureSuccessStatusCode();

        using var enrolled = await system.SignInAsync(email, DemoPassword, Totp.Code(key, DateTimeOffset.UtcNow));
        (await enrolled.GetAsync("/api/reference/counties")).StatusCode.Should().Be(HttpStatusCode.OK);
        var off = await enrolled.PostAsJsonAsync("/api/auth/2fa/disable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) });
        off.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(off)).GetProperty("code").GetString().Should().Be("two_factor_required_for_role");
    }

    [Fact]
    public async Task A_cookie_session_keeps_working_through_enrolment()
    {
        const string email = "supervisor.330481@jx12385.test";
        using var browser = await system.SignInWithCookieAsync(email, DemoPassword);
        var key = (await browser.GetFromJsonAsync<JsonElement>("/api/auth/2fa")).GetProperty("sharedKey").GetString()!;
        (await browser.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) })).EnsureSuccessStatusCode();
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("twoFactorEnrolmentRequired").GetBoolean().Should().BeFalse();
        (await browser.GetAsync("/api/reference/counties")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
