using Dispatch.Rehab;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>How a plan lays out its visits on the shipped 2026 calendar.</summary>
public sealed class PlanScheduleTests
{
    private static VisitWindow Window(DateTimeOffset start) => new(start, start.AddHours(2));

    private static IEnumerable<DateOnly> Days(IEnumerable<VisitWindow> windows) => windows.Select(w => DateOnly.FromDateTime(w.Start.ToOffset(Shanghai.Offset).DateTime));

    [Fact]
    public void Twelve_weekly_visits_yield_twelve_windows_at_the_same_time_with_holidays_moved_to_the_working_day_before()
    {
        var windows = PlanSchedule.Expand(Window(Shanghai.At(2026, 3, 2, 10)), 7, 12, Shanghai.Calendar);

        windows.Should().HaveCount(12);
        Days(windows).Should().Equal(
            new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30),
            new DateOnly(2026, 4, 3), // Monday 6 April is Qingming
            new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 27),
            new DateOnly(2026, 4, 30), // Monday 4 May is Labour Day
            new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 18));
        windows.Should().OnlyContain(w => w.End - w.Start == TimeSpan.FromHours(2) && w.Start.ToOffset(Shanghai.Offset).Hour == 10);
    }

    [Fact]
    public void A_make_up_saturday_counts_as_a_working_day_for_a_visit_moved_out_of_the_spring_festival()
    {
        var windows = PlanSchedule.Expand(Window(Shanghai.At(2026, 2, 12, 9)), 7, 3, Shanghai.Calendar);

        Days(windows).Should().Equal(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 26));
    }

    [Fact]
    public void When_the_day_before_is_not_after_the_previous_visit_the_visit_moves_to_the_next_working_day()
    {
        // From the make-up Saturday 14 February, a week later is in the festival; every earlier day back to the 14th is off.
        var windows = PlanSchedule.Expand(Window(Shanghai.At(2026, 2, 14, 9)), 7, 2, Shanghai.Calendar);

        Days(windows).Should().Equal(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 24));
    }

    [Fact]
    public void A_plan_that_starts_on_a_day_off_keeps_its_days_as_given()
    {
        var windows = PlanSchedule.Expand(Window(Shanghai.At(2026, 3, 1, 9)), 7, 6, Shanghai.Calendar);

        Days(windows).Should().OnlyContain(d => d.DayOfWeek == DayOfWeek.Sunday).And.HaveCount(6);
    }

    [Fact]
    public void Fortnightly_visits_are_fourteen_days_apart()
    {
        var windows = PlanSchedule.Expand(Window(Shanghai.At(2026, 3, 3, 14)), 14, 4, Shanghai.Calendar);

        windows.Zip(windows.Skip(1)).Should().OnlyContain(pair => pair.Second.Start - pair.First.Start == TimeSpan.FromDays(14));
    }

    [Fact]
    public void Each_visit_of_a_plan_has_its_own_stable_id()
    {
        var plan = Guid.NewGuid();

        Enumerable.Range(1, 12).Select(i => PlanVisitIds.Of(plan, i)).Distinct().Should().HaveCount(12);
        PlanVisitIds.Of(plan, 3).Should().Be(PlanVisitIds.Of(plan, 3));
    }
}
