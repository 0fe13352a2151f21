using Dispatch.Errors;
using Dispatch.Fields;
using Dispatch.Items;
using Dispatch.People;

namespace Dispatch.Tickets;

/// <summary>How the caller of a ticket is reached, as the intake validated it.</summary>
/// <param name="Method">One of <see cref="TicketVocabulary.ContactMethods"/>; "none" owes the caller no callback.</param>
public sealed record ValidContact(string Method, string? OtherContact, string? GuardianName, string? GuardianRelation, PhoneNumber? GuardianPhone);

/// <summary>
/// The contact part of an intake: whether the caller's phone may be left out (a letter, a visit, an online request),
/// which contact method applies (chosen, or suggested by the certificate's category) and whether it can be used with
/// what was given. A method chosen by hand that cannot be used is an error; a suggested one that cannot falls back.
/// </summary>
internal static class ContactRules
{
    public static ValidContact? Validate(
        TicketIntake intake, string? channel, string? kind, PhoneNumber? phone, DisabilityCertificateNumber? certificate, string? address,
        List<FieldError> errors)
    {
        var before = errors.Count;
        var chosen = IntakeText.OptionalChoice(intake.ContactMethod, TicketVocabulary.ContactMethods, IntakeField.ContactMethod, errors);
        var other = IntakeText.OptionalText(intake.OtherContact, IntakeField.OtherContact, IntakeLimits.MaxOtherContactLength, errors);
        var guardianName = IntakeText.OptionalText(intake.GuardianName, IntakeField.GuardianName, IntakeLimits.MaxCallerNameLength, errors);
        var relation = IntakeText.OptionalChoice(intake.GuardianRelation, TicketVocabulary.GuardianRelations, IntakeField.GuardianRelation, errors);
        var guardianPhone = string.IsNullOrWhiteSpace(intake.GuardianPhone) ? null : PersonRules.Phone(intake.GuardianPhone, IntakeField.GuardianPhone, errors);
        // A guardian is a person to call: a name without a number (or the reverse) cannot be used.
        var nameGiven = TextRules.Trimmed(intake.GuardianName) is not null;
        var phoneGiven = !string.IsNullOrWhiteSpace(intake.GuardianPhone);
        if (nameGiven && !phoneGiven)
        {
            errors.Add(IntakeErrors.Required(IntakeField.GuardianPhone));
        }
        if (!nameGiven && (phoneGiven || relation is not null))
        {
            errors.Add(IntakeErrors.Required(IntakeField.GuardianName));
        }
        var hasGuardian = guardianPhone is not null;
        var writable = other is not null || address is not null;
        if (chosen is not null && !Usable(chosen, phone is not null, hasGuardian, writable))
        {
            errors.Add(Unusable(chosen));
        }
        var method = chosen ?? Suggested(certificate, phone is not null, hasGuardian, writable);
        if (method is null && phone is null && PhoneOptional(channel))
        {
            errors.Add(new FieldError(IntakeField.ContactMethod.Name, "contact_required",
                "未留电话：请填写其他联系方式、监护人电话或地址，或选择“无联系方式”（不回访）。",
                "No phone number: give another contact, a guardian's phone or an address, or choose “none” (no callback)."));
        }
        // 《信访工作条例》: the written notices of a petition must reach the petitioner.
        if (kind == TicketVocabulary.PetitionKind && method == TicketVocabulary.NoContact)
        {
            errors.Add(new FieldError(IntakeField.ContactMethod.Name, "petition_needs_contact",
                "信访事项须留有联系方式或地址，以便送达受理告知等书面材料。",
                "A petition needs a way to reach the petitioner, so the written notices (acceptance and others) can be delivered."));
        }
        return errors.Count > before || method is null
            ? null
            : new ValidContact(method, other, guardianName, guardianName is null ? null : relation ?? TicketVocabulary.GuardianRelations.First(), guardianPhone);
    }

    /// <summary>Whether the caller's phone may be left out on this channel.</summary>
    public static bool PhoneOptional(string? channel) => channel is not null && TicketVocabulary.ChannelsWithoutPhone.Contains(channel);

    private static bool Usable(string method, bool phone, bool guardian, bool writable) => method switch
    {
        TicketVocabulary.VoiceContact or TicketVocabulary.TextContact or TicketVocabulary.VideoContact => phone,
        TicketVocabulary.GuardianContact => guardian,
        TicketVocabulary.LetterContact => writable,
        _ => true,
    };

    /// <summary>The certificate's suggestion when it can be used, else what was given: a phone, a guardian, an address.</summary>
    private static string? Suggested(DisabilityCertificateNumber? certificate, bool phone, bool guardian, bool writable)
    {
        var suggested = certificate is { } c ? ContactSuggestions.For((int)c.Category) : [];
        foreach (var method in suggested)
        {
            if (Usable(method, phone, guardian, writable))
            {
                return method;
            }
        }
        return phone ? TicketVocabulary.VoiceContact
            : guardian ? TicketVocabulary.GuardianContact
            : writable ? TicketVocabulary.LetterContact
            : null;
    }

    private static FieldError Unusable(string method) => method switch
    {
        TicketVocabulary.GuardianContact => new(IntakeField.GuardianPhone.Name, "contact_needs_guardian",
            "选择“经监护人/代理人联系”时须填写监护人或代理人的姓名和电话。",
            "Contact through the guardian needs the guardian's or agent's name and phone number."),
        TicketVocabulary.LetterContact => new(IntakeField.OtherContact.Name, "contact_needs_address",
            "选择“书面（信函）”时须填写地址或其他联系方式。",
            "Contact by letter needs an address or another contact."),
        _ => new(IntakeField.CallerPhone.Name, "contact_needs_phone",
            "所选联系方式（电话、短信或视频）需要来电人的电话号码。",
            "The chosen contact method (voice, text or video) needs the caller's phone number."),
    };
}
