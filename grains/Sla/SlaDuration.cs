using System.Globalization;
using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>A time limit with its unit, for example 10 working_days or 15 calendar_days.</summary>
public sealed record SlaDuration
{
    public SlaDuration(decimal amount, SlaUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown SLA unit.");
        }
        Amount = amount;
        Unit = unit;
    }

    public decimal Amount { get; }
    public SlaUnit Unit { get; }

    /// <summary>True when this counts working time; otherwise it counts elapsed time.</summary>
    public bool CountsWorkingTime => Unit.CountsWorkingTime();

    public static SlaDuration WorkingHours(decimal amount) => new(amount, SlaUnit.WorkingHours);
    public static SlaDuration WorkingDays(decimal amount) => new(amount, SlaUnit.WorkingDays);
    public static SlaDuration CalendarDays(decimal amount) => new(amount, SlaUnit.CalendarDays);
    public static SlaDuration Hours(decimal amount) => new(amount, SlaUnit.Hours);

    /// <summary>
    /// The length in the clock's own terms: working time for working units (a working day is the calendar's
    /// working-day length), elapsed time for calendar days (24 h each, counted from the next local midnight) and hours.
    /// </summary>
    public TimeSpan Length(WorkingCalendar calendar)
    {
        var ticksPerUnit = Unit switch
        {
            SlaUnit.WorkingDays => calendar.WorkingDayLength.Ticks,
            SlaUnit.CalendarDays => TimeSpan.TicksPerDay,
            _ => TimeSpan.TicksPerHour,
        };
        return TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(Amount * ticksPerUnit)));
    }

    /// <summary>
    /// When this limit runs out if it starts at <paramref name="start"/> and never pauses; calendar days count as
    /// statutory days (<see cref="StatutoryPeriod"/>).
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start, WorkingCalendar calendar) =>
        new SlaClock(this, start, 100).Evaluate(start, calendar).DueAt;

    /// <summary>How much of this kind of limit is used between two instants (working or elapsed time).</summary>
    public TimeSpan MeasureBetween(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar) =>
        Ruler(CalendarTimeline.Of(calendar)).Measure(from, to);

    internal ClockRuler Ruler(CalendarTimeline calendar) => new(CountsWorkingTime, calendar);

    public override string ToString() => $"{Amount.ToString(CultureInfo.InvariantCulture)} {Unit.Name()}";
}
