using System.Text;

namespace Dispatch.LegalAid;

/// <summary>
/// A party's name as the conflict check compares it: compatibility-normalised (NFKC: full-width letters, digits and the
/// ideographic space become their half-width forms), trimmed, runs of white space as one space, lower case.
/// </summary>
public static class PartyNames
{
    public static string Key(string name)
    {
        var normal = name.Normalize(NormalizationForm.FormKC).Trim();
        var key = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
                continue;
            }
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    public static string? KeyOrNull(string? name) => string.IsNullOrWhiteSpace(name) ? null : Key(name);

    public static bool Same(string? a, string? b) => KeyOrNull(a) is { } left && left == KeyOrNull(b);
}
