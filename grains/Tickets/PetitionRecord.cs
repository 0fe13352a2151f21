namespace Dispatch.Tickets;

/// <summary>
/// Where a ticket of kind petition stands in the procedure of 《信访工作条例》: its stage (the petition, a review or a
/// re-review), the acceptance decision, the written answer and the review that was asked of it.
/// </summary>
/// <param name="Stage">petition, review or re_review (<see cref="PetitionVocabulary"/>).</param>
/// <param name="ReviewOfId">For a review: the item whose answer it reviews.</param>
/// <param name="ConcludedBy">At intake: the re-review that already concluded the same person's matter on this topic (终结).</param>
public sealed record PetitionRecord(string Stage, Guid? ReviewOfId, string? ReviewOfNumber, string? ConcludedBy)
{
    public AcceptanceDecision? Decision { get; init; }

    /// <summary>How the written reply or opinion was sent.</summary>
    public WrittenNotice? AnswerNotice { get; init; }

    /// <summary>For a review or re-review: upheld or changed.</summary>
    public string? Outcome { get; init; }

    public LinkedPetition? ReviewedBy { get; init; }

    public bool IsPetitionStage => Stage == PetitionVocabulary.Petition;

    /// <summary>A petition waits for its acceptance decision; a review needs none (its body must answer the request).</summary>
    public bool AwaitsDecision => IsPetitionStage && Decision is null;

    /// <summary>Accepted, or a review: the matter is being handled toward a written answer.</summary>
    public bool InHandling => !IsPetitionStage || Decision?.Accepted == true;
}

public sealed record AcceptanceDecision(bool Accepted, string? ReasonCode, string? Note, WrittenNotice Notice, string UnitCode, DateTimeOffset At);

/// <summary>A written notice to the petitioner: how it was sent and on which local day.</summary>
public sealed record WrittenNotice(string Method, DateOnly SentOn, string? Reference);

/// <summary>The review (or re-review) that was asked of this item's answer.</summary>
public sealed record LinkedPetition(Guid Id, string Number, string Stage, DateOnly AnswerReceivedOn);

/// <summary>What a review is opened with: its stage and the item it reviews.</summary>
public sealed record PetitionOpening(string Stage, Guid? ReviewOfId, string? ReviewOfNumber, string? ConcludedBy);
