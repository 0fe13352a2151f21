using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Security;

/// <summary>
/// The web app's defences in one place: forwarded headers from a trusted TLS proxy, Secure cookies and HSTS outside
/// Development, security headers, antiforgery for the cookie, rate limits.
/// </summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddDispatchSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<ProxySettings>().Bind(builder.Configuration.GetSection(ProxySettings.Section));
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxySettings>>(
            (options, proxy) => proxy.Value.ApplyTo(options));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddDispatchAntiforgery();
        services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);
        services.AddDispatchRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>Before everything else: who the client is and that every answer carries the security headers.</summary>
    public static WebApplication UseDispatchEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>After authentication: antiforgery for the cookie, then the rate limits (which partition by user).</summary>
    public static WebApplication UseDispatchRequestGuards(this WebApplication app)
    {
        app.UseDispatchAntiforgery();
        app.UseDispatchRateLimits();
        return app;
    }
}
