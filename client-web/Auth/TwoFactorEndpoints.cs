using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Auth;

/// <summary>/api/auth/2fa: the signed-in user sets up, or turns off, sign-in with an authenticator app (TOTP).</summary>
public static class TwoFactorEndpoints
{
    public const string Issuer = "12385 Dispatch";
    private const int RecoveryCodeCount = 10;

    public static RouteGroupBuilder MapTwoFactorApi(this RouteGroupBuilder auth)
    {
        var group = auth.MapGroup("/2fa").RequireAuthorization().AllowedWhile(AccountRestriction.TwoFactorEnrolment);
        group.MapGet("/", Status).WithSummary("Two-factor status; when off, the shared key to enrol 两步验证状态");
        group.MapPost("/enable", Enable).WithSummary("Turn on with a code from the app; returns recovery codes once 启用两步验证");
        group.MapPost("/disable", Disable).WithSummary("Turn off with a code from the app 关闭两步验证");
        return auth;
    }

    private static async Task<Results<Ok<TwoFactorStatus>, ProblemHttpResult>> Status(UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, IOptions<SecurityOptions> security, IHostEnvironment environment, HttpContext context)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return NotSignedIn(context);
        }
        var required = await IsRequiredAsync(users, user, security.Value, environment);
        if (user.TwoFactorEnabled)
        {
            return TypedResults.Ok(new TwoFactorStatus(true, required, await users.CountRecoveryCodesAsync(user), null, null));
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // The reset gave the account a new security stamp; keep this session valid.
            await SessionRenewal.RenewCookieAsync(signIn, user, context);
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}"
                  + $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return TypedResults.Ok(new TwoFactorStatus(false, required, 0, Group(key!), uri));
    }

    private static async Task<Results<Ok<RecoveryCodes>, ProblemHttpResult>> Enable(TwoFactorCodeRequest request,
        UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IdentityStore store, UserAdminLog log,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return NotSignedIn(context);
        }
        if (user.TwoFactorEnabled)
        {
            return ProblemResponses.Status(context, StatusCodes.Status409Conflict, "two_factor_already_enabled",
                "两步验证已启用。", "Two-factor sign-in is already on.");
        }
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return ProblemResponses.Status(context, StatusCodes.Status409Conflict, "no_shared_key",
                "请先获取密钥（GET /api/auth/2fa）。", "Get the shared key first (GET /api/auth/2fa).");
        }
        if (!await IsValidCodeAsync(users, user, request.Code))
        {
            return InvalidCode(context);
        }
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await log.AppendAsync(AccountChangeActor.From(context), user, "two_factor_enabled",
            new { twoFactorEnabled = false }, new { twoFactorEnabled = true }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await SessionRenewal.RenewCookieAsync(signIn, user, context, "mfa");
        return TypedResults.Ok(new RecoveryCodes([.. codes]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(TwoFactorCodeRequest request,
        UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IdentityStore store, UserAdminLog log,
        IOptions<SecurityOptions> security, IHostEnvironment environment, HttpContext context, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return NotSignedIn(context);
        }
        if (!user.TwoFactorEnabled)
        {
            return ProblemResponses.Status(context, StatusCodes.Status409Conflict, "two_factor_not_enabled",
                "两步验证未启用。", "Two-factor sign-in is not on.");
        }
        if (await IsRequiredAsync(users, user, security.Value, environment))
        {
            return ProblemResponses.Status(context, StatusCodes.Status409Conflict, "two_factor_required_for_role",
                "您的角色必须使用两步验证，不能关闭。", "Your role must use two-factor sign-in; it cannot be turned off.");
        }
        if (!await IsValidCodeAsync(users, user, request.Code))
        {
            return InvalidCode(context);
        }
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await log.AppendAsync(AccountChangeActor.From(context), user, "two_factor_disabled",
            new { twoFactorEnabled = true }, new { twoFactorEnabled = false }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await SessionRenewal.RenewCookieAsync(signIn, user, context);
        return TypedResults.NoContent();
    }

    private static async Task<bool> IsRequiredAsync(UserManager<ApplicationUser> users, ApplicationUser user, SecurityOptions security,
        IHostEnvironment environment)
    {
        var required = security.RolesRequiringTwoFactor(environment.IsDevelopment());
        return (await users.GetRolesAsync(user)).Any(required.Contains);
    }

    private static async Task<bool> IsValidCodeAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? code)
    {
        var digits = Normalise(code);
        return digits.Length is > 0 and <= 10
               && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }

    /// <summary>Codes are often typed with spaces or a dash in the middle.</summary>
    public static string Normalise(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToLowerInvariant();
    }

    private static ProblemHttpResult InvalidCode(HttpContext context) => ProblemResponses.Validation(context,
        new FieldError("code", "invalid_code", "验证码不正确或已过期。", "The code is wrong or has expired."));

    private static ProblemHttpResult NotSignedIn(HttpContext context) =>
        ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "unauthenticated", "请先登录。", "Sign in first.");
}

/// <param name="SharedKey">Only while not enabled: the key to type into the authenticator app (grouped by four).</param>
/// <param name="AuthenticatorUri">Only while not enabled: the otpauth:// URI the app can read.</param>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri);

public sealed record TwoFactorCodeRequest(string? Code);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);
