using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dispatch.PersonalData;

/// <summary>
/// Finds the phone, resident ID and certificate numbers in free text and masks them. A number may be typed in groups
/// (138 1234 5678, 3304 0219 9001 0112 34, (0573)82345678) and in full-width digits (１３８…): the groups of digits a
/// space, hyphen or bracket apart are joined, and the longest joined run that has a personal number's shape is masked
/// whole. Anything else keeps its digits: ticket numbers (JX12385-20261129-000123), dates, amounts, unit codes.
/// </summary>
internal static partial class NumberRuns
{
    /// <summary>Longer than any personal number (0086 and a mobile: 15; a certificate: 20).</summary>
    private const int MaxDigits = 20;

    /// <summary>At most this many separators between two groups of one number (138 - 1234 - 5678).</summary>
    private const int MaxGap = 3;

    public static string Mask(string text)
    {
        var groups = Groups(text);
        if (groups.Count == 0)
        {
            return text;
        }
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            if (LongestMatch(text, groups, i) is not { } match)
            {
                continue;
            }
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, groups[i].Start - copied).Append(match.Masked);
            copied = groups[match.Last].End;
            i = match.Last;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static (int Last, string Masked)? LongestMatch(string text, List<DigitGroup> groups, int first)
    {
        (int Last, string Masked)? best = null;
        var digits = new StringBuilder(MaxDigits);
        var afterPhoneWord = AfterPhoneWord(text, groups[first].Start);
        for (var j = first; j < groups.Count; j++)
        {
            if (j > first && !Joined(text, groups[j - 1], groups[j]))
            {
                break;
            }
            digits.Append(groups[j].Digits);
            if (digits.Length > MaxDigits)
            {
                break;
            }
            if (Masked(digits.ToString(), afterPhoneWord) is { } masked)
            {
                best = (j, masked);
            }
        }
        return best;
    }

    /// <summary>The masked form of a run of digits that is a personal number, or null.</summary>
    private static string? Masked(string digits, bool afterPhoneWord)
    {
        if (Certificate().IsMatch(digits) || ResidentId().IsMatch(digits))
        {
            return string.Concat(digits.AsSpan(0, 6), "********", digits.AsSpan(14));
        }
        if (Mobile().Match(digits) is { Success: true } mobile)
        {
            var number = mobile.Groups["number"].Value;
            return string.Concat(mobile.Groups["country"].Value, number.AsSpan(0, 3), "****", number.AsSpan(7));
        }
        if (Landline().Match(digits) is { Success: true } landline)
        {
            return string.Concat(landline.Groups["area"].Value, "-****", digits.AsSpan(digits.Length - 4));
        }
        return afterPhoneWord && LocalNumber().IsMatch(digits) ? string.Concat("****", digits.AsSpan(digits.Length - 4)) : null;
    }

    /// <summary>Two groups belong to one number when only a few separators stand between them.</summary>
    private static bool Joined(string text, DigitGroup before, DigitGroup after)
    {
        var gap = after.Start - before.End;
        if (gap == 0)
        {
            return before.Digits.EndsWith('X');
        }
        if (gap > MaxGap)
        {
            return false;
        }
        for (var k = before.End; k < after.Start; k++)
        {
            if (!IsSeparator(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\u00A0' or '\u3000' or '\t' or '-' or '－' or '‐' or '‑' or '–' or '—'
        or '(' or ')' or '（' or '）';

    /// <summary>A local number without its area code (82345678) is personal only when the text just said it is a phone number.</summary>
    private static bool AfterPhoneWord(string text, int start)
    {
        var end = start;
        while (end > 0 && (IsSeparator(text[end - 1]) || text[end - 1] is ':' or '：' or '是' or '为'))
        {
            end--;
        }
        var before = text.AsSpan(0, end);
        foreach (var word in PhoneWords)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] PhoneWords = ["电话", "手机", "座机", "固话", "号码", "手机号", "联系方式", "tel", "tel.", "phone", "mobile"];

    /// <summary>
    /// The runs of digits (any script's decimal digits, as ASCII). An X after a digit ends its run as an ID's check
    /// character; the digits right after it start the next run (a certificate's two digits), joined without a gap.
    /// </summary>
    private static List<DigitGroup> Groups(string text)
    {
        var groups = new List<DigitGroup>();
        var i = 0;
        while (i < text.Length)
        {
            if (Digit(text[i]) < 0)
            {
                i++;
                continue;
            }
            var start = i;
            var digits = new StringBuilder();
            for (; i < text.Length && Digit(text[i]) is >= 0 and var d; i++)
            {
                digits.Append((char)('0' + d));
            }
            if (i < text.Length && IsCheckX(text[i]))
            {
                digits.Append('X');
                i++;
            }
            groups.Add(new DigitGroup(start, i, digits.ToString()));
        }
        return groups;
    }

    private static int Digit(char c) => char.IsDigit(c) ? CharUnicodeInfo.GetDecimalDigitValue(c) : -1;

    private static bool IsCheckX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';

    private readonly record struct DigitGroup(int Start, int End, string Digits);

    // Region, birth date (1800-2099), sequence and check character; a certificate adds category and grade digits.
    [GeneratedRegex(@"^[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$")]
    private static partial Regex ResidentId();

    [GeneratedRegex(@"^[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X][0-9]{2}$")]
    private static partial Regex Certificate();

    [GeneratedRegex(@"^(?<country>0086|86)?(?<number>1[3-9][0-9]{9})$")]
    private static partial Regex Mobile();

    // Only 010 and 02x are three-digit area codes (as PhoneNumber parses them), so the area is known without a hyphen.
    [GeneratedRegex(@"^(?<area>0[12][0-9]|0[3-9][0-9]{2})[2-9][0-9]{6,7}$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[2-9][0-9]{6,7}$")]
    private static partial Regex LocalNumber();
}
