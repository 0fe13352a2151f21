using Dispatch.People;

namespace Dispatch.Stats;

/// <summary>
/// The stage-clock history that breach risk compares an open legal-aid case with: per scope (the station's unit, the
/// applicant's county, the city), per case type and stage clock (decision, assignment, agreement, objectionReview), how
/// many cases finished that stage after how long (the <see cref="HandlingTimeBuckets"/> edge of the hours the stage's
/// clock counted, in its own terms). Kept as 'current' counters <c>by:risk:&lt;caseType&gt;:&lt;clock&gt;:&lt;edge&gt;</c> of
/// item type legal_aid_case, the same cells <see cref="HandlingHistory"/> reads, written with the case's other counters
/// from its row alone. Every case so far counts (no rolling window).
/// </summary>
public static class LegalAidHandlingHistory
{
    /// <summary>
    /// One cell per stage whose work is done and whose counted hours the row keeps; none for a stage stopped otherwise
    /// (withdrawal, termination) or on a row written before those hours were kept.
    /// </summary>
    public static IEnumerable<CounterCell> Of(LegalAidStatsRow c) =>
        new (string Clock, double? Used)[]
        {
            (LegalAid.LegalAidClockNames.Decision, c.DecisionUsedHours),
            (LegalAid.LegalAidClockNames.Assignment, c.AssignmentUsedHours),
            (LegalAid.LegalAidClockNames.Agreement, c.AgreementUsedHours),
            (LegalAid.LegalAidClockNames.ObjectionReview, c.ObjectionReviewUsedHours),
        }
        .Where(s => s.Used is not null)
        .Select(s => CounterCell.Current(HandlingHistory.Measure(c.CaseType, s.Clock, HandlingTimeBuckets.EdgeOf((long)Math.Floor(s.Used!.Value)))));

    /// <summary>One read of the history cells of some stations, their counties and the city.</summary>
    public static CounterQuery Query(IEnumerable<string> units, IEnumerable<string> counties) =>
        HandlingHistory.Query(units, counties, ItemTypes.LegalAidCase);
}
