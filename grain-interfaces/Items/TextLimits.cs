namespace Dispatch.Items;

/// <summary>
/// How long the free text of item actions may be, counted in Unicode code points as PostgreSQL counts varchar(n) (a rare
/// CJK character outside the basic plane is one character, though two UTF-16 units). The UI reads the same numbers.
/// </summary>
public static class TextLimits
{
    /// <summary>Notes, reasons and short remarks.</summary>
    public const int Note = 1000;

    /// <summary>Replies to the caller, case summaries, visit records, refusal reasons.</summary>
    public const int LongText = 4000;
}
