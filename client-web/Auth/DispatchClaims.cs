using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Auth;

/// <summary>Claim names carrying a user's scope, and how to read the acting user back from a principal.</summary>
public static class DispatchClaims
{
    public const string Unit = "dispatch:unit";
    public const string Area = "dispatch:area";
    public const string DisplayName = "dispatch:name";

    /// <summary>Present ("true") for unit staff who head their unit (负责人).</summary>
    public const string UnitHead = "dispatch:unit_head";

    /// <summary>Present ("true") while the user signs in with a temporary password.</summary>
    public const string MustChangePassword = "dispatch:must_change_password";

    /// <summary>Present ("true") when the user's role requires a second factor they have not set up.</summary>
    public const string TwoFactorEnrolmentRequired = "dispatch:two_factor_enrolment_required";

    /// <summary>Present ("true") when the user signs in with a second factor.</summary>
    public const string TwoFactorEnabled = "dispatch:two_factor";

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            role,
            principal.FindFirstValue(Unit),
            principal.FindFirstValue(Area),
            role == Roles.UnitStaff && principal.FindFirstValue(UnitHead) == "true");
    }
}

/// <summary>Adds the unit and area scope to the principal, so bearer tokens and cookies carry it.</summary>
public sealed class ScopedClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security,
    IHostEnvironment environment)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DispatchClaims.DisplayName, user.DisplayName));
        if (user.UnitCode is { } unit)
        {
            identity.AddClaim(new Claim(DispatchClaims.Unit, unit));
        }
        if (user.UnitHead)
        {
            identity.AddClaim(new Claim(DispatchClaims.UnitHead, "true"));
        }
        if (user.AreaCode is { } area)
        {
            identity.AddClaim(new Claim(DispatchClaims.Area, area));
        }
        AddAccountState(identity, user);
        return identity;
    }

    private void AddAccountState(ClaimsIdentity identity, ApplicationUser user)
    {
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(DispatchClaims.MustChangePassword, "true"));
        }
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(DispatchClaims.TwoFactorEnabled, "true"));
            return;
        }
        var required = security.Value.RolesRequiringTwoFactor(environment.IsDevelopment());
        if (identity.FindAll(identity.RoleClaimType).Any(role => required.Contains(role.Value)))
        {
            identity.AddClaim(new Claim(DispatchClaims.TwoFactorEnrolmentRequired, "true"));
        }
    }
}
