using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dispatch.Web.Auth;

/// <summary>What a signed-in user must do before anything else: change a temporary password, or enrol a second factor.</summary>
[Flags]
public enum AccountRestriction
{
    None = 0,
    PasswordChange = 1,
    TwoFactorEnrolment = 2,
}

/// <summary>Marks an endpoint a restricted user may still call.</summary>
public sealed record AllowedWhileRestricted(AccountRestriction Restrictions);

public static class AccountRestrictions
{
    public static AccountRestriction Of(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccountRestriction.None;
        }
        if (user.HasClaim(DispatchClaims.MustChangePassword, "true"))
        {
            return AccountRestriction.PasswordChange;
        }
        return user.HasClaim(DispatchClaims.TwoFactorEnrolmentRequired, "true") ? AccountRestriction.TwoFactorEnrolment : AccountRestriction.None;
    }

    public static TBuilder AllowedWhile<TBuilder>(this TBuilder builder, AccountRestriction restrictions)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AllowedWhileRestricted(restrictions));

    /// <summary>Me, the password change and sign-out stay open whatever the restriction.</summary>
    public static TBuilder AllowedWhileRestricted<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowedWhile(AccountRestriction.PasswordChange | AccountRestriction.TwoFactorEnrolment);
}

/// <summary>After authorization succeeds, refuses every endpoint not marked open while the user is restricted.</summary>
public sealed class AccountRestrictionResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var restriction = AccountRestrictions.Of(context.User);
        var allowed = context.GetEndpoint()?.Metadata.GetMetadata<AllowedWhileRestricted>()?.Restrictions ?? AccountRestriction.None;
        if (!authorizeResult.Succeeded || restriction == AccountRestriction.None || (allowed & restriction) != 0)
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var problem = restriction == AccountRestriction.PasswordChange
            ? ProblemResponses.Status(context, StatusCodes.Status403Forbidden, "password_change_required",
                "请先修改临时密码。", "Change your temporary password first.")
            : ProblemResponses.Status(context, StatusCodes.Status403Forbidden, "two_factor_enrolment_required",
                "您的角色须启用两步验证，请先在“我的账号”中完成设置。", "Your role must use two-factor sign-in; set it up under My account first.");
        await problem.ExecuteAsync(context);
    }
}
