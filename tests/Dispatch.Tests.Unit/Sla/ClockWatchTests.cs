using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Unit.Sla;

/// <summary>What a watcher sees when it sleeps until <see cref="ClockView.NextChangeAt"/> each time.</summary>
public sealed class ClockWatchTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Fact]
    public void Waking_at_each_next_change_walks_a_clock_from_running_through_warning_to_overdue()
    {
        var time = new FakeTimeProvider(Shanghai.At(2026, 3, 2, 10));
        var clock = Clocks.ComplaintHandling();
        var seen = new List<(ClockState State, DateTimeOffset At)>();

        // Bounded, so a timer that never moves the state on fails the test instead of hanging it.
        while (seen.Count < 10)
        {
            var view = clock.Evaluate(time.GetUtcNow(), Calendar);
            seen.Add((view.State, time.GetUtcNow()));
            if (view.NextChangeAt is not { } next)
            {
                break;
            }
            time.SetUtcNow(next);
        }

        seen.Should().Equal(
            (ClockState.Running, Shanghai.At(2026, 3, 2, 10)),
            (ClockState.Warning, Shanghai.At(2026, 3, 11, 14, 15)),
            (ClockState.Overdue, Shanghai.At(2026, 3, 16, 9).AddTicks(1)));
    }

    [Fact]
    public void Waking_at_each_change_as_the_index_stores_it_walks_the_same_states()
    {
        var time = new FakeTimeProvider(Shanghai.At(2026, 3, 2, 10));
        var clock = Clocks.ComplaintHandling();
        var item = new ClockedItemRef("ticket", Guid.NewGuid());
        var seen = new List<ClockState>();

        while (seen.Count < 10)
        {
            var view = clock.Evaluate(time.GetUtcNow(), Calendar);
            seen.Add(view.State);
            if (view.NextChangeAt is not { } next)
            {
                break;
            }
            var stored = (DateTimeOffset)ClockWatchIndex.Command(item, next).Parameters[3].Value!;
            (stored.UtcTicks % TimeSpan.TicksPerMicrosecond).Should().Be(0, "PostgreSQL keeps whole microseconds");
            stored.Should().BeOnOrAfter(next).And.BeBefore(next.AddTicks(TimeSpan.TicksPerMicrosecond));
            time.SetUtcNow(stored);
        }

        seen.Should().Equal(ClockState.Running, ClockState.Warning, ClockState.Overdue);
    }

    [Fact]
    public void A_stopped_clock_needs_no_timer() =>
        Clocks.ComplaintHandling().Stop(Shanghai.At(2026, 3, 3, 10)).Evaluate(Shanghai.At(2026, 3, 3, 11), Calendar)
            .NextChangeAt.Should().BeNull();

    [Fact]
    public void An_overdue_clock_needs_no_timer() =>
        Clocks.ComplaintHandling().Evaluate(Shanghai.At(2026, 3, 17, 10), Calendar).NextChangeAt.Should().BeNull();
}
