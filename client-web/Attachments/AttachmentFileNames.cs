using System.Globalization;
using System.Text;
using Dispatch.Items;

namespace Dispatch.Web.Attachments;

/// <summary>A file name as kept and served: the sanitised name, or the extension that contradicts the content.</summary>
/// <param name="Mismatch">The name's extension is not one the detected type carries (a PNG named .pdf).</param>
public sealed record KeptFileName(string Name, bool Mismatch);

/// <summary>
/// Makes an uploaded file's name safe to keep and to send back in Content-Disposition: the last path segment only, no
/// control, direction-override or reserved characters, at most <see cref="AttachmentTypes.MaxFileName"/> characters with
/// its extension kept; a name without an extension gets the one of its detected type.
/// </summary>
public static class AttachmentFileNames
{
    private const string Reserved = "<>:\"|?*";

    public static KeptFileName Keep(string? declared, string contentType)
    {
        var extensions = AttachmentTypes.ExtensionsOf(contentType);
        var name = Clean(LastSegment(declared ?? ""));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension.Length > 0 && !extensions.Contains(extension))
        {
            return new(name, Mismatch: true);
        }
        var stem = extension.Length > 0 ? name[..^extension.Length].TrimEnd(' ', '.') : name;
        if (extension.Length == 0)
        {
            extension = extensions[0];
        }
        if (stem.Length == 0)
        {
            stem = "附件";
        }
        return new(Shortened(stem, AttachmentTypes.MaxFileName - extension.Length) + extension, Mismatch: false);
    }

    private static string LastSegment(string name)
    {
        var cut = name.LastIndexOfAny(['/', '\\']);
        return cut < 0 ? name : name[(cut + 1)..];
    }

    private static string Clean(string name)
    {
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate
                || rune == Rune.ReplacementChar || (rune.IsBmp && Reserved.Contains((char)rune.Value)))
            {
                continue;
            }
            kept.Append(rune.ToString());
        }
        return kept.ToString().Trim().Trim('.').Trim();
    }

    /// <summary>At most <paramref name="max"/> characters (Unicode scalar values), cut between whole text elements.</summary>
    private static string Shortened(string text, int max)
    {
        if (TextCharacters.Length(text) <= max)
        {
            return text;
        }
        var kept = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (TextCharacters.Length(kept.ToString()) + TextCharacters.Length(element) > max)
            {
                break;
            }
            kept.Append(element);
        }
        return kept.ToString().TrimEnd();
    }
}
