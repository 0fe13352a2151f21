namespace Dispatch.Calendar;

/// <summary>The working periods of every working day, in order, for example 08:30-12:00 and 13:30-17:30.</summary>
public sealed class WorkingHours
{
    private readonly WorkingPeriod[] periods;

    public WorkingHours(IEnumerable<WorkingPeriod> periods)
    {
        this.periods = [.. periods];
        if (this.periods.Length == 0)
        {
            throw new ArgumentException("Working hours need at least one period.", nameof(periods));
        }
        for (var i = 1; i < this.periods.Length; i++)
        {
            if (this.periods[i].Start < this.periods[i - 1].End)
            {
                throw new ArgumentException(
                    $"Working period {this.periods[i]} starts before the previous period {this.periods[i - 1]} ends; list periods in order without overlap.",
                    nameof(periods));
            }
        }
        DayLength = TimeSpan.FromTicks(this.periods.Sum(p => p.Length.Ticks));
    }

    public IReadOnlyList<WorkingPeriod> Periods => periods;

    /// <summary>Working time in one whole working day (7.5 h with the shipped hours).</summary>
    public TimeSpan DayLength { get; }

    public bool SameAs(WorkingHours other) => periods.AsSpan().SequenceEqual(other.periods);

    /// <summary>Working time of a working day that lies before the given local time of day.</summary>
    internal TimeSpan WorkedBefore(TimeSpan timeOfDay)
    {
        var worked = TimeSpan.Zero;
        foreach (var period in periods)
        {
            var start = period.Start.ToTimeSpan();
            if (timeOfDay <= start)
            {
                break;
            }
            var end = period.End.ToTimeSpan();
            worked += (timeOfDay < end ? timeOfDay : end) - start;
        }
        return worked;
    }

    /// <summary>
    /// The earliest local time of day by which <paramref name="worked"/> (0 &lt; worked &lt;= DayLength) of working
    /// time has passed since the day began. Work finishing exactly at a period's end is due at that end (12:00,
    /// not 13:30).
    /// </summary>
    internal TimeSpan TimeWhenWorked(TimeSpan worked)
    {
        foreach (var period in periods)
        {
            if (worked <= period.Length)
            {
                return period.Start.ToTimeSpan() + worked;
            }
            worked -= period.Length;
        }
        throw new ArgumentOutOfRangeException(nameof(worked), "More working time than one working day holds.");
    }

    public override string ToString() => string.Join(", ", periods);
}
