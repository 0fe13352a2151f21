using Dispatch.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

public sealed class WorkingTimeBetweenTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Fact]
    public void Working_time_within_one_morning_is_the_elapsed_time() =>
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 3, 9, 9), Shanghai.At(2026, 3, 9, 11, 15)).Should().Be(TimeSpan.FromMinutes(135));

    [Fact]
    public void The_lunch_break_is_not_counted() =>
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 3, 9, 11), Shanghai.At(2026, 3, 9, 14)).Should().Be(TimeSpan.FromHours(1.5));

    [Fact]
    public void A_whole_week_holds_five_working_days() =>
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 3, 9, 0), Shanghai.At(2026, 3, 16, 0)).Should().Be(TimeSpan.FromHours(5 * 7.5));

    [Fact]
    public void The_Spring_Festival_week_holds_only_its_make_up_Saturday() =>
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 2, 14, 0), Shanghai.At(2026, 2, 24, 0)).Should().Be(TimeSpan.FromHours(7.5));

    [Fact]
    public void Time_on_a_holiday_is_not_counted() =>
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 10, 2, 9), Shanghai.At(2026, 10, 2, 17)).Should().Be(TimeSpan.Zero);

    [Fact]
    public void A_reversed_or_empty_interval_holds_no_working_time()
    {
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 3, 9, 11), Shanghai.At(2026, 3, 9, 10)).Should().Be(TimeSpan.Zero);
        Calendar.WorkingTimeBetween(Shanghai.At(2026, 3, 9, 10), Shanghai.At(2026, 3, 9, 10)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void It_agrees_with_counting_minute_by_minute_around_the_Spring_Festival()
    {
        var checkedPairs = 0;
        foreach (var from in Instants(Shanghai.At(2026, 2, 10, 0), Shanghai.At(2026, 3, 2, 0), TimeSpan.FromMinutes(307)))
        {
            foreach (var to in Instants(from, from.AddDays(3), TimeSpan.FromMinutes(419)))
            {
                Calendar.WorkingTimeBetween(from, to).Should().Be(MinuteByMinute(from, to), $"from {from:u} to {to:u}");
                checkedPairs++;
            }
        }
        checkedPairs.Should().BeGreaterThan(500);
    }

    [Fact]
    public void It_is_the_inverse_of_AddWorkingTime_for_many_starts_and_lengths()
    {
        TimeSpan[] lengths = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(3.5), TimeSpan.FromHours(4),
            TimeSpan.FromHours(7.5), TimeSpan.FromHours(8), TimeSpan.FromHours(5 * 7.5), TimeSpan.FromHours(10 * 7.5) + TimeSpan.FromMinutes(17)];
        foreach (var start in Instants(Shanghai.At(2026, 2, 8, 0), Shanghai.At(2026, 3, 3, 0), TimeSpan.FromMinutes(97)))
        {
            foreach (var length in lengths)
            {
                var due = Calendar.AddWorkingTime(start, length);

                Calendar.WorkingTimeBetween(start, due).Should().Be(length, $"{length} from {start:u} ends at {due:u}");
                Calendar.WorkingTimeBetween(start, due.AddMinutes(-1)).Should().BeLessThan(length, $"{due:u} is the earliest such instant");
            }
        }
    }

    [Fact]
    public void Adding_the_working_time_between_two_instants_inside_working_hours_returns_the_later_one()
    {
        var from = Shanghai.At(2026, 2, 12, 15, 20);
        var targets = Instants(from.AddMinutes(1), from.AddDays(20), TimeSpan.FromMinutes(53)).Where(InsideWorkingHours).ToList();

        targets.Should().HaveCountGreaterThan(50);
        foreach (var to in targets)
        {
            Calendar.AddWorkingTime(from, Calendar.WorkingTimeBetween(from, to)).Should().Be(to);
        }
    }

    private static IEnumerable<DateTimeOffset> Instants(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        for (var instant = from; instant <= to; instant += step)
        {
            yield return instant;
        }
    }

    private static bool InsideWorkingHours(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Shanghai.Offset);
        var minute = local.Hour * 60 + local.Minute;
        var inHours = (minute > 8 * 60 + 30 && minute < 12 * 60) || (minute > 13 * 60 + 30 && minute < 17 * 60 + 30);
        return inHours && Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The slow, obvious count the fast one must agree with: every working minute in [from, to).</summary>
    private static TimeSpan MinuteByMinute(DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = 0;
        for (var local = from.ToOffset(Shanghai.Offset); local < to; local = local.AddMinutes(1))
        {
            var minute = local.Hour * 60 + local.Minute;
            var inHours = (minute >= 8 * 60 + 30 && minute < 12 * 60) || (minute >= 13 * 60 + 30 && minute < 17 * 60 + 30);
            minutes += inHours && Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) ? 1 : 0;
        }
        return TimeSpan.FromMinutes(minutes);
    }
}
