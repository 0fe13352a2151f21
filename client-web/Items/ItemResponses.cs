namespace Dispatch.Web.Items;

/// <summary>The HTTP side every item action shares: If-Match in, one grain call, ETag and the view (or problem details) out.</summary>
public static class ItemResponses
{
    public static async Task<Results<Ok<TView>, ProblemHttpResult>> ActAsync<TView>(
        HttpContext context, Func<Actor, int?, Task<Outcome<TView>>> call, Func<TView, int> version)
    {
        if (!VersionHeaders.TryReadIfMatch(context.Request, out var expected))
        {
            return ProblemResponses.Validation(context, new FieldError("If-Match", "invalid_format",
                "If-Match 须为版本号，如 \"3\"。", "If-Match must be the item version, e.g. \"3\"."));
        }
        var actor = context.User.ToActor();
        var outcome = await call(actor, expected);
        if (!outcome.Succeeded)
        {
            return ProblemResponses.From(outcome.Error!, context);
        }
        VersionHeaders.WriteETag(context.Response, version(outcome.Value!));
        return TypedResults.Ok(outcome.Value!);
    }

    /// <summary>One item as the grain shows it to this user (personal numbers masked), its version as the ETag.</summary>
    public static Results<Ok<TView>, ProblemHttpResult> Shown<TView>(HttpContext context, Outcome<TView> outcome, Func<TView, int> version)
    {
        if (!outcome.Succeeded)
        {
            return ProblemResponses.From(outcome.Error!, context);
        }
        VersionHeaders.WriteETag(context.Response, version(outcome.Value!));
        return TypedResults.Ok(outcome.Value!);
    }

    /// <summary>A revealed personal value: never cached by the browser or a proxy.</summary>
    public static Results<Ok<PersonalData.RevealedValue>, ProblemHttpResult> Revealed(HttpContext context, Outcome<PersonalData.RevealedValue> revealed)
    {
        if (!revealed.Succeeded)
        {
            return ProblemResponses.From(revealed.Error!, context);
        }
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return TypedResults.Ok(revealed.Value!);
    }
    /// <summary>A grain's outcome as a 200 with the value or the problem details of its error.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome, HttpContext context) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);

    public static ProblemHttpResult MissingIdempotencyKey(HttpContext context) =>
        ProblemResponses.Validation(context, new FieldError("Idempotency-Key", "required",
            $"请在 Idempotency-Key 请求头中提供本次提交的唯一标识（最长 {ItemIds.MaxKeyLength} 字符），重复提交将返回同一记录。",
            $"Send a unique Idempotency-Key header (at most {ItemIds.MaxKeyLength} characters); a repeat returns the same item."));
}
