using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;

namespace Dispatch.PersonalData;

/// <summary>
/// What an item offers a reveal: whether the user sees it at all, how "not found" speaks of it, its revealable fields
/// (<see cref="RevealableFields"/>) and the full value of one of them (null where the item has none; asked only of an
/// item the user sees). Built inside the silo only.
/// </summary>
public sealed record RevealableItem(bool Visible, DomainError NotFound, ImmutableArray<string> Fields, Func<string, string?> ValueOf)
{
    /// <summary>The value of each field of a person's: the phone under <paramref name="phoneField"/>, the ID, the certificate.</summary>
    public static Func<string, string?> PersonValues(string phoneField, Func<PersonView> person) => field => field switch
    {
        RevealableFields.ResidentId => person().ResidentId,
        RevealableFields.DisabilityCertificate => person().DisabilityCertificate,
        _ when field == phoneField => person().Phone,
        _ => null,
    };
}

/// <summary>Who may ask for a full personal value and what the request must say. No I/O: the access log does the writing.</summary>
public static class RevealRules
{
    /// <summary>Operators, unit staff (for their unit's items, which is all they can see) and administrators; not supervisors.</summary>
    public static bool MayReveal(Actor actor) => actor.Role is Roles.Operator or Roles.UnitStaff or Roles.Admin;

    public static DomainError Refused() => DomainError.Forbidden(
        "督导人员不能查看完整的个人信息。", "Supervisors cannot reveal full personal data.");

    /// <summary>
    /// The value a reveal answers, or why not, in the order of every item's gate: an item the user does not see (404,
    /// as a read, so another county's supervisor learns nothing of it), a role that never reveals (403), a bad field,
    /// purpose or note (400), a field without a value (404).
    /// </summary>
    public static Outcome<RevealedValue> Decide(Actor actor, RevealRequest? request, RevealableItem item)
    {
        if (!item.Visible)
        {
            return item.NotFound;
        }
        if (!MayReveal(actor))
        {
            return Refused();
        }
        if (Check(request, item.Fields) is { Length: > 0 } errors)
        {
            return DomainError.Validation(errors);
        }
        return item.ValueOf(request!.Field!) is { Length: > 0 } value
            ? Outcome<RevealedValue>.Success(new RevealedValue(request.Field!, value))
            : DomainError.NotFound("This personal field", "该项个人信息");
    }

    /// <summary>The note as logged: trimmed, none when blank.</summary>
    public static string? Note(RevealRequest request) => string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();

    /// <summary>The field errors of a request, none when it names one of <paramref name="fields"/> and a known purpose.</summary>
    public static FieldError[] Check(RevealRequest? request, IReadOnlyCollection<string> fields)
    {
        var errors = new List<FieldError>();
        if (request?.Field is not { } field || !fields.Contains(field))
        {
            errors.Add(new FieldError("field", "not_allowed", $"field 须为以下之一：{string.Join("、", fields)}。",
                $"field must be one of: {string.Join(", ", fields)}."));
        }
        if (!RevealPurposes.IsKnown(request?.Purpose))
        {
            var codes = string.Join(", ", RevealPurposes.All.Select(p => p.Code));
            errors.Add(new FieldError("purpose", "not_allowed", $"purpose 须为以下之一：{codes}。", $"purpose must be one of: {codes}."));
        }
        var note = request?.Note?.Trim();
        if (request?.Purpose == RevealPurposes.Other && string.IsNullOrEmpty(note))
        {
            errors.Add(new FieldError("note", "required", "用途为“其他”时须说明理由。", "Explain the purpose in the note when it is 'other'."));
        }
        if (note is { Length: > RevealPurposes.MaxNoteLength } || note?.Any(char.IsControl) == true)
        {
            errors.Add(new FieldError("note", "invalid", $"说明最长 {RevealPurposes.MaxNoteLength} 字，且不能含控制字符。",
                $"The note has at most {RevealPurposes.MaxNoteLength} characters and no control characters."));
        }
        return [.. errors];
    }
}
