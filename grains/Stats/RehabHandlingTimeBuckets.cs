namespace Dispatch.Stats;

/// <summary>
/// The buckets of a visit clock's counted time, in whole minutes (rounded down), named by their lower edge in minutes:
/// 15-minute steps below 8 hours, then the steps of <see cref="HandlingTimeBuckets"/> (1 hour below 72 h, 6 hours below
/// 720 h, 24 hours below 4320 h, one last bucket from 4320 h). A ticket's hour buckets are too coarse for a visit: its
/// window lasts 30 to 480 minutes (2 hours by default) and its record is due within one working day (7.5 working hours),
/// so whole hours would put most of a clock's history into two or three buckets.
/// </summary>
public static class RehabHandlingTimeBuckets
{
    public const long FineStepMinutes = 15;
    public const long FineBelowMinutes = 8 * 60;

    public static long EdgeOf(long wholeMinutes) => wholeMinutes switch
    {
        < 0 => 0,
        < FineBelowMinutes => wholeMinutes / FineStepMinutes * FineStepMinutes,
        _ => Math.Max(FineBelowMinutes, HandlingTimeBuckets.EdgeOf(wholeMinutes / 60) * 60),
    };

    /// <summary>The edge of a time counted in hours (a double, as the read model keeps it).</summary>
    public static long EdgeOfHours(double hours) => EdgeOf((long)Math.Floor(hours * 60));
}
