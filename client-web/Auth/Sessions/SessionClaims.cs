using System.Globalization;
using System.Security.Claims;

namespace Dispatch.Web.Auth.Sessions;

/// <summary>The session a cookie or token belongs to, and which refresh generation it was issued at.</summary>
public readonly record struct SessionStamp(Guid SessionId, int Generation);

/// <summary>Claim names that tie a principal (cookie, access token, refresh token) to its server-side session.</summary>
public static class SessionClaims
{
    public const string SessionId = "dispatch:sid";
    public const string Generation = "dispatch:sgen";

    public static SessionStamp? ReadSession(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionId), out var id)
        && int.TryParse(principal.FindFirstValue(Generation), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? new SessionStamp(id, generation)
            : null;

    /// <summary>Puts the stamp on the principal's first identity, replacing any stamp it had.</summary>
    public static void Stamp(this ClaimsPrincipal principal, SessionStamp stamp)
    {
        if (principal.Identity is not ClaimsIdentity identity)
        {
            throw new InvalidOperationException("A signed-in principal has a claims identity.");
        }
        foreach (var old in identity.FindAll(c => c.Type is SessionId or Generation).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(SessionId, stamp.SessionId.ToString()));
        identity.AddClaim(new Claim(Generation, stamp.Generation.ToString(CultureInfo.InvariantCulture)));
    }
}
