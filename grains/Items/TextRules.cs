using Dispatch.Errors;
using Dispatch.Tickets;

namespace Dispatch.Items;

/// <summary>Checks for the free-text fields of item actions (notes, reasons, outcomes), with bilingual field errors.</summary>
public static class TextRules
{
    public static FieldError? Check(string field, string? text, int max, bool required, string whatZh, string whatEn)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? new FieldError(field, "required", $"请填写{whatZh}。", $"The {whatEn} is required.") : null;
        }
        if (Characters(field, text, whatZh, whatEn) is { } unprintable)
        {
            return unprintable;
        }
        return TextLength.Of(text.Trim()) > max
            ? new FieldError(field, "too_long", $"{whatZh}不能超过 {max} 个字符。", $"The {whatEn} must be at most {max} characters.")
            : null;
    }

    /// <summary>An error when the text holds a control character or an unpaired surrogate (<see cref="TextCharacters"/>).</summary>
    public static FieldError? Characters(string field, string? text, string whatZh, string whatEn)
    {
        if (text is null || TextCharacters.FirstForbidden(text) is var at && at < 0)
        {
            return null;
        }
        var which = TextCharacters.Describe(text, at);
        return new FieldError(field, "invalid_character", $"{whatZh}含有不允许的控制字符（{which}）。",
            $"The {whatEn} contains a character that is not allowed ({which}).");
    }

    public static FieldError? Choice(string field, string? value, IReadOnlySet<string> allowed, string whatZh, string whatEn) =>
        value is not null && allowed.Contains(value)
            ? null
            : new FieldError(field, value is null ? "required" : "unknown_value",
                $"{whatZh}须为：{string.Join("、", allowed)}。", $"The {whatEn} must be one of: {string.Join(", ", allowed)}.");

    /// <summary>A validation error with every field error found, or null when there is none.</summary>
    public static DomainError? Invalid(params FieldError?[] errors)
    {
        var found = errors.OfType<FieldError>().ToArray();
        return found.Length == 0 ? null : DomainError.Validation(found);
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
