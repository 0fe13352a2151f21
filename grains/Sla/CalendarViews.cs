using System.Collections.Immutable;
using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>The calendar log as the API shows it: changes with who, when and why; closures with their withdrawal.</summary>
public static class CalendarViews
{
    public const int ListedShifts = 200;

    public static CalendarChangeView ChangeView(CalendarChange change, CalendarHistory history) => new(
        change.Sequence, change.Kind, change.Year?.Year, change.Reason, change.ActorId, change.ActorRole, change.At, change.Year?.Source,
        change.Year is { } year ? [.. year.Blocks.Select(b => new HolidayBlockView(b.Name, b.NameEn, b.From, b.To))] : [],
        change.Year is { } y ? [.. y.MakeUpWorkingDays.Select(d => new CalendarDayView(d.Date, d.Name, d.NameEn))] : [],
        change.Closure?.Id ?? change.Withdrawn, ClosureOf(change, history)?.CountyCode, ClosureOf(change, history)?.Date);

    /// <summary>Every closure ever added, newest day first, with its withdrawal if any.</summary>
    public static ImmutableArray<CountyClosureView> Closures(CalendarHistory history, bool includeWithdrawn)
    {
        var withdrawals = history.Changes.Where(c => c.Withdrawn is not null).ToDictionary(c => c.Withdrawn!.Value);
        return [.. history.Changes.Where(c => c.Closure is not null)
            .Select(c => Closure(c, withdrawals.GetValueOrDefault(c.Closure!.Id)))
            .Where(c => includeWithdrawn || c.WithdrawnAt is null)
            .OrderByDescending(c => c.Date).ThenBy(c => c.CountyCode)];
    }

    public static CountyClosureView? Closure(CalendarHistory history, Guid id) =>
        Closures(history, includeWithdrawn: true).Cast<CountyClosureView?>().FirstOrDefault(c => c!.Id == id);

    public static CalendarPreviewView Preview(int openItems, IReadOnlyList<ClockShiftView> shifts)
    {
        var moved = shifts.Where(s => s.Moved()).ToList();
        return new CalendarPreviewView(openItems, shifts.Count, moved.Count,
            moved.Count == 0 ? 0 : Math.Min(0, moved.Min(s => s.ShiftHours)),
            moved.Count == 0 ? 0 : Math.Max(0, moved.Max(s => s.ShiftHours)),
            [.. moved.Where(s => s.BecomesOverdue()).OrderBy(s => s.DueAfter)],
            [.. moved.OrderByDescending(s => Math.Abs(s.ShiftHours)).Take(ListedShifts)], ListedShifts);
    }

    private static CountyClosureView Closure(CalendarChange added, CalendarChange? withdrawn) => new(
        added.Closure!.Id, added.Closure.CountyCode, added.Closure.Date, added.Closure.ReasonZh, added.ActorId, added.At,
        withdrawn?.ActorId, withdrawn?.At, withdrawn?.Reason);

    private static CountyClosure? ClosureOf(CalendarChange change, CalendarHistory history) => change.Closure
        ?? history.Changes.FirstOrDefault(c => c.Closure is not null && c.Closure.Id == change.Withdrawn)?.Closure;
}
