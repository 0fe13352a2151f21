using System.Text;

namespace Dispatch.Items;

/// <summary>
/// Lengths counted in Unicode code points, as PostgreSQL counts varchar(n): a rare CJK character
/// outside the basic plane is one character to the user and to the database, though two UTF-16 units.
/// </summary>
public static class TextLength
{
    public static int Of(string text) => text.EnumerateRunes().Count();

    public static string Prefix(string text, int count)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Take(count))
        {
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }
}
