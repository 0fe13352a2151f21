using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// 预警 and 超期 as the deadline watcher raises them. A normal complaint signed at its first dispatch on Monday 2 March
/// 2026 09:00 has 10 working days: it warns after 7.5 (Wednesday 11 March 14:15) and is due Monday 16 March 09:00.
/// </summary>
public sealed class ClockEventsTests
{
    private static readonly DateTimeOffset WarningPoint = Shanghai.At(2026, 3, 11, 14, 15);
    private static readonly DateTimeOffset Due = Shanghai.At(2026, 3, 16, 9);
    private static readonly Guid SecondOrder = Guid.Parse("5a000000-0000-0000-0000-000000000002");

    private static TicketBuilder Signed() => TicketBuilder.Registered("complaint").Dispatched().Signed();

    private static IReadOnlyList<TicketEvent> EventsAt(TicketBuilder ticket, DateTimeOffset now)
    {
        var orders = new Queue<Guid>([ActionRequests.OrderId, SecondOrder]);
        return TicketRules.ClockEvents(ticket.Build(), TicketClocks.At(now), orders.Dequeue);
    }

    /// <summary>The ticket with whatever the watcher raised at <paramref name="now"/> recorded.</summary>
    private static TicketBuilder WatchedAt(TicketBuilder ticket, DateTimeOffset now) =>
        EventsAt(ticket, now).Aggregate(ticket.At(now), (builder, e) => builder.With(e));

    [Fact]
    public void Nothing_is_raised_before_the_warning_point() =>
        EventsAt(Signed(), WarningPoint.AddMinutes(-1)).Should().BeEmpty();

    [Fact]
    public void Handling_clock_warns_at_75_percent() =>
        EventsAt(Signed(), WarningPoint).Should().Equal(new ClockWarned(ClockNames.Handling));

    [Fact]
    public void Warned_clock_does_not_warn_again() =>
        EventsAt(WatchedAt(Signed(), WarningPoint), WarningPoint.AddHours(1)).Should().BeEmpty();

    [Fact]
    public void An_approved_extension_lets_the_handling_clock_warn_again_for_its_new_deadline()
    {
        // 10 + 5 working days: at the old due time 10/15 is used (no warning); two working days later 12/15 = 80%.
        var extended = WatchedAt(Signed(), WarningPoint)
            .ExtensionRequested(SlaDuration.WorkingDays(5)).ExtensionDecided(approved: true);

        EventsAt(extended, Due).Should().BeEmpty();
        EventsAt(extended, Shanghai.At(2026, 3, 18, 9)).Should().Equal(new ClockWarned(ClockNames.Handling));
    }

    [Fact]
    public void Nothing_more_is_raised_at_the_due_time_itself() =>
        EventsAt(WatchedAt(Signed(), WarningPoint), Due).Should().BeEmpty();

    [Fact]
    public void Overdue_clock_is_raised_with_one_supervision_order()
    {
        var events = EventsAt(WatchedAt(Signed(), WarningPoint), Due.AddMinutes(1));

        events.Should().HaveCount(2);
        events[0].Should().Be(new ClockOverdue(ClockNames.Handling));
        events[1].Should().BeOfType<SupervisionOrderIssued>().Which.Should().Match<SupervisionOrderIssued>(
            o => o.OrderId == ActionRequests.OrderId && o.Cause == SupervisionCauses.Overdue && o.Note!.Contains("办理时限"));
    }

    [Fact]
    public void Clock_first_seen_when_already_overdue_is_warned_and_raised_overdue_together() =>
        EventsAt(Signed(), Due.AddHours(1)).Select(e => e.GetType()).Should().Equal(
            typeof(ClockWarned), typeof(ClockOverdue), typeof(SupervisionOrderIssued));

    [Fact]
    public void Overdue_is_raised_only_once() =>
        EventsAt(WatchedAt(Signed(), Due.AddMinutes(1)), Due.AddDays(2)).Should().BeEmpty();

    [Fact]
    public void Overdue_is_recorded_on_the_clock_with_the_supervision_order_on_the_ticket()
    {
        var watched = WatchedAt(Signed(), Due.AddMinutes(1)).Build();

        watched.Handling.Should().Match<ClockRecord>(c => c.Warned && c.OverdueRaised);
        watched.SupervisionOrders.Should().ContainSingle().Which.Cause.Should().Be(SupervisionCauses.Overdue);
    }

    [Fact]
    public void Unsigned_ticket_raises_its_sign_for_clock_after_one_working_day() =>
        EventsAt(TicketBuilder.Registered("complaint").Dispatched(), Shanghai.At(2026, 3, 3, 9, 1)).OfType<ClockOverdue>()
            .Should().Equal(new ClockOverdue(ClockNames.SignFor));

    [Fact]
    public void Every_overdue_clock_gets_its_own_supervision_order() =>
        EventsAt(TicketBuilder.Registered("complaint").Dispatched(), Due.AddHours(1)).OfType<SupervisionOrderIssued>()
            .Select(o => o.OrderId).Should().Equal(ActionRequests.OrderId, SecondOrder);

    [Fact]
    public void Stopped_handling_clock_raises_nothing_after_its_deadline()
    {
        // Resolved on Friday before the deadline; the callback clock (2 working days) is still short of its warning.
        var resolved = Signed().At(Shanghai.At(2026, 3, 13, 17)).Resolved();

        EventsAt(resolved, Due.AddHours(1)).Should().BeEmpty();
    }

    [Fact]
    public void Callback_clock_warns_at_75_percent_of_its_two_working_days() =>
        EventsAt(Signed().At(Shanghai.At(2026, 3, 13, 17)).Resolved(), Shanghai.At(2026, 3, 17, 11, 45))
            .Should().Equal(new ClockWarned(ClockNames.Callback));

    [Fact]
    public void Paused_clocks_raise_nothing_however_long_the_suspension() =>
        EventsAt(Signed().At(Shanghai.At(2026, 3, 3, 9)).Suspended(), Shanghai.At(2026, 3, 31, 9)).Should().BeEmpty();

    [Fact]
    public void Suspension_delays_the_warning_by_the_time_paused()
    {
        // Suspended Tuesday 09:00 to Thursday 09:00: two working days later than without suspension.
        var resumed = Signed().At(Shanghai.At(2026, 3, 3, 9)).Suspended().At(Shanghai.At(2026, 3, 5, 9)).Resumed();

        EventsAt(resumed, WarningPoint).Should().BeEmpty();
        EventsAt(resumed, Shanghai.At(2026, 3, 13, 14, 15)).Should().Equal(new ClockWarned(ClockNames.Handling));
    }

    [Fact]
    public void Closed_ticket_raises_nothing() =>
        EventsAt(Signed().Resolved().CalledBack().Closed(), Shanghai.At(2026, 4, 30, 9)).Should().BeEmpty();
}
