using Dispatch.Sla;
using Dispatch.Stats;

namespace Dispatch.LegalAid;

/// <summary>
/// What breach risk keeps of a case's stage clocks on its read-model row: per stage, the hours its clock counted when the
/// stage's work was done (the history of <see cref="LegalAidHandlingHistory"/>), and the running clock's measure (what
/// <see cref="HandlingPosition"/> reads now). Hours are in each clock's own terms, the wait for documents left out.
/// </summary>
/// <param name="Running">The measure of the clock named <paramref name="RunningName"/>: the worst running clock, as the row's clock_name.</param>
public sealed record LegalAidStageClocks(
    double? DecisionUsedHours, double? AssignmentUsedHours, double? AgreementUsedHours, double? ObjectionReviewUsedHours,
    string? RunningName, HandlingMeasure? Running)
{
    public static LegalAidStageClocks Of(LegalAidState s, IClockReader clocks)
    {
        var running = WorstClock.Of(s.Clocks, clocks) is { } worst ? s.Clocks.First(c => c.Running && c.Name == worst.Name) : null;
        return new LegalAidStageClocks(
            // Only a stop by the stage's own work: a withdrawal or a termination says nothing about how long that takes.
            UsedAtStop(s.Decision, s.DecidedAt is not null, clocks),
            UsedAtStop(s.Assignment, s.Handler is not null, clocks),
            UsedAtStop(s.Agreement, s.AgreementSignedOn is not null, clocks),
            UsedAtStop(s.ObjectionReview, s.Objection?.DecidedAt is not null, clocks),
            running?.Name,
            running is null ? null : RunningClockMeasure.Of(running, clocks.Evaluate(running), clocks));
    }

    private static double? UsedAtStop(ClockRecord? clock, bool done, IClockReader clocks) =>
        clock is { Running: false } && done ? clocks.Evaluate(clock).Used.TotalHours : null;
}
