using Dispatch.Items;
using Dispatch.People;

namespace Dispatch.LegalAid;

/// <summary>Statuses of a legal-aid case (法律援助案件).</summary>
public static class LegalAidStatus
{
    /// <summary>申请: registered, not yet accepted for review.</summary>
    public const string Applied = "applied";
    /// <summary>审查: accepted; the decision clock runs (paused while documents are awaited).</summary>
    public const string UnderReview = "under_review";
    public const string Granted = "granted";
    /// <summary>不予援助: the applicant may object within the objection window.</summary>
    public const string Refused = "refused";
    /// <summary>指派: a lawyer or legal worker is assigned; the agreement is not yet signed.</summary>
    public const string Assigned = "assigned";
    public const string InProgress = "in_progress";
    public const string Concluded = "concluded";
    public const string Archived = "archived";
    /// <summary>视为撤回: the applicant did not supply the documents asked for by the day set (法律援助法 Art. 43).</summary>
    public const string Withdrawn = "withdrawn";
    /// <summary>终止法律援助 (法律援助法 Art. 48).</summary>
    public const string Terminated = "terminated";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Applied, UnderReview, Granted, Refused, Assigned, InProgress, Concluded, Archived, Withdrawn, Terminated,
    };
}

/// <summary>The action names of the case API: POST /api/legal-aid-cases/{id}/{action}.</summary>
public static class LegalAidActions
{
    public const string Accept = "accept";
    public const string RequestDocuments = "request-documents";
    public const string RecordEligibility = "eligibility";
    public const string Withdraw = "withdraw";
    public const string Transfer = "transfer";
    public const string Terminate = "terminate";
    public const string ReceiveDocuments = "receive-documents";
    public const string Grant = "grant";
    public const string Refuse = "refuse";
    public const string Object = "objection";
    public const string DecideObjection = "objection-decision";
    public const string Assign = "assign";
    public const string RecordAgreement = "agreement";
    public const string RecordProgress = "progress";
    public const string Conclude = "conclude";
    public const string Archive = "archive";
    public const string Supervise = "supervise";

    /// <summary>督办回复: the unit's written reply to an open supervision order.</summary>
    public const string SupervisionReply = "supervision-reply";
}

/// <summary>The fixed vocabularies of a legal-aid case, as the API spells them.</summary>
public static class LegalAidVocabulary
{
    /// <summary>劳动争议, 人身损害, 婚姻家庭, 财产权益, 行政, 刑事辩护, 其他.</summary>
    public static readonly IReadOnlySet<string> CaseTypes = Set(
        "labour_dispute", "personal_injury", "marriage_family", "property", "administrative", "criminal_defence", "other");

    /// <summary>律师 or 基层法律服务工作者.</summary>
    public static readonly IReadOnlySet<string> HandlerKinds = Set("lawyer", "legal_worker");

    /// <summary>胜诉, 部分胜诉, 调解/和解, 败诉, 终止援助, 其他.</summary>
    public static readonly IReadOnlySet<string> Outcomes = Set("won", "partly_won", "mediated", "lost", "terminated", "other");

    /// <summary>
    /// 法律援助法 Art. 48 (一)–(八): deception, concealed facts or false evidence, use for unlawful ends, means improved,
    /// proceedings ended or revoked, own lawyer engaged, the client's request with good reason, other grounds set by law.
    /// </summary>
    public static readonly IReadOnlySet<string> TerminationReasons = Set(
        "obtained_by_deception", "concealed_facts_or_false_evidence", "used_for_unlawful_ends", "means_improved", "proceedings_ended",
        "own_lawyer_engaged", "client_request", "other_by_law");

    /// <summary>The justice bureau's ruling on an objection: grant aid after all, or keep the refusal.</summary>
    public static readonly IReadOnlySet<string> ObjectionDecisions = Set("grant", "uphold_refusal");

    /// <summary>法律援助案件: its statuses, actions and clocks in Chinese and English.</summary>
    public static readonly ItemVocabulary Item = new(ItemTypes.LegalAidCase, new("legalAidCase", "法律援助案件", "legal-aid case"),
    [
        new(LegalAidStatus.Applied, "已申请", "Applied"),
        new(LegalAidStatus.UnderReview, "审查中", "Under review"),
        new(LegalAidStatus.Granted, "决定援助", "Granted"),
        new(LegalAidStatus.Refused, "不予援助", "Refused"),
        new(LegalAidStatus.Assigned, "已指派", "Assigned"),
        new(LegalAidStatus.InProgress, "办理中", "In progress"),
        new(LegalAidStatus.Concluded, "已结案", "Concluded"),
        new(LegalAidStatus.Archived, "已归档", "Archived"),
        new(LegalAidStatus.Withdrawn, "视为撤回", "Withdrawn (documents not supplied)"),
        new(LegalAidStatus.Terminated, "已终止援助", "Aid terminated"),
    ],
    [
        new(LegalAidActions.Accept, "受理", "Accept for review"),
        new(LegalAidActions.RequestDocuments, "通知补充材料", "Ask for documents"),
        new(LegalAidActions.ReceiveDocuments, "收到补充材料", "Documents received"),
        new(LegalAidActions.Withdraw, "视为撤回申请", "Deem withdrawn"),
        new(LegalAidActions.RecordEligibility, "资格审查", "Eligibility checklist"),
        new(LegalAidActions.Grant, "决定给予援助", "Grant aid"),
        new(LegalAidActions.Refuse, "决定不予援助", "Refuse"),
        new(LegalAidActions.Object, "登记异议", "Record objection"),
        new(LegalAidActions.DecideObjection, "异议审查决定", "Decide objection"),
        new(LegalAidActions.Assign, "指派承办人", "Assign handler"),
        new(LegalAidActions.RecordAgreement, "登记委托协议", "Record agreement"),
        new(LegalAidActions.RecordProgress, "登记办理进展", "Record progress"),
        new(LegalAidActions.Conclude, "结案", "Conclude"),
        new(LegalAidActions.Archive, "归档", "Archive"),
        new(LegalAidActions.Transfer, "移送有管辖权的法律援助站", "Transfer to the competent station"),
        new(LegalAidActions.Terminate, "终止法律援助", "Terminate aid"),
        new(LegalAidActions.Supervise, "督办", "Supervise"),
        new(LegalAidActions.SupervisionReply, "督办回复", "Reply to supervision order"),
    ],
    [
        new(LegalAidClockNames.Decision, "审查决定时限", "Decision"),
        new(LegalAidClockNames.Assignment, "指派时限", "Assignment"),
        new(LegalAidClockNames.Agreement, "签订委托协议时限", "Agreement"),
        new(LegalAidClockNames.ObjectionReview, "异议审查时限", "Objection review"),
    ]);

    /// <summary>Statuses in which a case is on its station's worklist; the read models filter on them.</summary>
    public static readonly IReadOnlyList<string> WorklistStatuses =
        [LegalAidStatus.Applied, LegalAidStatus.UnderReview, LegalAidStatus.Granted, LegalAidStatus.Refused, LegalAidStatus.Assigned, LegalAidStatus.InProgress];

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}

/// <summary>The clocks of a case as the API names them in "deadlines".</summary>
public static class LegalAidClockNames
{
    public const string Decision = "decision";
    public const string Assignment = "assignment";
    public const string Agreement = "agreement";
    public const string ObjectionReview = "objectionReview";

    /// <summary>Not a deadline of the station: the time the applicant has to object (shown as objectionWindowEndsAt).</summary>
    public const string ObjectionWindow = "objectionWindow";
}
