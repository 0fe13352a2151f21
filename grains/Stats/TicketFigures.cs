using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>Turns ticket counters into the measures and the forecast. Pure; the definitions are on <see cref="TicketTallies"/>.</summary>
public static class TicketFigures
{
    public static ItemMeasures Measures(CounterSet c, string scope, string period, DateOnly start)
    {
        long Of(string measure) => c.Get(scope, period, start, measure);
        var open = c.Current(scope, TicketTallies.Open);
        return new ItemMeasures
        {
            Received = Of(TicketTallies.Received),
            Open = open,
            AtRisk = c.Current(scope, TicketTallies.AtRisk),
            Overdue = c.Current(scope, TicketTallies.Overdue),
            Resolved = Of(TicketTallies.Resolved),
            Closed = Of(TicketTallies.Closed),
            OnTimeClosureRate = Rate(Of(TicketTallies.OnTime), Of(TicketTallies.OnTimeCounted)),
            ClosureRate = Rate(Of(TicketTallies.ReceivedResolved), Of(TicketTallies.Received)),
            TimelySignForRate = Rate(Of(TicketTallies.SignedOnTime), Of(TicketTallies.Signed)),
            CallbackRate = Rate(Of(TicketTallies.CalledBack), Of(TicketTallies.Resolved) - Of(TicketTallies.ResolvedNoContact)),
            SatisfactionRate = Rate(Of(TicketTallies.Satisfied), Of(TicketTallies.CalledBack)),
            FirstContactResolutionRate = Rate(Of(TicketTallies.OnSpot), Of(TicketTallies.Received)),
            ReworkRate = Rate(Of(TicketTallies.Reworked), Of(TicketTallies.Received)),
            ReturnRate = Rate(Of(TicketTallies.Returned), Of(TicketTallies.Dispatched)),
            RepeatCallRate = Rate(Of(TicketTallies.RepeatCall), Of(TicketTallies.Received)),
            PauseShareByReason = open == 0 ? ImmutableSortedDictionary<string, double>.Empty
                : c.WithPrefix(scope, StatsPeriod.Current, StatsPeriod.CurrentStart, TicketTallies.SuspendedPrefix)
                    .ToImmutableSortedDictionary(m => m.Measure[TicketTallies.SuspendedPrefix.Length..], m => Rate(m.Value, open)!.Value, StringComparer.Ordinal),
            MedianHandlingHours = HandlingTimeBuckets.Median(c.WithPrefix(scope, period, start, HandlingTimeBuckets.MeasurePrefix)
                .Select(m => HandlingTimeBuckets.TryReadEdge(m.Measure, out var edge) ? (edge, m.Value) : (0L, 0L))),
        };
    }

    public static PetitionMeasures Petitions(CounterSet c, string scope, string period, DateOnly start)
    {
        long Of(string measure) => c.Get(scope, period, start, measure);
        var answered = Of(PetitionTallies.Answered);
        var reviews = Of(PetitionTallies.ReviewsAsked);
        var reviewsUpheld = Of(PetitionTallies.Outcome("review", "upheld"));
        var reviewsChanged = Of(PetitionTallies.Outcome("review", "changed"));
        var reReviews = Of(PetitionTallies.ReReviewsAsked);
        return new PetitionMeasures
        {
            Received = Of(PetitionTallies.Received),
            AcceptanceOnTimeRate = Rate(Of(PetitionTallies.AcceptanceOnTime), Of(PetitionTallies.AcceptanceCounted)),
            ReplyOnTimeRate = Rate(Of(PetitionTallies.ReplyOnTime), Of(PetitionTallies.ReplyCounted)),
            Answered = answered,
            ReviewsRequested = reviews,
            ReReviewsRequested = reReviews,
            ReviewRate = Rate(reviews, answered),
            ReReviewRate = Rate(reReviews, reviewsUpheld + reviewsChanged),
            ReviewsUpheld = reviewsUpheld,
            ReviewsChanged = reviewsChanged,
            ReReviewsUpheld = Of(PetitionTallies.Outcome("re_review", "upheld")),
            ReReviewsChanged = Of(PetitionTallies.Outcome("re_review", "changed")),
        };
    }

    public static ScopeFigures Headline(CounterSet c, ScopeInfo child, string period, DateOnly start) => new()
    {
        Scope = child.Scope.Key,
        ScopeName = child.Name,
        ScopeNameEn = child.NameEn,
        Received = c.Get(child.Scope.Key, period, start, TicketTallies.Received),
        Open = c.Current(child.Scope.Key, TicketTallies.Open),
        AtRisk = c.Current(child.Scope.Key, TicketTallies.AtRisk),
        Overdue = c.Current(child.Scope.Key, TicketTallies.Overdue),
        OnTimeClosureRate = Rate(c.Get(child.Scope.Key, period, start, TicketTallies.OnTime), c.Get(child.Scope.Key, period, start, TicketTallies.OnTimeCounted)),
    };

    /// <summary>The measures a child's headline needs.</summary>
    public static IReadOnlyCollection<string> HeadlineMeasures { get; } =
        [TicketTallies.Received, TicketTallies.Open, TicketTallies.AtRisk, TicketTallies.Overdue, TicketTallies.OnTime, TicketTallies.OnTimeCounted];

    /// <summary>
    /// Of the open tickets due later today (T), how many must be resolved by their deadline so that this month's on-time
    /// closure rate, counting the month so far (N on time of D counted) and all of today's deadlines, reaches the target:
    /// the least k with (N + k) / (D + T) &gt;= target, at least 0 and at most T (all of them, when even that falls short).
    /// </summary>
    public static Forecast Forecast(CounterSet c, string scope, DateOnly today, decimal target)
    {
        var month = StatsPeriod.Start(StatsPeriod.Month, today);
        var onTime = c.Get(scope, StatsPeriod.Month, month, TicketTallies.OnTime);
        var counted = c.Get(scope, StatsPeriod.Month, month, TicketTallies.OnTimeCounted);
        var dueToday = c.Get(scope, StatsPeriod.Day, today, TicketTallies.OpenDue);
        return new Forecast
        {
            MustCloseToday = CloseTodayRules.MustClose(onTime, counted, dueToday, target),
            OpenDueToday = dueToday,
            OpenDueThisMonth = c.Get(scope, StatsPeriod.Month, month, TicketTallies.OpenDue),
            OnTimeSoFar = onTime,
            ClosedSoFar = counted,
        };
    }

    /// <summary>numerator / denominator to four decimals, or null when the denominator is 0.</summary>
    public static double? Rate(long numerator, long denominator) =>
        denominator == 0 ? null : Math.Round((double)numerator / denominator, 4, MidpointRounding.AwayFromZero);
}
