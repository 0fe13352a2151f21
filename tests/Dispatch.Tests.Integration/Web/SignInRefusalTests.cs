using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>A refused sign-in says nothing about whether the account exists or is locked.</summary>
public sealed class SignInRefusalTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    // An account no other test of this class signs in with: this test locks it.
    private const string LockedAccount = "supervisor.330424@jx12385.test";

    [Fact]
    public async Task Unknown_account_wrong_password_and_locked_account_answer_alike()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(LockedAccount, "wrong-password");
        }

        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@jx12385.test", "whatever-1");
        var wrongPassword = await SignInAsync("operator@jx12385.test", "wrong-password");
        var locked = await SignInAsync(LockedAccount, SecuredSystem.Password);

        var answers = new[] { unknown, wrongPassword, locked };
        answers.Select(a => a.Status).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        answers.Select(a => a.Body).Distinct().Should().ContainSingle("status, code, title and wording are the same for all three");
        unknown.Body.Should().Contain("invalid_credentials");
    }

    [Fact]
    public async Task The_refusal_carries_both_languages()
    {
        var response = await system.Web.Client.PostAsJsonAsync("/api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@jx12385.test", password = "whatever-1" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("密码");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("password");
    }

    private async Task<(HttpStatusCode Status, string Body)> SignInAsync(string email, string password)
    {
        var response = await system.Web.Client.PostAsJsonAsync("/api/auth/login", new { email, password });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Everything but the request-specific fields (traceId, instance).
        var stable = new
        {
            status = problem.GetProperty("status").GetInt32(),
            code = problem.GetProperty("code").GetString(),
            title = problem.GetProperty("title").GetString(),
            detail = problem.GetProperty("detail").GetString(),
            zh = problem.GetProperty("zh").GetRawText(),
            en = problem.GetProperty("en").GetRawText(),
        };
        return (response.StatusCode, JsonSerializer.Serialize(stable));
    }
}
