using Microsoft.Extensions.Options;

namespace Dispatch.Web.Hosting;

/// <summary>
/// Runs an idempotent API request again when the silo that held its grain call went away (Unavailable.MeansSiloLost):
/// the cluster re-activates the grain on a silo that lives, so the caller gets its answer instead of a 503. A few
/// attempts with a doubling pause on the TimeProvider, all inside a budget (FailoverRetryOptions); the body is buffered
/// so a retry reads it again, and nothing is retried once the response has started. What is not idempotent, or still
/// fails when the budget is spent, goes on to the exception handler, which answers 503 with Retry-After.
/// </summary>
public sealed class FailoverRetry(RequestDelegate next, IOptions<FailoverRetryOptions> options, TimeProvider time, FailoverMetrics metrics,
    ILogger<FailoverRetry> logger)
{
    private readonly FailoverRetryOptions settings = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IdempotentRequests.Includes(context.Request))
        {
            await RunOnceAsync(context);
            return;
        }
        context.Request.EnableBuffering();
        var headers = context.Response.Headers.ToArray();
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(context);
                if (attempt > 1)
                {
                    metrics.RecoveredByRetry();
                }
                return;
            }
            catch (Exception ex) when (Unavailable.MeansSiloLost(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var delay = settings.DelayAfter(attempt);
                var elapsed = time.GetElapsedTime(started);
                if (attempt >= settings.MaxAttempts || elapsed + delay > settings.Budget)
                {
                    metrics.GaveUp();
                    logger.LogWarning("{Method} {Route} still failed after {Attempts} attempts in {ElapsedMs} ms ({Failure}); answering 503",
                        context.Request.Method, RouteOf(context), attempt, (long)elapsed.TotalMilliseconds, ex.GetType().Name);
                    throw;
                }
                metrics.Retried();
                // Route pattern and exception type only: the path's query and the exception's text may carry personal data.
                logger.LogInformation("Retrying {Method} {Route} on another silo in {DelayMs} ms (attempt {Attempt} failed after {ElapsedMs} ms: {Failure})",
                    context.Request.Method, RouteOf(context), (long)delay.TotalMilliseconds, attempt, (long)elapsed.TotalMilliseconds, ex.GetType().Name);
                await Task.Delay(delay, time, context.RequestAborted);
                Reset(context, headers);
            }
        }
    }

    private async Task RunOnceAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (Unavailable.MeansSiloLost(ex))
        {
            metrics.NotRetried();
            throw;
        }
    }

    /// <summary>Back to the response as it was before the first attempt (the edge's security headers stay).</summary>
    private static void Reset(HttpContext context, KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] headers)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.Clear();
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Request.Body.Position = 0;
    }

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
}

/// <summary>Which requests may run twice with the same effect as once, so a retry on another silo is safe.</summary>
public static class IdempotentRequests
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// API reads (GET, HEAD); a POST that opens an item under an Idempotency-Key (the key fixes the item's id, so a retry
    /// reaches the same item and gets it back); a change sent with If-Match (a retry applies once: after a lost answer it
    /// gets 412 for the version that moved on). Everything else, a POST without either header above all, runs once.
    /// Every Open311 call is idempotent: its reads change nothing, and a submission always has a key (the header, or else
    /// one derived from the form), so a retry reaches the same ticket.
    /// </summary>
    public static bool Includes(HttpRequest request)
    {
        if (request.Path.StartsWithSegments(Open311.Open311Endpoints.Root))
        {
            return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPost(request.Method);
        }
        if (!request.Path.StartsWithSegments("/api") || request.HttpContext.WebSockets.IsWebSocketRequest)
        {
            return false;
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return true;
        }
        return !string.IsNullOrWhiteSpace(request.Headers.IfMatch)
            || (HttpMethods.IsPost(request.Method) && !string.IsNullOrWhiteSpace(request.Headers[IdempotencyKeyHeader]));
    }
}

/// <summary>Registration of the failover retry: options from configuration, the metrics, the middleware.</summary>
public static class FailoverRetrySetup
{
    public static IServiceCollection AddFailoverRetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FailoverRetryOptions>().Bind(configuration.GetSection(FailoverRetryOptions.Section))
            .Validate(o => o.Budget > TimeSpan.Zero && o.MaxAttempts >= 1 && o.FirstDelay > TimeSpan.Zero && o.MaxDelay >= o.FirstDelay,
                "Failover: Budget, FirstDelay and MaxDelay must be positive (MaxDelay >= FirstDelay) and MaxAttempts at least 1.")
            .ValidateOnStart();
        services.AddSingleton<FailoverMetrics>();
        return services;
    }

    /// <summary>After authorization, so a retry runs the endpoint again and not the rate limits or sign-in checks.</summary>
    public static IApplicationBuilder UseFailoverRetry(this IApplicationBuilder app) => app.UseMiddleware<FailoverRetry>();
}
