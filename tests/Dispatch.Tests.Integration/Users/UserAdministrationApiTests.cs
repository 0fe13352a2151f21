using FluentAssertions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using static Dispatch.Tests.Integration.Users.UserSystem;

namespace Dispatch.Tests.Integration.Users;

public sealed class UserAdministrationApiTests(UserSystem system) : IClassFixture<UserSystem>
{
    private const string Admin = "admin@jx12385.test";
    private const string NewPassword = "Kingfisher-Lantern-42";

    [Theory]
    [InlineData("operator@jx12385.test")]
    [InlineData("staff.330402-centre@jx12385.test")]
    public async Task Only_administrators_may_use_the_user_api(string email)
    {
        using var client = await system.SignInAsync(email);
        var response = await client.GetAsync("/api/admin/users");
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JsonAsync(response)).GetProperty("code").GetString().Should().Be("forbidden");
    }

    [Fact]
    public async Task A_new_user_gets_a_temporary_password_and_may_do_nothing_but_change_it()
    {
        using var admin = await system.SignInAsync(Admin);
        var email = UniqueEmail("staff");
        var created = await admin.PostAsJsonAsync("/api/admin/users",
            new { email, displayName = "王承办", role = "unit_staff", unitCode = "330402-centre" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await JsonAsync(created);
        body.GetProperty("user").GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");
        body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
        var temporary = body.GetProperty("temporaryPassword").GetString()!;

        using var user = await system.SignInAsync(email, temporary);
        (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
        var refused = await user.GetAsync("/api/reference/counties");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JsonAsync(refused)).GetProperty("code").GetString().Should().Be("password_change_required");

        var changed = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = temporary, newPassword = NewPassword });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        using var renewed = system.BearerClient(await JsonAsync(changed));
        (await renewed.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("mustChangePassword").GetBoolean().Should().BeFalse();
        (await renewed.GetAsync("/api/reference/counties")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await system.LoginAsync(email, temporary)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Short#1a", "too_short")]
    [InlineData("Demo#12385-and-more", "demo_password")]
    [InlineData("Password123!", "too_common")]
    [InlineData("ALLUPPERCASE#123", "requires_lower")]
    public async Task The_password_policy_answers_with_field_errors_in_both_languages(string password, string code)
    {
        var (email, temporary) = await CreateAsync("policy", "operator");
        using var user = await system.SignInAsync(email, temporary);
        var response = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = temporary, newPassword = password });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("fieldErrors").EnumerateArray().ToList();
        errors.Should().Contain(e => e.GetProperty("field").GetString() == "newPassword" && e.GetProperty("code").GetString() == code);
        errors.Should().OnlyContain(e => e.GetProperty("zh").GetString()!.Length > 0 && e.GetProperty("en").GetString()!.Length > 0);
    }

    [Fact]
    public async Task A_password_may_not_contain_the_email_name()
    {
        var (email, temporary) = await CreateAsync("kingfisher", "operator");
        using var user = await system.SignInAsync(email, temporary);
        var local = email.Split('@')[0];
        var response = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = temporary, newPassword = $"X#9{local}Zz" });
        (await JsonAsync(response)).GetProperty("fieldErrors").EnumerateArray()
            .Should().Contain(e => e.GetProperty("code").GetString() == "contains_email");
    }

    [Theory]
    [InlineData("supervisor", null, null, "areaCode", "required")]
    [InlineData("supervisor", "999999", null, "areaCode", "unknown")]
    [InlineData("unit_staff", null, null, "unitCode", "required")]
    [InlineData("unit_staff", null, "NO-SUCH-UNIT", "unitCode", "unknown")]
    [InlineData("operator", "330402", null, "areaCode", "not_applicable")]
    [InlineData("root", null, null, "role", "unknown")]
    public async Task A_user_gets_the_scope_their_role_takes(string role, string? areaCode, string? unitCode, string field, string code)
    {
        using var admin = await system.SignInAsync(Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { email = UniqueEmail("scope"), displayName = "测试", role, areaCode, unitCode });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("fieldErrors").EnumerateArray().Should()
            .Contain(e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task No_account_may_be_created_in_the_demo_domain_and_an_email_is_taken_once()
    {
        using var admin = await system.SignInAsync(Admin);
        var demo = await admin.PostAsJsonAsync("/api/admin/users", new { email = "someone@jx12385.test", displayName = "演示", role = "operator" });
        demo.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(demo)).GetProperty("fieldErrors")[0].GetProperty("code").GetString().Should().Be("demo_domain");
        var (email, _) = await CreateAsync("twice", "operator");
        var again = await admin.PostAsJsonAsync("/api/admin/users", new { email, displayName = "重复", role = "operator" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(again)).GetProperty("code").GetString().Should().Be("email_taken");
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_session_ends_until_re_enabled()
    {
        var (email, _) = await CreateActiveAsync("disabled", "operator");
        using var session = await system.SignInWithCookieAsync(email, NewPassword);
        using var bearer = await system.SignInAsync(email, NewPassword);
        (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, email);

        var disabled = await admin.PostAsync($"/api/admin/users/{id}/disable", null);
        disabled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonAsync(disabled)).GetProperty("disabled").GetBoolean().Should().BeTrue();
        (await system.LoginAsync(email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized,
            "disabling revokes every session at once, so an access token issued before it stops too");

        (await admin.PostAsync($"/api/admin/users/{id}/enable", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await system.LoginAsync(email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_last_enabled_administrator_can_be_neither_disabled_nor_demoted()
    {
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, Admin);
        var others = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?role=admin&disabled=false");
        foreach (var other in others.GetProperty("items").EnumerateArray().Where(u => u.GetProperty("id").GetString() != id))
        {
            (await admin.PostAsync($"/api/admin/users/{other.GetProperty("id").GetString()}/disable", null)).EnsureSuccessStatusCode();
        }
        var disable = await admin.PostAsync($"/api/admin/users/{id}/disable", null);
        disable.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(disable)).GetProperty("code").GetString().Should().Be("last_admin");
        var demote = await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "operator" });
        demote.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}")).GetProperty("role").GetString().Should().Be("admin");
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_the_next_request_and_is_in_the_history_without_passwords()
    {
        var (email, _) = await CreateActiveAsync("rescoped", "unit_staff", unitCode: "330402-CENTRE");
        using var session = await system.SignInWithCookieAsync(email, NewPassword);
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, email);
        var changed = await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "operator" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonAsync(changed)).GetProperty("unitCode").ValueKind.Should().Be(JsonValueKind.Null);

        (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a new security stamp ends the old session");
        using var again = await system.SignInAsync(email, NewPassword);
        (await again.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("role").GetString().Should().Be("operator");

        var history = await admin.GetAsync($"/api/admin/users/{id}/history");
        var text = await history.Content.ReadAsStringAsync();
        var events = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        events.Select(e => e.GetProperty("action").GetString()).Should().Equal("created", "password_changed", "role_changed");
        events[^1].GetProperty("before").GetProperty("role").GetString().Should().Be("unit_staff");
        events[^1].GetProperty("after").GetProperty("role").GetString().Should().Be("operator");
        events[^1].GetProperty("actorEmail").GetString().Should().Be(Admin);
        text.Should().NotContain(NewPassword).And.NotContainAny("passwordHash", "PasswordHash", "securityStamp");
    }

    [Fact]
    public async Task A_password_reset_issues_a_new_temporary_password_and_the_old_one_stops_working()
    {
        var (email, _) = await CreateActiveAsync("reset", "operator");
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, email);
        var reset = await admin.PostAsync($"/api/admin/users/{id}/reset-password", null);
        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        var temporary = (await JsonAsync(reset)).GetProperty("temporaryPassword").GetString()!;
        (await system.LoginAsync(email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var user = await system.SignInAsync(email, temporary);
        (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_second_factor_and_the_user_signs_in_with_the_password_alone()
    {
        var (email, _) = await CreateActiveAsync("lostphone", "operator");
        var (key, recovery, session) = await EnrolAsync(email);
        using (session)
        {
            using var admin = await system.SignInAsync(Admin);
            var id = await IdOfAsync(admin, email);
            var before = await SecretsAsync(id);

            var reset = await admin.PostAsync($"/api/admin/users/{id}/reset-two-factor", null);

            reset.StatusCode.Should().Be(HttpStatusCode.OK);
            (await JsonAsync(reset)).GetProperty("twoFactorEnabled").GetBoolean().Should().BeFalse();
            (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the reset ends every session");
            using var again = await system.SignInAsync(email, NewPassword);
            (await again.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("twoFactorEnabled").GetBoolean().Should().BeFalse();
            var after = await SecretsAsync(id);
            after.AuthenticatorKey.Should().NotBeNullOrEmpty().And.NotBe(before.AuthenticatorKey, "the lost phone's key is replaced");
            after.RecoveryCodes.Should().BeNullOrEmpty();
            before.RecoveryCodes.Should().Contain(recovery[0]);
            key.Replace(" ", "").ToUpperInvariant().Should().Be(before.AuthenticatorKey);

            var history = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}/history");
            var last = history.EnumerateArray().Last();
            last.GetProperty("action").GetString().Should().Be("two_factor_reset");
            last.GetProperty("actorEmail").GetString().Should().Be(Admin);
            last.GetProperty("before").GetProperty("twoFactorEnabled").GetBoolean().Should().BeTrue();
            last.GetProperty("after").GetProperty("twoFactorEnabled").GetBoolean().Should().BeFalse();
        }
    }

    [Fact]
    public async Task A_second_factor_that_is_off_or_a_user_that_does_not_exist_cannot_be_reset()
    {
        var (email, _) = await CreateActiveAsync("nophone", "operator");
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, email);

        var off = await admin.PostAsync($"/api/admin/users/{id}/reset-two-factor", null);
        off.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(off)).GetProperty("code").GetString().Should().Be("two_factor_not_enabled");
        (await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/reset-two-factor", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}/history")).EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).Should().NotContain("two_factor_reset");
        using var notAdmin = await system.SignInAsync("operator@jx12385.test");
        (await notAdmin.PostAsync($"/api/admin/users/{id}/reset-two-factor", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task After_a_reset_a_role_that_requires_two_factor_is_held_at_enrolment()
    {
        var (email, _) = await CreateActiveAsync("lostsupervisor", "supervisor", areaCode: "330402");
        var (_, _, session) = await EnrolAsync(email);
        session.Dispose();
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, email);

        (await admin.PostAsync($"/api/admin/users/{id}/reset-two-factor", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var user = await system.SignInAsync(email, NewPassword);
        (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("twoFactorEnrolmentRequired").GetBoolean().Should().BeTrue();
        var refused = await user.GetAsync("/api/reference/counties");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JsonAsync(refused)).GetProperty("code").GetString().Should().Be("two_factor_enrolment_required");
        (await user.GetFromJsonAsync<JsonElement>("/api/auth/2fa")).GetProperty("sharedKey").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_cookie_session_resets_a_second_factor_only_with_the_antiforgery_token()
    {
        var (email, _) = await CreateActiveAsync("forged", "operator");
        (await EnrolAsync(email)).Session.Dispose();
        using var admin = await system.SignInWithCookieAsync(Admin, DemoPassword);
        var id = await IdOfAsync(admin, email);
        admin.DefaultRequestHeaders.Remove("X-XSRF-TOKEN").Should().BeTrue();

        var forged = await admin.PostAsync($"/api/admin/users/{id}/reset-two-factor", null);

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(forged)).GetProperty("code").GetString().Should().Be("antiforgery_invalid");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}")).GetProperty("twoFactorEnabled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task The_user_list_details_and_history_never_show_a_password_hash_stamp_key_or_recovery_code()
    {
        var (email, _) = await CreateActiveAsync("secrets", "operator");
        (await EnrolAsync(email)).Session.Dispose();
        using var admin = await system.SignInAsync(Admin);
        var id = await IdOfAsync(admin, email);
        var secrets = await SecretsAsync(id);
        var recoveryCodes = secrets.RecoveryCodes!.Split(';');
        recoveryCodes.Should().HaveCount(10);

        var texts = new[]
        {
            await admin.GetStringAsync($"/api/admin/users?q={Uri.EscapeDataString(email)}"),
            await admin.GetStringAsync("/api/admin/users?pageSize=100"),
            await admin.GetStringAsync($"/api/admin/users/{id}"),
            await admin.GetStringAsync($"/api/admin/users/{id}/history"),
        };

        texts[0].Should().Contain(email, "the search found the user");
        foreach (var text in texts)
        {
            text.Should().NotContainAny([secrets.PasswordHash, secrets.SecurityStamp, secrets.AuthenticatorKey!, .. recoveryCodes]);
            text.Should().NotContainAny(["passwordHash", "securityStamp", "authenticatorKey", "recoveryCode", "concurrencyStamp"]);
        }
        JsonDocument.Parse(texts[2]).RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["id", "email", "displayName", "role", "areaCode", "unitCode", "unitHead", "disabled", "mustChangePassword", "twoFactorEnabled"]);
    }

    [Fact]
    public async Task The_list_searches_filters_and_bounds_its_pages()
    {
        var (email, _) = await CreateAsync("findme", "supervisor", areaCode: "330411");
        using var admin = await system.SignInAsync(Admin);
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q={email.Split('@')[0].ToUpperInvariant()}");
        found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).Should().Equal(email);
        var county = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?area=330411&role=supervisor&pageSize=100");
        county.GetProperty("items").EnumerateArray().Should().OnlyContain(u => u.GetProperty("areaCode").GetString() == "330411")
            .And.Contain(u => u.GetProperty("email").GetString() == email);
        var pastTheEnd = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?page=10000&pageSize=100");
        pastTheEnd.GetProperty("items").GetArrayLength().Should().Be(0);
        pastTheEnd.GetProperty("total").GetInt32().Should().BeGreaterThan(40, "the demo accounts are there");
        var tooBig = await admin.GetAsync("/api/admin/users?pageSize=101");
        tooBig.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(tooBig)).GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("pageSize");
    }

    [Fact]
    public async Task The_change_log_is_append_only()
    {
        await CreateAsync("appendonly", "operator");
        // The application's role has no DELETE on it at all; the trigger holds even for the table's owner.
        await using var application = NpgsqlDataSource.Create(system.ConnectionString);
        var asApplication = () => application.CreateCommand("delete from user_admin_events").ExecuteNonQueryAsync();
        (await asApplication.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        await using var owner = NpgsqlDataSource.Create(system.SchemaConnectionString);
        var asOwner = () => owner.CreateCommand("delete from user_admin_events").ExecuteNonQueryAsync();
        (await asOwner.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
    }

    private async Task<(string Email, string Temporary)> CreateAsync(string name, string role, string? areaCode = null, string? unitCode = null)
    {
        using var admin = await system.SignInAsync(Admin);
        var email = UniqueEmail(name);
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, displayName = name, role, areaCode, unitCode });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (email, (await JsonAsync(response)).GetProperty("temporaryPassword").GetString()!);
    }

    /// <summary>A user who has changed the temporary password to <see cref="NewPassword"/>.</summary>
    private async Task<(string Email, string Temporary)> CreateActiveAsync(string name, string role, string? unitCode = null,
        string? areaCode = null)
    {
        var (email, temporary) = await CreateAsync(name, role, areaCode, unitCode);
        using var user = await system.SignInAsync(email, temporary);
        (await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = temporary, newPassword = NewPassword })).EnsureSuccessStatusCode();
        return (email, temporary);
    }

    /// <summary>The active user turns on two-factor sign-in; a session signed in with a code.</summary>
    private async Task<(string Key, List<string> RecoveryCodes, HttpClient Session)> EnrolAsync(string email)
    {
        using var user = await system.SignInAsync(email, NewPassword);
        var key = (await user.GetFromJsonAsync<JsonElement>("/api/auth/2fa")).GetProperty("sharedKey").GetString()!;
        var enabled = await user.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) });
        enabled.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = (await JsonAsync(enabled)).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (key, codes, await system.SignInAsync(email, NewPassword, Totp.Code(key, DateTimeOffset.UtcNow)));
    }

    /// <summary>What the identity tables hold for the user and no answer may show.</summary>
    private async Task<(string PasswordHash, string SecurityStamp, string? AuthenticatorKey, string? RecoveryCodes)> SecretsAsync(string id)
    {
        await using var owner = NpgsqlDataSource.Create(system.SchemaConnectionString);
        await using var command = owner.CreateCommand("""
            select u."PasswordHash", u."SecurityStamp",
                   (select t."Value" from "AspNetUserTokens" t where t."UserId" = u."Id" and t."Name" = 'AuthenticatorKey'),
                   (select t."Value" from "AspNetUserTokens" t where t."UserId" = u."Id" and t."Name" = 'RecoveryCodes')
            from "AspNetUsers" u where u."Id" = $1
            """);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        return (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private static async Task<string> IdOfAsync(HttpClient admin, string email)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q={Uri.EscapeDataString(email)}");
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }
}
