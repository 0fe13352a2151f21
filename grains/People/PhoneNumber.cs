using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Dispatch.People;

/// <summary>A caller's mobile (13812345678) or landline with area code (0573-82345678), in one normalised spelling.</summary>
public sealed partial record PhoneNumber
{
    /// <summary>The hotline's own short number; it shows up when an operator copies the dialled number by mistake.</summary>
    public const string ServiceNumber = "12385";

    private PhoneNumber(string value, PhoneKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>Mobile: 11 digits. Landline: area code, hyphen, local number.</summary>
    public string Value { get; }

    public PhoneKind Kind { get; }

    /// <summary>138****5678 or 0573-****5678.</summary>
    public string Masked => Kind == PhoneKind.Mobile
        ? string.Concat(Value.AsSpan(0, 3), "****", Value.AsSpan(Value.Length - 4))
        : string.Concat(Value.AsSpan(0, Value.IndexOf('-', StringComparison.Ordinal) + 1), "****", Value.AsSpan(Value.Length - 4));

    /// <summary>Error codes: invalid_format, service_number (the 12385 hotline itself is not a caller's number).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PhoneNumber? phone, [NotNullWhen(false)] out string? errorCode)
    {
        phone = null;
        var candidate = (text ?? "").Trim();
        if (candidate == ServiceNumber)
        {
            errorCode = "service_number";
            return false;
        }
        if (MobilePattern().Match(candidate) is { Success: true } mobile)
        {
            phone = new PhoneNumber(string.Concat(mobile.Groups[1].Value, mobile.Groups[2].Value, mobile.Groups[3].Value), PhoneKind.Mobile);
        }
        else if (LandlinePattern().Match(candidate) is { Success: true } landline)
        {
            phone = new PhoneNumber($"{landline.Groups["area"].Value}-{landline.Groups["local"].Value}", PhoneKind.Landline);
        }
        errorCode = phone is null ? "invalid_format" : null;
        return phone is not null;
    }

    /// <summary>Shown masked: records print themselves into logs and exceptions.</summary>
    public override string ToString() => Masked;

    // Operators type mobiles as 138 1234 5678 or 138-1234-5678 as often as in one block.
    [GeneratedRegex(@"^(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})$")]
    private static partial Regex MobilePattern();

    // Only 010 and 02x are three-digit area codes; every other one has four digits. Fixing the length
    // by the prefix is what makes 05738234567 unambiguous without a separator.
    [GeneratedRegex(@"^(?<area>0[12][0-9]|0[3-9][0-9]{2})[ -]?(?<local>[0-9]{7,8})$")]
    private static partial Regex LandlinePattern();
}
