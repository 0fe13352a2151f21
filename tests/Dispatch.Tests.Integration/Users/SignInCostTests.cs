using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Dispatch.Tests.Fixtures.Hosting;
using Dispatch.Web.Auth;
using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.Tests.Integration.Users;

/// <summary>
/// A refused sign-in costs one password verification whatever the reason, so its time does not tell an unknown e-mail,
/// a disabled or locked account and a wrong password apart. Counted, not timed: the app's password hasher is wrapped.
/// </summary>
public sealed class SignInCostTests(CountedHashingSystem system) : IClassFixture<CountedHashingSystem>
{
    private const string Password = "Demo#12385";

    [Fact]
    public async Task A_wrong_password_verifies_one_hash()
    {
        var (response, verified) = await SignInCountingAsync("operator@jx12385.test", "Wrong#password-1");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        verified.Should().ContainSingle();
    }

    [Fact]
    public async Task An_unknown_email_verifies_one_hash_made_like_a_real_one()
    {
        var (response, verified) = await SignInCountingAsync($"nobody-{Guid.NewGuid():N}@jx12385.test", "Wrong#password-1");
        var (_, real) = await SignInCountingAsync("operator@jx12385.test", "Wrong#password-1");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        verified.Should().ContainSingle();
        Header(verified[0]).Should().Equal(Header(real[0]), "the decoy hash has the real hashes' format, function and iteration count");
    }

    [Fact]
    public async Task A_disabled_account_verifies_one_hash()
    {
        const string email = "staff.330402-centre@jx12385.test";
        using var admin = await system.Web.SignInAsync("admin@jx12385.test");
        var page = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/users?q={Uri.EscapeDataString(email)}");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        (await admin.PostAsync($"/api/admin/users/{id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var (response, verified) = await SignInCountingAsync(email, Password);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        verified.Should().ContainSingle();
    }

    [Fact]
    public async Task A_locked_account_verifies_one_hash()
    {
        const string email = "supervisor.330483@jx12385.test";
        for (var i = 0; i < 5; i++)
        {
            (await system.Web.Client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong#password-1" }))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var (response, verified) = await SignInCountingAsync(email, Password);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "five wrong passwords lock the account");
        verified.Should().ContainSingle();
    }

    private async Task<(HttpResponseMessage Response, List<string> Verified)> SignInCountingAsync(string email, string password)
    {
        var before = system.Verified.Count;
        var response = await system.Web.Client.PostAsJsonAsync("/api/auth/login", new { email, password });
        return (response, [.. system.Verified.Skip(before)]);
    }

    /// <summary>Identity's version-3 hash starts with its format marker, function, iteration count and salt length.</summary>
    private static byte[] Header(string hash) => Convert.FromBase64String(hash)[..13];
}

/// <summary>Identity's own password hasher, with the app's options, recording every hash it verifies a password against.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, ConcurrentQueue<string> verified) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> inner = new(options);

    public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        verified.Enqueue(hashedPassword);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>One silo and a web app whose password hasher counts its verifications; rate limits raised.</summary>
public sealed class CountedHashingSystem() : LocalSystem("hashing")
{
    /// <summary>Every hash the app verified a password against, oldest first.</summary>
    public ConcurrentQueue<string> Verified { get; } = new();

    protected override WebAppSettings WebSettings => new()
    {
        ReplaceServices = services => services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<ApplicationUser>>(
            provider => new CountingPasswordHasher(provider.GetRequiredService<IOptions<PasswordHasherOptions>>(), Verified))),
    };
}
