namespace Dispatch.Stats;

/// <summary>
/// The petition measures of 《信访工作条例》, counted from a ticket's read-model row beside the ticket measures.
/// </summary>
/// <remarks>
/// petition_received: petitions (stage petition) by the day received. Acceptance on time: acceptance_counted in each
/// period holding the day of the decision, or the day of the acceptance deadline once decided or past; acceptance_on_time
/// in the same periods when decided by the deadline. Written reply on time: reply_counted / reply_on_time likewise for the
/// reply deadline of accepted petitions. petition_answered: accepted petitions answered in writing, by the day answered.
/// review_requested / re_review_requested: reviews (复查) and re-reviews (复核) by the day their request was received;
/// review_upheld, review_changed, re_review_upheld, re_review_changed: their outcomes by the day answered.
/// </remarks>
public static class PetitionTallies
{
    public const string Received = "petition_received";
    public const string AcceptanceCounted = "acceptance_counted";
    public const string AcceptanceOnTime = "acceptance_on_time";
    public const string ReplyCounted = "reply_counted";
    public const string ReplyOnTime = "reply_on_time";
    public const string Answered = "petition_answered";
    public const string ReviewsAsked = "review_requested";
    public const string ReReviewsAsked = "re_review_requested";

    /// <summary>The outcome measure of a review stage: review_upheld, re_review_changed...</summary>
    public static string Outcome(string stage, string outcome) => $"{stage}_{outcome}";

    public static IEnumerable<CounterCell> Of(TicketStatsRow t) => t.PetitionStage switch
    {
        "petition" => Petition(t),
        "review" => Review(t, ReviewsAsked),
        "re_review" => Review(t, ReReviewsAsked),
        _ => [],
    };

    private static List<CounterCell> Petition(TicketStatsRow t)
    {
        var cells = new List<CounterCell>(CounterCell.Dated(StatsPeriod.LocalDate(t.ReceivedAt), Received));
        cells.AddRange(TicketTallies.OnTimeBy(t.AcceptanceDueAt, t.AcceptanceDecidedAt, t.UpdatedAt, AcceptanceCounted, AcceptanceOnTime));
        if (t.Accepted == true)
        {
            cells.AddRange(TicketTallies.OnTimeBy(t.HandlingDueAt, t.ResolvedAt, t.UpdatedAt, ReplyCounted, ReplyOnTime));
            if (t.ResolvedAt is { } answered)
            {
                cells.AddRange(CounterCell.Dated(StatsPeriod.LocalDate(answered), Answered));
            }
        }
        return cells;
    }

    private static List<CounterCell> Review(TicketStatsRow t, string requested)
    {
        var cells = new List<CounterCell>(CounterCell.Dated(StatsPeriod.LocalDate(t.ReceivedAt), requested));
        if (t.ResolvedAt is { } answered && t.ReviewOutcome is { } outcome)
        {
            cells.AddRange(CounterCell.Dated(StatsPeriod.LocalDate(answered), Outcome(t.PetitionStage!, outcome)));
        }
        return cells;
    }
}
