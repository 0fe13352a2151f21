using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Auth;

/// <summary>
/// Registers what keeps accounts safe: the password policy, sign-in refusals that cost what a wrong password costs,
/// sessions re-checked against the account every minute, the restrictions of temporary passwords and missing second
/// factors, the account change log, and the production mode's refusal to serve plain HTTP beyond loopback. Call after
/// AddIdentityApiEndpoints.
/// </summary>
public static class AccountSecuritySetup
{
    public static WebApplicationBuilder AddAccountSecurity(this WebApplicationBuilder builder)
    {
        ProductionMode.RefusePlainHttpBeyondLoopback(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>, TimeProvider>((o, security, time) =>
        {
            o.ValidationInterval = security.Value.SecurityStampValidationInterval;
            o.TimeProvider = time;
        });
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = PasswordPolicy.MinimumLength;
            o.Password.RequireDigit = true;
            o.Password.RequireLowercase = true;
            o.Password.RequireUppercase = true;
            o.Password.RequireNonAlphanumeric = true;
            o.Password.RequiredUniqueChars = 5;
        });
        // Added after Identity's own validator, so both run.
        services.AddScoped<IPasswordValidator<ApplicationUser>, PasswordPolicy>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccountRestrictionResultHandler>();
        // Replaces the sign-in manager AddIdentityApiEndpoints registered: refusals cost a password hash too.
        services.AddSingleton<DecoyPasswordHash>();
        services.Replace(ServiceDescriptor.Scoped<SignInManager<ApplicationUser>, UniformCostSignInManager>());
        services.AddScoped<UserAdminLog>();
        services.AddScoped<FirstAdministrator>();
        return builder;
    }
}
