using Dispatch.Errors;
using Dispatch.Items;

namespace Dispatch.Fields;

/// <summary>Checks of the free-text fields of an intake form, each error named after its field.</summary>
internal static class IntakeText
{
    public static string? RequiredText(string? text, IntakeField field, int min, int max, List<FieldError> errors)
    {
        var value = TextRules.Trimmed(text);
        if (value is null)
        {
            errors.Add(IntakeErrors.Required(field));
            return null;
        }
        if (TextRules.Characters(field.Name, value, field.Zh, field.En) is { } unprintable)
        {
            errors.Add(unprintable);
            return null;
        }
        var length = TextLength.Of(value);
        if (length < min)
        {
            errors.Add(IntakeErrors.TooShort(field, min));
            return null;
        }
        if (length > max)
        {
            errors.Add(IntakeErrors.TooLong(field, max));
            return null;
        }
        return value;
    }

    public static string? OptionalText(string? text, IntakeField field, int max, List<FieldError> errors)
    {
        var value = TextRules.Trimmed(text);
        if (TextRules.Characters(field.Name, value, field.Zh, field.En) is { } unprintable)
        {
            errors.Add(unprintable);
            return null;
        }
        if (value is not null && TextLength.Of(value) > max)
        {
            errors.Add(IntakeErrors.TooLong(field, max));
            return null;
        }
        return value;
    }

    /// <summary>A value from a fixed list that may be left out: null when it is.</summary>
    public static string? OptionalChoice(string? text, IReadOnlySet<string> allowed, IntakeField field, List<FieldError> errors) =>
        TextRules.Trimmed(text) is null ? null : Choice(text, allowed, field, errors);

    /// <summary>A required value from a fixed list (kind, topic, urgency...).</summary>
    public static string? Choice(string? text, IReadOnlySet<string> allowed, IntakeField field, List<FieldError> errors)
    {
        var value = TextRules.Trimmed(text);
        if (value is null)
        {
            errors.Add(IntakeErrors.Required(field));
            return null;
        }
        if (!allowed.Contains(value))
        {
            errors.Add(IntakeErrors.UnknownValue(field, allowed));
            return null;
        }
        return value;
    }
}
