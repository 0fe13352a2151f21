using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Security;

/// <summary>
/// Cross-site request forgery defence for the cookie: an unsafe request (POST, PUT, PATCH, DELETE) authenticated by the
/// session cookie must carry the antiforgery token in <see cref="HeaderName"/>; the UI gets it from
/// GET /api/auth/antiforgery. Bearer-token calls carry no ambient credential and need none. The hubs take no token
/// (a browser's WebSocket cannot send one): a request to them from another origin is refused instead.
/// </summary>
public static class AntiforgeryGuard
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string CookieName = "dispatch.xsrf";

    public static IServiceCollection AddDispatchAntiforgery(this IServiceCollection services)
    {
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // The security headers already forbid framing.
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    public static RouteGroupBuilder MapAntiforgeryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/auth/antiforgery", (IAntiforgery antiforgery, HttpContext context) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName ?? HeaderName));
            })
            // A user who must first change a temporary password or enrol a second factor needs the token for that too.
            .RequireAuthorization().AllowedWhileRestricted().WithTags("Authentication 登录")
            .WithSummary("The antiforgery token a cookie session sends in X-XSRF-TOKEN on POST/PUT/PATCH/DELETE 防跨站请求令牌");
        return api;
    }

    public static IApplicationBuilder UseDispatchAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/hubs"))
        {
            if (!SameOrigin(context.Request))
            {
                await Refuse(context, StatusCodes.Status403Forbidden, "cross_origin_refused",
                    "不接受来自其他站点的实时连接。", "Live connections from another site are refused.");
                return;
            }
        }
        else if (IsUnsafe(context.Request.Method) && !UsesNoAmbientCredential(context.Request) && await IsCookieAuthenticatedAsync(context)
                 && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Refuse(context, StatusCodes.Status400BadRequest, "antiforgery_invalid",
                "缺少或无效的防跨站请求令牌，请刷新页面后重试。", "The antiforgery token is missing or invalid; reload the page and try again.");
            return;
        }
        await next(context);
    });

    /// <summary>
    /// Signing in and refreshing act on what the body carries, not on the cookie a browser sends along; so does Open311,
    /// whose api_key is in the form and which never reads the session.
    /// </summary>
    private static bool UsesNoAmbientCredential(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/auth/login") || request.Path.StartsWithSegments("/api/auth/refresh")
        || request.Path.StartsWithSegments(Dispatch.Web.Open311.Open311Endpoints.Root);

    private static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The session cookie authenticated this request: no bearer token answered (results are cached per request).</summary>
    private static async Task<bool> IsCookieAuthenticatedAsync(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && (await context.AuthenticateAsync(IdentityConstants.BearerScheme)).None
        && (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded;

    /// <summary>No Origin (not a browser's cross-site request) or the same host as the request.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
               || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                   && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static Task Refuse(HttpContext context, int status, string code, string zh, string en) =>
        ProblemResponses.Status(context, status, code, zh, en).ExecuteAsync(context);
}

/// <summary>The token and the header to send it in.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);
