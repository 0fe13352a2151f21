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
                    if (context.Result is not null)
                    {
                        return;
                    }
                    var token = context.Token ?? BearerToken(context.Request);
                    if (token is null)
                    {
                        return;
                    }
                    // The token is opened (decrypted and authenticated) once, here, and the result handed to the handler:
                    // the handler would otherwise open it a second time. The checks are the handler's own (a token that
                    // does not open or carries no expiry, an expired token) and then the session's.
                    var ticket = context.Options.BearerTokenProtector.Unprotect(token);
                    if (ticket?.Properties.ExpiresUtc is not { } expires)
                    {
                        context.Fail("Unprotected token failed");
                    }
                    else if ((context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() >= expires)
                    {
                        context.Fail("Token expired");
                    }
                    else if (!await IsActiveAsync(context.HttpContext, ticket.Principal.ReadSession()))
                    {
                        context.Fail("The session of this token was signed out or has expired.");
                    }
                    else
                    {
                        context.Principal = ticket.Principal;
                        context.Properties = ticket.Properties;
                        context.Success();
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
