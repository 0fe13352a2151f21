using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Security;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal FixedWindowRateLimiterOptions ToOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The request limits, from the configuration section <c>RateLimits</c>; the defaults suit production.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per account (the normalized e-mail), whoever sends them.</summary>
    public WindowLimit SignInPerAccount { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Sign-in and refresh attempts per client address, whatever the account.</summary>
    public WindowLimit SignInPerAddress { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Registrations (tickets, legal-aid cases, rehab visits) per signed-in user.</summary>
    public WindowLimit IntakePerUser { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Searches and lists per signed-in user.</summary>
    public WindowLimit SearchPerUser { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Open311 request submissions per API key (counted by the presented key's hash).</summary>
    public WindowLimit Open311PerKey { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    internal IEnumerable<(string Name, WindowLimit Limit)> All =>
    [
        (nameof(SignInPerAccount), SignInPerAccount), (nameof(SignInPerAddress), SignInPerAddress),
        (nameof(IntakePerUser), IntakePerUser), (nameof(SearchPerUser), SearchPerUser), (nameof(Open311PerKey), Open311PerKey),
    ];
}

/// <summary>
/// ASP.NET Core's rate limiter with one global, chained limiter: each request counts against the limits its route falls
/// under (none for most). A refusal answers 429 problem details with Retry-After.
/// </summary>
public static partial class RateLimits
{
    private const string SignInEmailItem = "dispatch:sign-in-email";
    private const string Open311KeyItem = "dispatch:open311-key";

    private static readonly HashSet<string> IntakeRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/api/tickets", "/api/legal-aid-cases", "/api/rehab-visits",
    };

    private static readonly HashSet<string> SearchRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/api/tickets", "/api/legal-aid-cases", "/api/rehab-visits", "/api/dispatch-queue", "/api/callback-queue",
    };

    /// <summary>The lists of one unit: /api/units/{code}/worklist and its legal-aid and rehabilitation kin (and the calendar's range).</summary>
    private static readonly HashSet<string> UnitLists = new(StringComparer.OrdinalIgnoreCase)
    {
        "worklist", "legal-aid-worklist", "rehab-worklist", "rehab-calendar",
    };

    public static IServiceCollection AddDispatchRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitSettings>().Bind(configuration.GetSection(RateLimitSettings.Section))
            .Validate(s => s.All.All(l => l.Limit.PermitLimit > 0 && l.Limit.Window > TimeSpan.Zero),
                "RateLimits: every limit needs a PermitLimit above 0 and a positive Window.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var limits = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(limits.SignInPerAddress, c => IsSignIn(c) ? "address:" + c.Connection.RemoteIpAddress : null),
                Partitioned(limits.SignInPerAccount, c => IsLogin(c) && c.Items[SignInEmailItem] is string email ? "account:" + email : null),
                Partitioned(limits.IntakePerUser, c => IsIntake(c) ? UserKey(c) : null),
                Partitioned(limits.SearchPerUser, c => IsSearch(c) ? UserKey(c) : null),
                Partitioned(limits.Open311PerKey, c => c.Items[Open311KeyItem] as string));
            options.OnRejected = (context, _) => RejectAsync(context);
        });
        return services;
    }

    /// <summary>
    /// The limiter decides before the endpoint reads the body; for sign-in the account is in the body, so it is read
    /// (small bodies only) and put back.
    /// </summary>
    public static IApplicationBuilder UseDispatchRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLogin(context) && context.Request.ContentLength is null or <= 16 * 1024)
            {
                context.Items[SignInEmailItem] = await SignInEmailAsync(context.Request);
            }
            if (IsOpen311Submission(context))
            {
                context.Items[Open311KeyItem] = await Open311KeyAsync(context.Request);
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(WindowLimit limit, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => key(context) is { } partition
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => limit.ToOptions())
            : RateLimitPartition.GetNoLimiter(""));

    private static async Task<string?> SignInEmailAsync(HttpRequest request)
    {
        request.EnableBuffering();
        try
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && body.RootElement.TryGetProperty("email", out var email) && email.ValueKind == System.Text.Json.JsonValueKind.String
                ? email.GetString()!.Trim().ToUpperInvariant()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    /// <summary>
    /// The partition of an Open311 submission: the hash of the api_key in its form (read here, before the limiter decides,
    /// and kept for the endpoint). A form that cannot be read, or has no key, is counted nowhere; the endpoint refuses it.
    /// </summary>
    private static async Task<string?> Open311KeyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["api_key"] is [{ Length: > 0 and <= 200 } key] ? Open311.Open311KeyStore.RateLimitPartition(key) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static bool IsOpen311Submission(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && Route(context) is var route
        && (route.Equals(Open311.Open311Endpoints.Root + "/requests.json", StringComparison.OrdinalIgnoreCase)
            || route.Equals(Open311.Open311Endpoints.Root + "/requests.xml", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ProblemResponses.Status(context, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"请求过于频繁，请在 {seconds} 秒后重试。", $"Too many requests; try again in {seconds} seconds.")
            .ExecuteAsync(context);
    }

    /// <summary>
    /// Whether a limit covers requests to a documented route (method and path template such as /api/units/{unitCode}/worklist),
    /// for the API description: the same predicates the limiter uses, asked about a request to that route.
    /// </summary>
    public static bool Covers(string method, string pathTemplate)
    {
        var path = RouteParameter().Replace(pathTemplate, m => m.Value == "{format}" ? "json" : "x");
        var context = new DefaultHttpContext { Request = { Method = method, Path = path } };
        return IsSignIn(context) || IsIntake(context) || IsSearch(context) || IsOpen311Submission(context);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    private static string Route(HttpContext context) => context.Request.Path.Value?.TrimEnd('/') ?? "";

    private static bool IsLogin(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && Route(context).Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase);

    private static bool IsSignIn(HttpContext context) =>
        IsLogin(context)
        || (HttpMethods.IsPost(context.Request.Method) && Route(context).Equals("/api/auth/refresh", StringComparison.OrdinalIgnoreCase));

    private static bool IsIntake(HttpContext context) => HttpMethods.IsPost(context.Request.Method) && IntakeRoutes.Contains(Route(context));

    /// <summary>
    /// Reads that can sweep personal data: searches and lists, the person record, the unit lists, the intake's caller
    /// lookup (a POST, so the numbers stay out of URLs) and every reveal of a full number (POST .../reveal).
    /// </summary>
    private static bool IsSearch(HttpContext context)
    {
        var route = Route(context);
        if (HttpMethods.IsPost(context.Request.Method))
        {
            return route.Equals("/api/intake/caller-history", StringComparison.OrdinalIgnoreCase)
                || route.Equals("/api/tickets/search", StringComparison.OrdinalIgnoreCase)
                || (route.StartsWith("/api/", StringComparison.Ordinal) && route.EndsWith("/reveal", StringComparison.OrdinalIgnoreCase));
        }
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return SearchRoutes.Contains(route) || context.Request.Path.StartsWithSegments("/api/persons")
            || (segments is ["api", "units", _, var list] && UnitLists.Contains(list))
            || segments is ["api", "units", _, "rehab-calendar", "range"];
    }

    private static string? UserKey(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } user ? "user:" + user : null;
}
