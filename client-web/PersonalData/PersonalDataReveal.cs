using Dispatch.Items;

namespace Dispatch.Web.PersonalData;

/// <summary>POST .../{id}/reveal: which personal field of the item, and why.</summary>
public sealed record RevealRequest(string? Field, string? Purpose, string? Note);

/// <summary>The full value of one field, shown for this view only (Cache-Control: no-store).</summary>
public sealed record RevealedValue(string Field, string Value);

/// <summary>
/// Who may ask for a full value, the fixed purposes a reveal must name, and the checks of a reveal request. Each item
/// names its own revealable fields; the endpoint logs every reveal before it answers.
/// </summary>
public static class PersonalDataReveal
{
    public const string OtherPurpose = "other";
    public const int MaxNoteLength = 200;

    /// <summary>The purposes a reveal may give (served with the reference vocabulary).</summary>
    public static readonly IReadOnlyList<Term> Purposes =
    [
        new("callback", "回访", "Call-back"),
        new("contact", "联系当事人", "Contact the person"),
        new("legal_service", "法律服务", "Legal service"),
        new("data_request", "个人信息查询（当事人申请）", "Personal information request (PIPL)"),
        new(OtherPurpose, "其他（须说明）", "Other (explain in the note)"),
    ];

    /// <summary>Operators, unit staff (for their unit's items, which is all they can see) and administrators; not supervisors.</summary>
    public static bool MayReveal(Actor actor) => actor.Role is Roles.Operator or Roles.UnitStaff or Roles.Admin;

    public static DomainError Refused() => DomainError.Forbidden(
        "督导人员不能查看完整的个人信息。", "Supervisors cannot reveal full personal data.");

    /// <summary>The field errors of a request, none when it names one of <paramref name="fields"/> and a known purpose.</summary>
    public static FieldError[] Check(RevealRequest? request, IReadOnlyCollection<string> fields)
    {
        var errors = new List<FieldError>();
        if (request?.Field is not { } field || !fields.Contains(field))
        {
            errors.Add(new FieldError("field", "not_allowed", $"field 须为以下之一：{string.Join("、", fields)}。",
                $"field must be one of: {string.Join(", ", fields)}."));
        }
        if (request?.Purpose is not { } purpose || Purposes.All(p => p.Code != purpose))
        {
            var codes = string.Join(", ", Purposes.Select(p => p.Code));
            errors.Add(new FieldError("purpose", "not_allowed", $"purpose 须为以下之一：{codes}。", $"purpose must be one of: {codes}."));
        }
        var note = request?.Note?.Trim();
        if (request?.Purpose == OtherPurpose && string.IsNullOrEmpty(note))
        {
            errors.Add(new FieldError("note", "required", "用途为“其他”时须说明理由。", "Explain the purpose in the note when it is 'other'."));
        }
        if (note is { Length: > MaxNoteLength } || note?.Any(char.IsControl) == true)
        {
            errors.Add(new FieldError("note", "invalid", $"说明最长 {MaxNoteLength} 字，且不能含控制字符。",
                $"The note has at most {MaxNoteLength} characters and no control characters."));
        }
        return [.. errors];
    }
}
