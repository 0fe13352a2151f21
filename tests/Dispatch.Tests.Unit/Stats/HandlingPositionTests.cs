using Dispatch.Calendar;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>An open ticket's handling clock now, from the read model's last measure, in the clock's own terms.</summary>
public sealed class HandlingPositionTests
{
    private static readonly CalendarTimeline Jiaxing = CalendarTimeline.Of(Shanghai.Calendar);

    [Fact]
    public void A_running_working_time_clock_counts_only_the_working_hours_since_it_was_measured()
    {
        // Measured Friday 16:30 with 10 of 37.5 working hours counted; on Monday 09:30 it has counted one hour on Friday
        // (to 17:30) and one on Monday (from 08:30): the weekend counts nothing.
        var measure = new HandlingMeasure(37.5, 10, Working: true, Shanghai.At(2026, 3, 6, 16, 30));

        var position = HandlingPosition.At(measure, paused: false, Shanghai.At(2026, 3, 5, 9), Shanghai.At(2026, 3, 12, 12),
            Shanghai.At(2026, 3, 9, 9, 30), Jiaxing);

        position.Should().Be(new HandlingPosition(12, 25.5));
    }

    [Fact]
    public void A_paused_clock_counts_nothing_while_paused()
    {
        var measure = new HandlingMeasure(37.5, 10, Working: true, Shanghai.At(2026, 3, 6, 16, 30));

        HandlingPosition.At(measure, paused: true, Shanghai.At(2026, 3, 5, 9), Shanghai.At(2026, 3, 12, 12), Shanghai.At(2026, 3, 9, 9, 30), Jiaxing)
            .Should().Be(new HandlingPosition(10, 27.5));
    }

    [Fact]
    public void An_elapsed_time_clock_counts_every_hour_and_a_used_up_clock_has_nothing_left()
    {
        var measure = new HandlingMeasure(24, 20, Working: false, Shanghai.At(2026, 3, 7, 8));

        HandlingPosition.At(measure, paused: false, Shanghai.At(2026, 3, 6, 12), Shanghai.At(2026, 3, 7, 12), Shanghai.At(2026, 3, 7, 11), Jiaxing)
            .Should().Be(new HandlingPosition(23, 1));
        HandlingPosition.At(measure, paused: false, Shanghai.At(2026, 3, 6, 12), Shanghai.At(2026, 3, 7, 12), Shanghai.At(2026, 3, 7, 14), Jiaxing)
            .Should().Be(new HandlingPosition(26, 0));
    }

    [Fact]
    public void A_row_without_a_measure_is_read_in_wall_clock_hours_from_first_dispatch_to_the_deadline()
    {
        HandlingPosition.At(null, paused: false, Shanghai.At(2026, 3, 6, 12), Shanghai.At(2026, 3, 9, 12), Shanghai.At(2026, 3, 7, 12), Jiaxing)
            .Should().Be(new HandlingPosition(24, 48));
    }
}
