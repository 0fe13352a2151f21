namespace Dispatch.Calendar;

/// <summary>
/// Counts working days by arithmetic: Monday-Friday by default, corrected by the sorted dates that differ from it
/// (holidays on weekdays, make-up weekend days, closures). Counting any span costs a binary search, not a day walk,
/// so deadlines stay cheap however many years the calendar covers.
/// </summary>
internal sealed class WorkingDayIndex
{
    private readonly DateOnly[] dates;
    private readonly bool[] working;
    private readonly int[] correctionBefore;

    /// <param name="overrides">Dates whose status differs from Monday-Friday, with their status (true = working).</param>
    public WorkingDayIndex(IReadOnlyDictionary<DateOnly, bool> overrides)
    {
        var ordered = overrides.Where(o => o.Value != IsWeekday(o.Key)).OrderBy(o => o.Key).ToArray();
        dates = [.. ordered.Select(o => o.Key)];
        working = [.. ordered.Select(o => o.Value)];
        correctionBefore = new int[dates.Length + 1];
        for (var i = 0; i < dates.Length; i++)
        {
            correctionBefore[i + 1] = correctionBefore[i] + (working[i] ? 1 : -1);
        }
    }

    public bool IsWorkingDay(DateOnly date)
    {
        var i = Array.BinarySearch(dates, date);
        return i >= 0 ? working[i] : IsWeekday(date);
    }

    /// <summary>Working days in [from, toExclusive).</summary>
    public int CountWorkingDays(DateOnly from, DateOnly toExclusive)
    {
        if (toExclusive <= from)
        {
            return 0;
        }
        return CountWeekdays(from, toExclusive) + correctionBefore[LowerBound(toExclusive)] - correctionBefore[LowerBound(from)];
    }

    /// <summary>The n-th working day after <paramref name="day"/> (n &gt;= 1; the day itself is not counted).</summary>
    public DateOnly NthWorkingDayAfter(DateOnly day, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var first = day.AddDays(1);
        // Grow the window until it holds n working days; past the last override every week has five, so this ends.
        var span = n + 2;
        while (CountWorkingDays(first, first.AddDays(span)) < n)
        {
            span *= 2;
        }
        var (low, high) = (1, span);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (CountWorkingDays(first, first.AddDays(middle)) >= n)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return first.AddDays(low - 1);
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static int CountWeekdays(DateOnly from, DateOnly toExclusive)
    {
        var days = toExclusive.DayNumber - from.DayNumber;
        var count = days / 7 * 5;
        var day = from.AddDays(days / 7 * 7);
        for (; day < toExclusive; day = day.AddDays(1))
        {
            count += IsWeekday(day) ? 1 : 0;
        }
        return count;
    }

    private int LowerBound(DateOnly date)
    {
        var i = Array.BinarySearch(dates, date);
        return i >= 0 ? i : ~i;
    }
}
