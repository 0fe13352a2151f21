using System.Text;

namespace Dispatch.PersonalData;

/// <summary>
/// Finds a person's name in free text, also typed with spaces between its characters (张 三) or in another letter case
/// (Zhang San); a Latin name counts only as a whole word, so "Li" does not mask "Live".
/// </summary>
internal static class NameRuns
{
    public static string Mask(string text, string name, string masked)
    {
        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            var end = MatchAt(text, i, name);
            if (end < 0)
            {
                i++;
                continue;
            }
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(masked);
            copied = i = end;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The end of the name's run starting at <paramref name="start"/>, or -1.</summary>
    private static int MatchAt(string text, int start, string name)
    {
        if (IsLatin(name[0]) && start > 0 && IsLatin(text[start - 1]))
        {
            return -1;
        }
        var at = start;
        for (var n = 0; n < name.Length; n++)
        {
            if (char.IsWhiteSpace(name[n]))
            {
                continue;
            }
            if (n > 0)
            {
                while (at < text.Length && char.IsWhiteSpace(text[at]))
                {
                    at++;
                }
            }
            if (at >= text.Length || char.ToUpperInvariant(text[at]) != char.ToUpperInvariant(name[n]))
            {
                return -1;
            }
            at++;
        }
        return IsLatin(name[^1]) && at < text.Length && IsLatin(text[at]) ? -1 : at;
    }

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);
}
