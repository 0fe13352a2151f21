using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Auth;

/// <summary>POST /api/auth/password: the signed-in user changes their password (and so clears a temporary one).</summary>
public static class PasswordEndpoints
{
    private const int MaxPasswordLength = 256;

    public static RouteGroupBuilder MapPasswordApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/password", ChangePassword).RequireAuthorization().AllowedWhileRestricted()
            .WithSummary("Change the own password; a bearer caller gets new tokens 修改密码");
        return auth;
    }

    private static async Task<Results<NoContent, SignInHttpResult, ProblemHttpResult>> ChangePassword(
        PasswordChangeRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        IdentityStore store, UserAdminLog log, HttpContext context, CancellationToken cancellationToken)
    {
        if (Check(request) is { Length: > 0 } errors)
        {
            return ProblemResponses.Validation(context, errors);
        }
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "unauthenticated", "请先登录。", "Sign in first.");
        }
        var before = new { user.MustChangePassword };
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            return ProblemResponses.Validation(context, result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? [new FieldError("currentPassword", "wrong", "当前密码不正确。", "The current password is wrong.")]
                : PasswordPolicy.ToFieldErrors(result.Errors, "newPassword"));
        }
        await log.AppendAsync(AccountChangeActor.From(context), user, "password_changed", before, new { user.MustChangePassword }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SessionRenewal.RenewAsync(signIn, user, context);
    }

    private static FieldError[] Check(PasswordChangeRequest request)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > MaxPasswordLength)
        {
            errors.Add(new("currentPassword", "required", "请输入当前密码。", "Enter the current password."));
        }
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors.Add(new("newPassword", "required", "请输入新密码。", "Enter the new password."));
        }
        else if (request.NewPassword.Length > MaxPasswordLength || request.NewPassword.Any(char.IsControl))
        {
            errors.Add(new("newPassword", "invalid", $"新密码不超过 {MaxPasswordLength} 个字符，且不含控制字符。",
                $"The new password has at most {MaxPasswordLength} characters and no control characters."));
        }
        else if (request.NewPassword == request.CurrentPassword)
        {
            errors.Add(new("newPassword", "unchanged", "新密码不能与当前密码相同。", "The new password must differ from the current one."));
        }
        return [.. errors];
    }
}

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// After the user's own account changes (new password, second factor) the security stamp is new, so the caller's
/// session is issued again with fresh claims: a new cookie, or for a bearer caller new tokens in the answer.
/// </summary>
public static class SessionRenewal
{
    public static async Task<Results<NoContent, SignInHttpResult, ProblemHttpResult>> RenewAsync(
        SignInManager<ApplicationUser> signIn, ApplicationUser user, HttpContext context, string? authenticationMethod = null)
    {
        if (IsBearer(context))
        {
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }
        await RenewCookieAsync(signIn, user, context, authenticationMethod);
        return TypedResults.NoContent();
    }

    public static async Task RenewCookieAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user, HttpContext context,
        string? authenticationMethod = null)
    {
        if (IsBearer(context))
        {
            return;
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod ?? context.User.FindFirstValue("amr"));
    }

    public static bool IsBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
