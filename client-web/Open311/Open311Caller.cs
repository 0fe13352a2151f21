namespace Dispatch.Web.Open311;

/// <summary>Who asks on an Open311 request route: the actor of a valid api_key, or the refusal to answer with.</summary>
public sealed record Open311Caller(Actor? Actor, Open311Answer? Refusal)
{
    /// <summary>400 without a key; 403 for a key that is unknown or revoked (the two are told apart, a guess learns nothing).</summary>
    public static async Task<Open311Caller> CheckAsync(string? apiKey, Open311Format format, Open311KeyStore keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return new(null, Open311Answer.Error(format, StatusCodes.Status400BadRequest, "缺少 api_key。", "The api_key is required."));
        }
        var check = await keys.CheckAsync(apiKey, cancellationToken);
        if (!check.Known)
        {
            return new(null, Open311Answer.Error(format, StatusCodes.Status403Forbidden, "api_key 无效。", "The api_key is not valid."));
        }
        return check.Revoked
            ? new(null, Open311Answer.Error(format, StatusCodes.Status403Forbidden, "api_key 已吊销。", "The api_key has been revoked."))
            : new(check.Actor, null);
    }
}
