namespace Dispatch.Stats;

/// <summary>Past handling times of one kind and topic at one level (unit, county or city): bucket edges in hours and counts.</summary>
public sealed record HandlingSample(string Level, IReadOnlyCollection<(long Edge, long Count)> Buckets);

/// <summary>
/// A breach estimate: of <paramref name="Comparable"/> past tickets still unresolved at the open ticket's age,
/// <paramref name="Longer"/> took longer than the time the open ticket has until its deadline; the level they come from.
/// </summary>
public readonly record struct BreachEstimate(double Risk, string Basis, long Comparable, long Longer);

/// <summary>
/// Breach risk of an open ticket from the handling times of past tickets of its kind and topic. A past ticket's handling
/// time is read as its bucket's lower edge (<see cref="HandlingTimeBuckets"/>), as for the median. Every time is in the
/// handling clock's own terms (<see cref="HandlingPosition"/>). For a ticket whose clock has counted <c>age</c> hours
/// with <c>remaining</c> hours left, the comparable past tickets are
/// those whose handling time is at least <c>age</c> (they were still open at that age), and the risk is the share of
/// them that took longer than <c>age + remaining</c>: the empirical probability of resolving after the deadline given
/// that the ticket is still open now. The unit's own history is used when it holds at least
/// <see cref="MinimumHistory"/> comparable tickets, else its county's, else the city's; none at all gives no estimate.
/// A ticket is flagged at <see cref="FlagAt"/> or more, whatever share of its clock it has used (the fixed warning
/// comes at 75%).
/// </summary>
public static class BreachRiskRules
{
    public const int MinimumHistory = 20;
    public const double FlagAt = 0.5;

    public static BreachEstimate? Estimate(IEnumerable<HandlingSample> levels, double ageHours, double remainingHours)
    {
        foreach (var level in levels)
        {
            var comparable = level.Buckets.Where(b => b.Edge >= ageHours).Sum(b => b.Count);
            if (comparable < MinimumHistory)
            {
                continue;
            }
            var longer = level.Buckets.Where(b => b.Edge > ageHours + remainingHours).Sum(b => b.Count);
            return new BreachEstimate((double)longer / comparable, level.Level, comparable, longer);
        }
        return null;
    }

    public static bool Flags(BreachEstimate? estimate) => estimate is { Risk: >= FlagAt };
}
