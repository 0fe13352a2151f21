using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Auth.Sessions;

/// <summary>
/// The sign-in hook: every cookie or bearer sign-in of a principal without a session (a fresh sign-in, whatever
/// endpoint did it) starts a server-side session and stamps its id on the principal, so the cookie, the access token
/// and the refresh token all carry it. A refresh re-signs a principal that already has its stamp and starts nothing.
/// </summary>
public sealed class SessionSignIn(
    IAuthenticationSchemeProvider schemes, IAuthenticationHandlerProvider handlers, IClaimsTransformation transform,
    IOptions<AuthenticationOptions> authenticationOptions, SessionStore store, TimeProvider time, IOptions<SessionOptions> sessionOptions)
    : AuthenticationService(schemes, handlers, transform, authenticationOptions)
{
    public override async Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
    {
        var kind = scheme switch
        {
            _ when scheme == IdentityConstants.ApplicationScheme => "cookie",
            _ when scheme == IdentityConstants.BearerScheme => "bearer",
            _ => null,
        };
        if (kind is not null && principal.ReadSession() is null && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var session = await store.StartAsync(userId, kind, time.GetUtcNow(), sessionOptions.Value.AbsoluteLifetime, context.RequestAborted);
            principal.Stamp(new SessionStamp(session.Id, session.RefreshGeneration));
        }
        await base.SignInAsync(context, scheme, principal, properties);
    }
}
