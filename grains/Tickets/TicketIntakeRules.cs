using System.Text.RegularExpressions;
using Dispatch.Errors;
using Dispatch.People;

namespace Dispatch.Tickets;

/// <summary>What makes an intake registrable. Reports every bad field at once so the operator fixes them in one pass; no I/O, no clock.</summary>
public static partial class TicketIntakeRules
{
    public const int MinContentLength = 5;
    public const int MaxContentLength = 4000;
    public const int MaxTitleLength = 100;
    public const int DerivedTitleLength = 30;
    public const int MaxCallerNameLength = 50;
    public const int MaxAddressLength = 200;

    public static IntakeValidation Validate(TicketIntake intake, IntakeReference reference, DateOnly today)
    {
        var errors = new List<FieldError>();
        var channel = Choice(intake.Channel, TicketVocabulary.Channels, IntakeField.Channel, errors);
        var kind = Choice(intake.Kind, TicketVocabulary.Kinds, IntakeField.Kind, errors);
        var topic = Choice(intake.Topic, TicketVocabulary.Topics, IntakeField.Topic, errors);
        var urgency = Choice(intake.Urgency, TicketVocabulary.Urgencies, IntakeField.Urgency, errors);
        var callerName = RequiredText(intake.CallerName, IntakeField.CallerName, 1, MaxCallerNameLength, errors);
        var phone = CallerPhone(intake.CallerPhone, errors);
        var residentId = ResidentId(intake.ResidentId, today, errors);
        var certificate = Certificate(intake.DisabilityCertificate, residentId, today, errors);
        var area = IntakeArea.Resolve(intake.CountyCode, intake.TownCode, reference, errors);
        var address = OptionalText(intake.Address, IntakeField.Address, MaxAddressLength, errors);
        var title = OptionalText(intake.Title, IntakeField.Title, MaxTitleLength, errors);
        var content = RequiredText(intake.Content, IntakeField.Content, MinContentLength, MaxContentLength, errors);
        if (errors.Count > 0)
        {
            return IntakeValidation.Invalid(errors);
        }
        // No error means every required part parsed, so the null-forgiving operators below cannot lie.
        return IntakeValidation.Valid(new ValidIntake
        {
            Channel = channel!,
            Kind = kind!,
            Topic = topic!,
            Urgency = urgency!,
            CallerName = callerName!,
            CallerPhone = phone!,
            ResidentId = residentId,
            DisabilityCertificate = certificate,
            CountyCode = area.CountyCode!,
            TownCode = area.TownCode,
            Address = address,
            Title = title ?? DeriveTitle(content!),
            Content = content!,
        });
    }

    private static string? Choice(string? text, IReadOnlySet<string> allowed, IntakeField field, List<FieldError> errors)
    {
        var value = Trimmed(text);
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

    private static string? RequiredText(string? text, IntakeField field, int min, int max, List<FieldError> errors)
    {
        var value = Trimmed(text);
        if (value is null)
        {
            errors.Add(IntakeErrors.Required(field));
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

    private static string? OptionalText(string? text, IntakeField field, int max, List<FieldError> errors)
    {
        var value = Trimmed(text);
        if (value is not null && TextLength.Of(value) > max)
        {
            errors.Add(IntakeErrors.TooLong(field, max));
            return null;
        }
        return value;
    }

    private static PhoneNumber? CallerPhone(string? text, List<FieldError> errors)
    {
        if (Trimmed(text) is null)
        {
            errors.Add(IntakeErrors.Required(IntakeField.CallerPhone));
            return null;
        }
        if (!PhoneNumber.TryParse(text, out var phone, out var code))
        {
            errors.Add(IntakeErrors.Phone(code));
        }
        return phone;
    }

    private static ResidentIdNumber? ResidentId(string? text, DateOnly today, List<FieldError> errors)
    {
        if (Trimmed(text) is null)
        {
            return null;
        }
        if (!ResidentIdNumber.TryParse(text, today, out var id, out var code))
        {
            errors.Add(IntakeErrors.ResidentId(code));
        }
        return id;
    }

    private static DisabilityCertificateNumber? Certificate(string? text, ResidentIdNumber? residentId, DateOnly today, List<FieldError> errors)
    {
        if (Trimmed(text) is null)
        {
            return null;
        }
        if (!DisabilityCertificateNumber.TryParse(text, today, out var certificate, out var code))
        {
            errors.Add(IntakeErrors.Certificate(code));
            return null;
        }
        if (residentId is not null && certificate.ResidentId != residentId)
        {
            errors.Add(IntakeErrors.CertificateIdMismatch());
            return null;
        }
        return certificate;
    }

    // Content often starts with line breaks and indentation pasted from a letter; a title is one line.
    private static string DeriveTitle(string content) =>
        TextLength.Prefix(Whitespace().Replace(content, " "), DerivedTitleLength).TrimEnd();

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
