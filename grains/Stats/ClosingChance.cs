namespace Dispatch.Stats;

/// <summary>An open ticket's chance of being resolved by its handling deadline, and the level of history it rests on.</summary>
public readonly record struct ClosingChance(double Chance, string? Basis)
{
    /// <summary>The chance given to a ticket without enough comparable history at any level: even odds.</summary>
    public const double WithoutHistory = 0.5;

    /// <summary>The basis of a ticket whose deadline has already passed (it can no longer be on time).</summary>
    public const string Past = "past";

    /// <summary>
    /// One minus the breach risk of <see cref="BreachRiskRules"/> for the ticket's handling clock now (same history, same fall-back unit, county, city at
    /// <see cref="BreachRiskRules.MinimumHistory"/> comparable tickets); 0 once the deadline has passed; even odds without history.
    /// </summary>
    public static ClosingChance Of(IEnumerable<HandlingSample> levels, DateTimeOffset now, DateTimeOffset dueAt, HandlingPosition clock)
    {
        if (dueAt <= now)
        {
            return new ClosingChance(0, Past);
        }
        return BreachRiskRules.Estimate(levels, clock.UsedHours, clock.RemainingHours) is { } estimate
            ? new ClosingChance(Math.Clamp(1 - estimate.Risk, 0, 1), estimate.Basis)
            : new ClosingChance(WithoutHistory, null);
    }
}
