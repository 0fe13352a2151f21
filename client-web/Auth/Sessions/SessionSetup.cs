using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Auth.Sessions;

/// <summary>
/// Server-side sessions: the sign-in hook, the lifetimes, and the checks in the cookie and bearer authentication events
/// that refuse a revoked or expired session.
/// </summary>
public static class SessionSetup
{
    public static IServiceCollection AddDispatchSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section))
            .Validate(o => o.AbsoluteLifetime > TimeSpan.Zero && o.IdleTimeout > TimeSpan.Zero && o.AccessTokenLifetime > TimeSpan.Zero
                           && o.CheckInterval >= TimeSpan.Zero, "Sessions: lifetimes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionRevocations>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRevocations>());
        // Registered after AddIdentityApiEndpoints' AddAuthentication: this one answers IAuthenticationService.
        services.AddScoped<IAuthenticationService, SessionSignIn>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SessionOptions>>((cookie, sessions) =>
            {
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = sessions.Value.IdleTimeout;
                var stampCheck = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    await stampCheck(context);
                    if (context.Principal is { } principal && !await IsActiveAsync(context.HttpContext, principal.ReadSession()))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                };
            });
        // The security-stamp check rebuilds the cookie's principal now and then: keep its session stamp.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.ReadSession() is { } stamp && context.NewPrincipal is { } fresh)
            {
                fresh.Stamp(stamp);
            }
            return Task.CompletedTask;
        });
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<IOptions<SessionOptions>>((bearer, sessions) =>
            {
                bearer.BearerTokenExpiration = sessions.Value.AccessTokenLifetime;
                bearer.RefreshTokenExpiration = sessions.Value.AbsoluteLifetime;
                var received = bearer.Events.OnMessageReceived;
                bearer.Events.OnMessageReceived = async context =>
                {
                    await received(context);
                    var token = context.Token ?? BearerToken(context.Request);
                    if (token is null)
                    {
                        return;
                    }
                    var ticket = context.Options.BearerTokenProtector.Unprotect(token);
                    if (ticket is not null && !await IsActiveAsync(context.HttpContext, ticket.Principal.ReadSession()))
                    {
                        context.Fail("The session of this token was signed out or has expired.");
                    }
                };
            });
        return services;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task<bool> IsActiveAsync(HttpContext context, SessionStamp? stamp) =>
        stamp is { } session
        && await context.RequestServices.GetRequiredService<SessionRevocations>().IsActiveAsync(session.SessionId, context.RequestAborted);
}
