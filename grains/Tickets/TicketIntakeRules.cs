using System.Text.RegularExpressions;
using Dispatch.Errors;
using Dispatch.People;
using Dispatch.Fields;
using Dispatch.Items;

namespace Dispatch.Tickets;

/// <summary>What makes an intake registrable. Reports every bad field at once so the operator fixes them in one pass; no I/O, no clock.</summary>
public static partial class TicketIntakeRules
{

    public static IntakeValidation Validate(TicketIntake intake, IntakeReference reference, DateOnly today)
    {
        var errors = new List<FieldError>();
        var channel = IntakeText.Choice(intake.Channel, TicketVocabulary.Channels, IntakeField.Channel, errors);
        var kind = IntakeText.Choice(intake.Kind, TicketVocabulary.Kinds, IntakeField.Kind, errors);
        var topic = IntakeText.Choice(intake.Topic, TicketVocabulary.Topics, IntakeField.Topic, errors);
        var urgency = IntakeText.Choice(intake.Urgency, TicketVocabulary.Urgencies, IntakeField.Urgency, errors);
        var callerName = IntakeText.RequiredText(intake.CallerName, IntakeField.CallerName, 1, IntakeLimits.MaxCallerNameLength, errors);
        // A letter, a visit or an online request may come without the caller's phone (ContactRules).
        var phone = ContactRules.PhoneOptional(channel) && string.IsNullOrWhiteSpace(intake.CallerPhone)
            ? null
            : PersonRules.Phone(intake.CallerPhone, IntakeField.CallerPhone, errors);
        var residentId = PersonRules.ResidentId(intake.ResidentId, today, IntakeField.ResidentId, errors);
        var certificate = PersonRules.Certificate(intake.DisabilityCertificate, residentId, today, IntakeField.DisabilityCertificate, errors);
        var area = IntakeArea.Resolve(intake.CountyCode, intake.TownCode, reference, errors);
        var address = IntakeText.OptionalText(intake.Address, IntakeField.Address, IntakeLimits.MaxAddressLength, errors);
        var title = IntakeText.OptionalText(intake.Title, IntakeField.Title, IntakeLimits.MaxTitleLength, errors);
        var content = IntakeText.RequiredText(intake.Content, IntakeField.Content, IntakeLimits.MinContentLength, IntakeLimits.MaxContentLength, errors);
        var contact = ContactRules.Validate(intake, channel, kind, phone, certificate, address, errors);
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
            CallerPhone = phone,
            Contact = contact!,
            ResidentId = residentId,
            DisabilityCertificate = certificate,
            CountyCode = area.CountyCode!,
            TownCode = area.TownCode,
            Address = address,
            Title = title ?? DeriveTitle(content!),
            Content = content!,
        });
    }

    // Content often starts with line breaks and indentation pasted from a letter; a title is one line.
    private static string DeriveTitle(string content) =>
        TextLength.Prefix(Whitespace().Replace(content, " "), IntakeLimits.DerivedTitleLength).TrimEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
