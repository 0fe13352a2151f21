namespace Dispatch.PersonalData;

/// <summary>
/// The screening of free text (a ticket's title, a supervision note) before it reaches people who do not work the item:
/// dashboards, lists of many units' items, the big screen. Every run shaped like a phone, resident ID or certificate
/// number is masked as the personal-data fields are (138****5678, 0573-****5678, 330402********1234), and the item's
/// own person's name as names are masked for supervisors (张**). Ticket numbers, dates, amounts and unit codes stay.
/// </summary>
public static class FreeText
{
    /// <summary>The text with the given names (the caller's, applicant's or person's) and every personal number masked.</summary>
    public static string Screen(string text, params ReadOnlySpan<string?> names)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var named = text;
        foreach (var name in Distinct(names))
        {
            named = NameRuns.Mask(named, name, MaskName(name));
        }
        return NumberRuns.Mask(named);
    }

    /// <summary>张**: the first character and two stars, whatever the length (the supervisors' view of a name).</summary>
    public static string MaskName(string name) =>
        name.Length == 0 ? name : string.Concat(name.AsSpan(0, char.IsHighSurrogate(name[0]) ? 2 : 1), "**");

    /// <summary>Longest first, so a full name is masked before a shorter one inside it; one character alone is no name.</summary>
    private static IEnumerable<string> Distinct(ReadOnlySpan<string?> names)
    {
        var kept = new List<string>(names.Length);
        foreach (var name in names)
        {
            if (name?.Trim() is { Length: >= 2 } trimmed && !kept.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(trimmed);
            }
        }
        return kept.OrderByDescending(n => n.Length);
    }
}
