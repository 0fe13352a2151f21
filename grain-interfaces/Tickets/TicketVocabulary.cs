using Dispatch.Items;
using Dispatch.People;

namespace Dispatch.Tickets;

/// <summary>The fixed vocabularies of a hotline ticket, as the API spells them.</summary>
public static class TicketVocabulary
{
    /// <summary>12385 phone, online petition or web form, letter, walk-in visit, government app.</summary>
    public static readonly IReadOnlySet<string> Channels = Set("phone", "online", "letter", "visit", "app");

    /// <summary>网上信访 / 网页表单: the channel of requests from the online petition and web forms (Open311 among them).</summary>
    public const string OnlineChannel = "online";

    /// <summary>
    /// The channels on which a request may come without the caller's phone number: a letter (来信), a walk-in visit (来访)
    /// and the online petition or web form (网上信访). A call or the government app always brings one.
    /// </summary>
    public static readonly IReadOnlySet<string> ChannelsWithoutPhone = Set("letter", "visit", "online");

    /// <summary>
    /// How the caller is to be contacted (联系方式), for callbacks and notices: 电话 voice, 短信/文字 text, 视频（手语）video,
    /// 经监护人或代理人 guardian, 书面（信函） letter, 无 none (the caller left no way to reach them; no callback is owed).
    /// </summary>
    public static readonly IReadOnlySet<string> ContactMethods = Set("voice", "text", "video", "guardian", "letter", "none");

    public const string VoiceContact = "voice";
    public const string TextContact = "text";
    public const string VideoContact = "video";
    public const string GuardianContact = "guardian";
    public const string LetterContact = "letter";
    public const string NoContact = "none";

    /// <summary>Who speaks for the caller (监护人 guardian, 代理人 agent, 近亲属 family member, 其他 other).</summary>
    public static readonly IReadOnlySet<string> GuardianRelations = Set("guardian", "agent", "family", "other");

    /// <summary>咨询 inquiry, 求助 help, 投诉 complaint, 建议 suggestion, 信访 petition, 表扬 praise.</summary>
    public static readonly IReadOnlySet<string> Kinds = Set("inquiry", "help", "complaint", "suggestion", "petition", "praise");

    public static readonly IReadOnlySet<string> Topics = Set(
        "rehabilitation", "education", "employment", "social_security", "care_services",
        "accessibility", "rights_protection", "certificates", "assistive_devices", "other");

    /// <summary>信访: the kind that follows the petition procedure of 《信访工作条例》.</summary>
    public const string PetitionKind = "petition";

    /// <summary>紧急 urgent, 一般 normal.</summary>
    public static readonly IReadOnlySet<string> Urgencies = Set("urgent", "normal");

    public const string UrgentUrgency = "urgent";

    /// <summary>Why a unit returns a ticket as not its own (退单).</summary>
    public static readonly IReadOnlySet<string> ReturnReasons = Set(
        "not_our_jurisdiction", "not_our_responsibility", "wrong_county", "insufficient_information", "duplicate", "other");

    /// <summary>Why a ticket is suspended (挂起); the clock pauses.</summary>
    public static readonly IReadOnlySet<string> SuspendReasons = Set(
        "awaiting_citizen_documents", "awaiting_citizen_contact", "awaiting_other_agency", "legal_proceedings", "force_majeure", "other");

    public static readonly IReadOnlySet<string> Satisfactions = Set("satisfied", "basically_satisfied", "unsatisfied");

    /// <summary>工单: its statuses, actions and clocks in Chinese and English.</summary>
    public static readonly ItemVocabulary Item = new(ItemTypes.Ticket, new("ticket", "工单", "ticket"),
    [
        new(TicketStatus.Registered, "已登记", "Registered"),
        new(TicketStatus.Dispatched, "已派单", "Dispatched"),
        new(TicketStatus.Signed, "办理中", "In progress"),
        new(TicketStatus.Resolved, "已办结", "Resolved"),
        new(TicketStatus.Closed, "已归档", "Closed"),
    ],
    [
        new(TicketActions.Answer, "直接办结", "Answer on the spot"),
        new(TicketActions.Dispatch, "派单", "Dispatch"),
        new(TicketActions.Sign, "签收", "Sign for"),
        new(TicketActions.Return, "退单", "Return"),
        new(TicketActions.Transfer, "转派", "Transfer"),
        new(TicketActions.Suspend, "挂起", "Suspend"),
        new(TicketActions.Resume, "恢复办理", "Resume"),
        new(TicketActions.ExtensionRequest, "申请延期", "Ask for an extension"),
        new(TicketActions.ExtensionDecision, "延期审批", "Decide extension"),
        new(TicketActions.Resolve, "办结", "Resolve"),
        new(TicketActions.Callback, "回访", "Record callback"),
        new(TicketActions.Reopen, "重办", "Reopen"),
        new(TicketActions.Close, "归档", "Close"),
        new(TicketActions.Merge, "合并", "Merge"),
        new(TicketActions.Supervise, "督办", "Supervision order"),
        new(TicketActions.SupervisionReply, "督办回复", "Reply to supervision order"),
        new(TicketActions.Remind, "催办", "Reminder"),
        new(TicketActions.Acceptance, "受理决定", "Decide acceptance"),
        new(TicketActions.Review, "申请复查/复核", "Request review"),
    ],
    [
        new(ClockNames.SignFor, "签收时限", "Sign-for"),
        new(ClockNames.Handling, "办理时限", "Handling"),
        new(ClockNames.Callback, "回访时限", "Callback"),
        new(ClockNames.Acceptance, "受理告知时限", "Acceptance decision"),
    ]);

    /// <summary>Every status a ticket can have (<see cref="Item"/>'s), for whatever names a set of them.</summary>
    public static IReadOnlyList<Term> Statuses => Item.Statuses;

    /// <summary>Statuses in which a ticket is on its unit's worklist; the read models filter on them.</summary>
    public static readonly IReadOnlyList<string> WorklistStatuses = [TicketStatus.Dispatched, TicketStatus.Signed];

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
