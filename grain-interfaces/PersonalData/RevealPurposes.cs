using Dispatch.Items;

namespace Dispatch.PersonalData;

/// <summary>Why a user asks for a full personal value: one of a fixed list; "other" needs a note.</summary>
public static class RevealPurposes
{
    public const string Other = "other";
    public const int MaxNoteLength = 200;

    /// <summary>The purposes a reveal may give (served with the reference vocabulary); "other" needs a note.</summary>
    public static readonly IReadOnlyList<Term> All =
    [
        new("callback", "回访", "Call-back"),
        new("contact", "联系当事人", "Contact the person"),
        new("legal_service", "法律服务", "Legal service"),
        new("data_request", "个人信息查询（当事人申请）", "Personal information request (PIPL)"),
        new(Other, "其他（须说明）", "Other (explain in the note)"),
    ];

    public static bool IsKnown(string? purpose) => All.Any(p => p.Code == purpose);
}
