namespace Dispatch.Tickets;

/// <summary>The fixed vocabularies of a hotline ticket, as the API spells them.</summary>
public static class TicketVocabulary
{
    /// <summary>12385 phone, online petition or web form, letter, walk-in visit, government app.</summary>
    public static readonly IReadOnlySet<string> Channels = Set("phone", "online", "letter", "visit", "app");

    /// <summary>咨询 inquiry, 求助 help, 投诉 complaint, 建议 suggestion, 信访 petition, 表扬 praise.</summary>
    public static readonly IReadOnlySet<string> Kinds = Set("inquiry", "help", "complaint", "suggestion", "petition", "praise");

    public static readonly IReadOnlySet<string> Topics = Set(
        "rehabilitation", "education", "employment", "social_security", "care_services",
        "accessibility", "rights_protection", "certificates", "assistive_devices", "other");

    /// <summary>紧急 urgent, 一般 normal.</summary>
    public static readonly IReadOnlySet<string> Urgencies = Set("urgent", "normal");

    /// <summary>Why a unit returns a ticket as not its own (退单).</summary>
    public static readonly IReadOnlySet<string> ReturnReasons = Set(
        "not_our_jurisdiction", "not_our_responsibility", "wrong_county", "insufficient_information", "duplicate", "other");

    /// <summary>Why a ticket is suspended (挂起); the clock pauses.</summary>
    public static readonly IReadOnlySet<string> SuspendReasons = Set(
        "awaiting_citizen_documents", "awaiting_citizen_contact", "awaiting_other_agency", "legal_proceedings", "force_majeure", "other");

    public static readonly IReadOnlySet<string> Satisfactions = Set("satisfied", "basically_satisfied", "unsatisfied");

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
