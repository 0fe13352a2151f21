using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;

namespace Dispatch.Tests.Unit.Sla;

/// <summary>Clocks as tickets start them, in a quiet month (March 2026 has no holidays).</summary>
internal static class Clocks
{
    /// <summary>A normal complaint's handling clock: 10 working days from Monday 2 March 2026 09:00.</summary>
    public static SlaClock ComplaintHandling() => new(SlaDuration.WorkingDays(10), Shanghai.At(2026, 3, 2, 9), 75);

    /// <summary>An urgent ticket's handling clock: 1 working day from Monday 9 March 2026 09:00, due Tuesday 09:00.</summary>
    public static SlaClock UrgentHandling() => new(SlaDuration.WorkingDays(1), Shanghai.At(2026, 3, 9, 9), 75);

    /// <summary>A petition's acceptance clock: 15 calendar days from Monday 2 March 2026 10:00.</summary>
    public static SlaClock PetitionAcceptance() => new(SlaDuration.CalendarDays(15), Shanghai.At(2026, 3, 2, 10), 75);
}
