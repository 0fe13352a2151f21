using Microsoft.Net.Http.Headers;

namespace Dispatch.Web.Items;

/// <summary>Versions travel as ETags: responses carry ETag "n"; an If-Match with a stale n gets 412.</summary>
public static class VersionHeaders
{
    /// <summary>Null when no If-Match was sent; false when it cannot be read.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int? version)
    {
        version = null;
        var raw = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(raw) || raw.Trim() == "*")
        {
            return true;
        }
        var value = raw.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        value = value.Trim('"');
        if (int.TryParse(value, out var parsed) && parsed > 0)
        {
            version = parsed;
            return true;
        }
        return false;
    }

    public static void WriteETag(HttpResponse response, int version) =>
        response.Headers[HeaderNames.ETag] = $"\"{version}\"";
}
