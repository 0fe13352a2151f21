using System.Text;

namespace Dispatch.Items;

/// <summary>
/// Which characters free text may hold: printable text and, in multi-line fields, tab and line breaks. NUL, the other
/// C0 and C1 control characters, DEL, unpaired surrogates and the noncharacters U+FFFE/U+FFFF are refused: PostgreSQL
/// cannot store NUL, and the others are never typed by a person (they arrive from a broken client or an attacker).
/// Both the web edge and the grains' own rules apply this, so a caller that skips the edge meets the same rule.
/// </summary>
public static class TextCharacters
{
    /// <summary>The index of the first character not allowed, or -1 when the text is clean.</summary>
    public static int FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsForbidden(c))
            {
                return i;
            }
        }
        return -1;
    }

    public static bool IsClean(string text) => FirstForbidden(text) < 0;

    /// <summary>How the refused character is named in a message: U+0000, never the surrounding text.</summary>
    public static string Describe(string text, int index) => $"U+{(int)text[index]:X4}";

    private static bool IsForbidden(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\uFFFE' or '\uFFFF' => true,
        _ => char.IsSurrogate(c),
    };

    /// <summary>The number of Unicode scalar values (as PostgreSQL counts varchar(n)); unpaired surrogates count one each.</summary>
    public static int Length(string text)
    {
        var count = 0;
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            Rune.DecodeFromUtf16(span, out _, out var consumed);
            span = span[consumed..];
            count++;
        }
        return count;
    }
}
