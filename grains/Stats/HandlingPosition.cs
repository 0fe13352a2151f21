using Dispatch.Calendar;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// An open ticket's handling clock at an instant, in the clock's own terms (working time for a limit in working days or
/// hours, elapsed time otherwise; pauses left out): the time it has counted and the time it has left. These are what
/// breach risk and the close-today chances compare with the handling history (<see cref="HandlingHistory"/>).
/// </summary>
public readonly record struct HandlingPosition(double UsedHours, double RemainingHours)
{
    /// <summary>The read-model columns of the handling clock as last measured, in the order <see cref="Read"/> expects them.</summary>
    public const string Columns = "handling_allowed_hours, handling_used_hours, handling_working, handling_measured_at";

    /// <summary>
    /// The clock at <paramref name="now"/> from its last measure: a running clock has counted since then what
    /// <paramref name="calendar"/> (the ticket's county's) counts, a paused one nothing. A row without a measure (written
    /// before it was kept) is read in wall-clock hours since first dispatch and until the deadline.
    /// </summary>
    public static HandlingPosition At(HandlingMeasure? measure, bool paused, DateTimeOffset dispatchedAt, DateTimeOffset dueAt,
        DateTimeOffset now, CalendarTimeline calendar)
    {
        if (measure is not { } m)
        {
            return new HandlingPosition((now - dispatchedAt).TotalHours, Math.Max(0, (dueAt - now).TotalHours));
        }
        var since = paused || now <= m.MeasuredAt ? TimeSpan.Zero
            : m.Working ? calendar.WorkingTimeBetween(m.MeasuredAt, now) : now - m.MeasuredAt;
        var used = m.UsedHours + since.TotalHours;
        return new HandlingPosition(used, Math.Max(0, m.AllowedHours - used));
    }

    /// <summary>The measure in the four <see cref="Columns"/> from <paramref name="first"/>; null when the row has none.</summary>
    public static HandlingMeasure? Read(NpgsqlDataReader r, int first) =>
        r.IsDBNull(first) || r.IsDBNull(first + 1) || r.IsDBNull(first + 2) || r.IsDBNull(first + 3) ? null
            : new HandlingMeasure(r.GetDouble(first), r.GetDouble(first + 1), r.GetBoolean(first + 2), r.GetFieldValue<DateTimeOffset>(first + 3));
}

/// <summary>The handling clock as the read model last measured it: allowed and counted hours, whether it counts working time, when.</summary>
public readonly record struct HandlingMeasure(double AllowedHours, double UsedHours, bool Working, DateTimeOffset MeasuredAt);
