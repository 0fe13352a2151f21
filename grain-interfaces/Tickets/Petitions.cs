namespace Dispatch.Tickets;

/// <summary>
/// The petition procedure of 《信访工作条例》 (2022) as the API spells it: the stages, the acceptance decision's reasons,
/// how written notices reach the petitioner and the outcomes of a review.
/// </summary>
public static class PetitionVocabulary
{
    /// <summary>信访事项 (the petition itself), 复查 review, 复核 re-review.</summary>
    public const string Petition = "petition", Review = "review", ReReview = "re_review";

    public static readonly IReadOnlySet<string> Stages = new HashSet<string>(StringComparer.Ordinal) { Petition, Review, ReReview };

    /// <summary>Why a petition is not accepted (不予受理).</summary>
    public static readonly IReadOnlySet<string> NotAcceptedReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "legal_channel", "not_petition_matter", "in_progress", "concluded", "other",
    };

    /// <summary>How a written notice reached the petitioner: by post, handed over, electronically, by text message.</summary>
    public static readonly IReadOnlySet<string> NoticeMethods = new HashSet<string>(StringComparer.Ordinal) { "mail", "in_person", "electronic", "sms" };

    /// <summary>A review or re-review upholds (维持) the answer under review or changes it (撤销或变更).</summary>
    public const string Upheld = "upheld", Changed = "changed";

    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { Upheld, Changed };

    /// <summary>The stage that reviews an answer of this stage; null after a re-review (the matter is final, 终结).</summary>
    public static string? NextStage(string stage) => stage switch
    {
        Petition => Review,
        Review => ReReview,
        _ => null,
    };
}

/// <summary>A written notice to the petitioner: how it was sent and on which day (local date).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.WrittenNoticeInput")]
public sealed record WrittenNoticeInput([property: Id(0)] string? Method, [property: Id(1)] DateOnly? SentOn, [property: Id(2)] string? Reference);

/// <summary>受理 / 不予受理: the handling unit's decision, with the written notice to the petitioner.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.DecideAcceptance")]
public sealed record DecideAcceptance(
    [property: Id(0)] bool? Accepted, [property: Id(1)] string? ReasonCode, [property: Id(2)] string? Note, [property: Id(3)] WrittenNoticeInput? Notice);

/// <summary>
/// 复查 / 复核 申请: the petitioner asks the body one level up to review the written answer. The window runs from the
/// day the petitioner received the answer (by default the day it was sent).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.RequestReview")]
public sealed record RequestReview([property: Id(0)] string? Content, [property: Id(1)] DateOnly? AnswerReceivedOn, [property: Id(2)] string? Channel);

/// <summary>What a petition's page shows of the procedure.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.PetitionView")]
public sealed record PetitionView
{
    /// <summary>petition, review or re_review.</summary>
    [Id(0)] public string Stage { get; init; } = PetitionVocabulary.Petition;

    /// <summary>For a review: the item whose answer it reviews.</summary>
    [Id(1)] public Guid? ReviewOfId { get; init; }
    [Id(2)] public string? ReviewOfNumber { get; init; }
    [Id(3)] public AcceptanceView? Acceptance { get; init; }

    /// <summary>The written reply or opinion and how it was sent.</summary>
    [Id(4)] public NoticeView? AnswerNotice { get; init; }

    /// <summary>For a review or re-review: upheld or changed.</summary>
    [Id(5)] public string? Outcome { get; init; }

    /// <summary>The last moment the petitioner may ask for the next review, while that is still possible.</summary>
    [Id(6)] public DateTimeOffset? ReviewWindowEndsAt { get; init; }

    /// <summary>The review of this item's answer, once requested.</summary>
    [Id(7)] public LinkedPetitionView? ReviewedBy { get; init; }

    /// <summary>终结: the re-review was answered; the same request on the same facts is not accepted again.</summary>
    [Id(8)] public bool Final { get; init; }

    /// <summary>At intake: the number of the re-review that concluded the same person's matter on this topic.</summary>
    [Id(9)] public string? ConcludedBy { get; init; }
}

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.AcceptanceView")]
public sealed record AcceptanceView(
    [property: Id(0)] bool Accepted, [property: Id(1)] string? ReasonCode, [property: Id(2)] string? Note,
    [property: Id(3)] NoticeView Notice, [property: Id(4)] DateTimeOffset DecidedAt, [property: Id(5)] string UnitCode);

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.NoticeView")]
public sealed record NoticeView([property: Id(0)] string Method, [property: Id(1)] DateOnly SentOn, [property: Id(2)] string? Reference);

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.LinkedPetitionView")]
public sealed record LinkedPetitionView([property: Id(0)] Guid Id, [property: Id(1)] string Number, [property: Id(2)] string Stage);

/// <summary>Opens a review (复查) or re-review (复核) of a petition's answer as its own ticket, at the body one level up.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.PetitionReviewOf")]
public sealed record PetitionReviewOf(
    [property: Id(0)] string Stage, [property: Id(1)] Guid ReviewOfId, [property: Id(2)] string ReviewOfNumber, [property: Id(3)] string UnitCode);
