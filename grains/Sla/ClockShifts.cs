namespace Dispatch.Sla;

/// <summary>How one running clock would move under a calendar change: due time and state before and after.</summary>
public static class ClockShifts
{
    public static ClockShiftView Between(ClockedItemRef item, string clock, ClockView before, ClockView after) => new(
        item.ItemType, item.Id, clock, before.DueAt, after.DueAt, Math.Round((after.DueAt - before.DueAt).TotalHours, 2),
        DeadlineViews.StateName(before.State), DeadlineViews.StateName(after.State));

    public static bool Moved(this ClockShiftView shift) => shift.DueAfter != shift.DueBefore || shift.StateAfter != shift.StateBefore;

    public static bool BecomesOverdue(this ClockShiftView shift) => shift.StateAfter == "overdue" && shift.StateBefore != "overdue";
}
