using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Dispatch.Web.Auth.Sessions;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Auth;

/// <summary>/api/auth: sign in with e-mail and password (bearer token for API clients, cookie for the UI), refresh, sign out, who am I.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentication 登录");
        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Sign in. Returns a bearer token, or sets a cookie with ?useCookies=true 登录");
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithSummary("Exchange a refresh token for new tokens; each refresh token works once 刷新令牌");
        group.MapPost("/logout", (Delegate)Logout).RequireAuthorization().AllowedWhileRestricted()
            .WithSummary("Sign out: revokes the session of the cookie or bearer token (and its refresh token) 退出登录");
        group.MapGet("/me", Me).RequireAuthorization().AllowedWhileRestricted()
            .WithSummary("The signed-in user, role and scope 当前用户");
        group.MapGet("/session", Session).AllowAnonymous()
            .WithSummary("Whether this request is signed in, and as whom: always 200, for the UI's start-up probe (a 401 from /me would be a console error) 会话状态");
        group.MapPasswordApi();
        group.MapTwoFactorApi();
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, bool? useCookies, SignInManager<ApplicationUser> signIn, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return ProblemResponses.Validation(context,
                new FieldError("email", "required", "请输入邮箱和密码。", "Enter e-mail and password."));
        }
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return await SecondFactorAsync(request, signIn, context);
        }
        if (!result.Succeeded)
        {
            // A locked account, an unknown e-mail and a wrong password answer alike and each cost one password hash
            // (UniformCostSignInManager): neither the answer nor its time tells whether an account exists.
            return SignInRefusal.Answer(context);
        }
        // The sign-in handler has written the token response or the cookie.
        return TypedResults.Empty;
    }

    /// <summary>The password was right and the account uses an authenticator app: the code or a recovery code completes the sign-in.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> SecondFactorAsync(
        LoginRequest request, SignInManager<ApplicationUser> signIn, HttpContext context)
    {
        SignInResult result;
        if (!string.IsNullOrWhiteSpace(request.TwoFactorCode))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorEndpoints.Normalise(request.TwoFactorCode), isPersistent: false, rememberClient: false);
        }
        else if (!string.IsNullOrWhiteSpace(request.RecoveryCode))
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(request.RecoveryCode.Trim());
        }
        else
        {
            return ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "two_factor_required",
                "请输入身份验证器应用中的验证码。", "Enter the code from your authenticator app.");
        }
        if (result.IsLockedOut)
        {
            return ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "locked_out",
                "登录失败次数过多，账号已临时锁定，请稍后再试。", "Too many failed sign-ins; the account is locked for a while.");
        }
        return result.Succeeded
            ? TypedResults.Empty
            : ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "invalid_two_factor_code",
                "验证码不正确或已过期。", "The code is wrong or has expired.");
    }

    /// <summary>
    /// Rotates: the refresh token's session moves to its next generation and the new tokens carry it. An older token
    /// presented again means two holders of one token, so the session is revoked (token-theft signal).
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time,
        SignInManager<ApplicationUser> signIn, SessionRevocations sessions, HttpContext context)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || ticket.Principal.ReadSession() is not { } presented
            || await sessions.RotateAsync(presented, context.RequestAborted) is not { } generation)
        {
            return InvalidRefreshToken(context);
        }
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            await sessions.RevokeAsync(presented.SessionId, "security_stamp_changed", context.RequestAborted);
            return InvalidRefreshToken(context);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        principal.Stamp(presented with { Generation = generation });
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult InvalidRefreshToken(HttpContext context) =>
        ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "invalid_refresh_token",
            "刷新令牌无效或已过期，请重新登录。", "The refresh token is invalid or expired; sign in again.");

    /// <summary>Revokes the session behind the cookie or bearer token (its refresh token too, and its hub connections).</summary>
    private static async Task<IResult> Logout(HttpContext context, SessionRevocations sessions)
    {
        if (context.User.ReadSession() is { } session)
        {
            await sessions.RevokeAsync(session.SessionId, "logout", context.RequestAborted);
        }
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<SessionState> Session(ClaimsPrincipal user) =>
        TypedResults.Ok(user.Identity?.IsAuthenticated == true ? new SessionState(true, Me(user).Value) : new SessionState(false, null));

    private static Ok<CurrentUser> Me(ClaimsPrincipal user)
    {
        var actor = user.ToActor();
        return TypedResults.Ok(new CurrentUser(actor.UserId, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
            user.FindFirstValue(DispatchClaims.DisplayName) ?? "", actor.Role, actor.UnitCode, actor.AreaCode, actor.UnitHead)
        {
            MustChangePassword = user.HasClaim(DispatchClaims.MustChangePassword, "true"),
            TwoFactorEnabled = user.HasClaim(DispatchClaims.TwoFactorEnabled, "true"),
            TwoFactorEnrolmentRequired = user.HasClaim(DispatchClaims.TwoFactorEnrolmentRequired, "true"),
        });
    }
}

/// <param name="TwoFactorCode">The authenticator app's code, for accounts with two-factor sign-in.</param>
/// <param name="RecoveryCode">Instead of the code: one of the recovery codes, each usable once.</param>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? RecoveryCode = null);

public sealed record RefreshRequest(string RefreshToken);

/// <summary>GET /api/auth/session: signed in or not; when signed in, the same user /me answers.</summary>
public sealed record SessionState(bool SignedIn, CurrentUser? User);

/// <param name="UnitHead">Unit staff who head their unit (负责人) and approve a petition's extension.</param>
public sealed record CurrentUser(string Id, string Email, string DisplayName, string Role, string? UnitCode, string? AreaCode, bool UnitHead)
{
    /// <summary>Signed in with a temporary password: only the password change, /me and sign-out work until it is changed.</summary>
    public bool MustChangePassword { get; init; }

    public bool TwoFactorEnabled { get; init; }

    /// <summary>The role must use two-factor sign-in and it is not set up: only enrolment, /me and sign-out work.</summary>
    public bool TwoFactorEnrolmentRequired { get; init; }
}
