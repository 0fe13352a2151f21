using Dispatch.Errors;
using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// 督办回复 and escalation. A supervisor orders on Monday 2 March 2026 09:00 a ticket the Nanhu centre holds: the unit owes
/// a written reply within 3 working days (Thursday 5 March 09:00); unanswered, the order goes to the county with 2
/// working days (Monday 9 March 09:01), then to the city with 1 (Tuesday 10 March 09:02), and no further.
/// </summary>
public sealed class SupervisionOrderTests
{
    private static readonly Guid Order = ActionRequests.OrderId;
    private static readonly DateTimeOffset UnitDue = Shanghai.At(2026, 3, 5, 9);
    private static readonly DateTimeOffset CountyDue = Shanghai.At(2026, 3, 9, 9, 1);
    private static readonly DateTimeOffset CityDue = Shanghai.At(2026, 3, 10, 9, 2);

    private static TicketBuilder Ordered() => TicketBuilder.Registered("complaint").Dispatched().Signed()
        .Apply(s => TicketRules.Supervise(s, Actors.NanhuSupervisor, new TicketNote("请说明迟迟未办结的原因"), Order, TicketClocks.At(TicketBuilder.Start)));

    private static IReadOnlyList<SupervisionEscalated> EscalationsAt(TicketBuilder ticket, DateTimeOffset now) =>
        [.. TicketRules.ClockEvents(ticket.Build(), TicketClocks.At(now), Guid.NewGuid).OfType<SupervisionEscalated>()];

    /// <summary>The ticket with whatever the watcher raised at <paramref name="now"/> recorded.</summary>
    private static TicketBuilder WatchedAt(TicketBuilder ticket, DateTimeOffset now) =>
        TicketRules.ClockEvents(ticket.Build(), TicketClocks.At(now), Guid.NewGuid).Aggregate(ticket.At(now), (builder, e) => builder.With(e));

    private static SupervisionView ViewAt(TicketBuilder ticket, DateTimeOffset now) =>
        TicketViews.From(ticket.Build(), TicketClocks.At(now)).SupervisionOrders.Single();

    [Fact]
    public void An_order_on_a_ticket_a_unit_holds_asks_for_a_reply_within_three_working_days()
    {
        var view = ViewAt(Ordered(), TicketBuilder.Start);

        view.State.Should().Be(SupervisionOrderStates.Open);
        view.Level.Should().Be(SupervisionLevels.Unit);
        view.DueAt.Should().Be(UnitDue);
    }

    [Fact]
    public void An_order_while_no_unit_holds_the_ticket_asks_for_no_reply() =>
        TicketRules.Supervise(TicketBuilder.Registered().Build(), Actors.NanhuSupervisor, new TicketNote("请尽快派单"), Order, TicketClocks.Later)
            .ShouldRecord(new SupervisionOrderIssued(Order, SupervisionCauses.Manual, "请尽快派单", null));

    [Fact]
    public void Nothing_escalates_before_the_reply_is_due() =>
        EscalationsAt(Ordered(), UnitDue.AddMinutes(-1)).Should().BeEmpty();

    [Fact]
    public void An_unanswered_order_goes_to_the_county_at_its_due_time_with_two_working_days() =>
        EscalationsAt(Ordered(), UnitDue.AddMinutes(1)).Should().Equal(
            new SupervisionEscalated(Order, SupervisionCauses.Manual, SupervisionLevels.County, SlaDuration.WorkingDays(2)));

    [Fact]
    public void An_escalated_order_has_a_new_due_time_at_its_new_level()
    {
        var view = ViewAt(WatchedAt(Ordered(), UnitDue.AddMinutes(1)), UnitDue.AddMinutes(1));

        view.Level.Should().Be(SupervisionLevels.County);
        view.DueAt.Should().Be(CountyDue);
        view.State.Should().Be(SupervisionOrderStates.Open);
        view.Escalations.Should().Equal(new SupervisionStepView(SupervisionLevels.County, UnitDue.AddMinutes(1)));
    }

    [Fact]
    public void Escalation_happens_once_per_level() =>
        EscalationsAt(WatchedAt(Ordered(), UnitDue.AddMinutes(1)), UnitDue.AddHours(3)).Should().BeEmpty();

    [Fact]
    public void Unanswered_at_the_county_the_order_goes_to_the_city_with_one_working_day()
    {
        var atCounty = WatchedAt(Ordered(), UnitDue.AddMinutes(1));

        EscalationsAt(atCounty, CountyDue.AddMinutes(1)).Should().Equal(
            new SupervisionEscalated(Order, SupervisionCauses.Manual, SupervisionLevels.City, SlaDuration.WorkingDays(1)));
        ViewAt(WatchedAt(atCounty, CountyDue.AddMinutes(1)), CountyDue.AddMinutes(1)).DueAt.Should().Be(CityDue);
    }

    [Fact]
    public void At_the_city_an_overdue_order_goes_no_further_and_shows_as_overdue()
    {
        var atCity = WatchedAt(WatchedAt(Ordered(), UnitDue.AddMinutes(1)), CountyDue.AddMinutes(1));

        EscalationsAt(atCity, CityDue.AddDays(3)).Should().BeEmpty();
        ViewAt(atCity, CityDue.AddDays(3)).State.Should().Be(SupervisionOrderStates.Overdue);
        TicketProjection.NextClockChange(atCity.Resolved().CalledBack().Closed().Build(), TicketClocks.At(CityDue.AddDays(3))).Should().BeNull();
    }

    [Fact]
    public void The_watcher_is_woken_for_the_escalation_even_after_the_ticket_closed()
    {
        var closed = Ordered().Resolved().CalledBack().Closed();

        TicketProjection.NextClockChange(closed.Build(), TicketClocks.At(TicketBuilder.Start.AddHours(1))).Should().Be(UnitDue.AddTicks(1));
    }

    [Fact]
    public void The_handling_unit_replies_in_writing() =>
        TicketRules.ReplyToOrder(Ordered().Build(), Actors.CentreStaff, new ReplyToOrder(Order, " 已约谈经办人，本周五前办结。 "))
            .ShouldRecord(new SupervisionReplied(Order, "已约谈经办人，本周五前办结。", Actors.CentreStaff.UserId));

    [Fact]
    public void A_reply_closes_the_order_and_it_never_escalates()
    {
        var replied = Ordered().Apply(s => TicketRules.ReplyToOrder(s, Actors.CentreStaff, new ReplyToOrder(Order, "已约谈经办人。")));

        var view = ViewAt(replied, UnitDue.AddDays(10));
        view.State.Should().Be(SupervisionOrderStates.Replied);
        view.Reply.Should().Be("已约谈经办人。");
        view.RepliedBy.Should().Be(Actors.CentreStaff.UserId);
        EscalationsAt(replied, UnitDue.AddDays(10)).Should().BeEmpty();
        TicketRules.AllowedActions(replied.Build()).Should().NotContain(TicketActions.SupervisionReply);
    }

    [Fact]
    public void An_open_order_offers_the_reply() =>
        TicketRules.AllowedActions(Ordered().Build()).Should().Contain(TicketActions.SupervisionReply);

    [Fact]
    public void A_supervisor_may_not_reply_for_the_unit() =>
        TicketRules.ReplyToOrder(Ordered().Build(), Actors.NanhuSupervisor, new ReplyToOrder(Order, "代为回复"))
            .ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Another_county_does_not_see_the_ticket_to_reply() =>
        TicketRules.ReplyToOrder(Ordered().Build(), Actors.XiuzhouSupervisor, new ReplyToOrder(Order, "代为回复"))
            .ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void A_reply_must_name_an_order_of_the_ticket_and_say_something() =>
        TicketRules.ReplyToOrder(Ordered().Build(), Actors.CentreStaff, new ReplyToOrder(Guid.NewGuid(), " "))
            .ShouldReportFields(("orderId", "unknown_value"), ("reply", "required"));

    [Fact]
    public void An_answered_order_is_not_answered_twice()
    {
        var replied = Ordered().Apply(s => TicketRules.ReplyToOrder(s, Actors.CentreStaff, new ReplyToOrder(Order, "已约谈经办人。")))
            .Apply(s => TicketRules.Supervise(s, Actors.NanhuSupervisor, new TicketNote("再次督办"), Guid.NewGuid(), TicketClocks.At(TicketBuilder.Start)));

        TicketRules.ReplyToOrder(replied.Build(), Actors.CentreStaff, new ReplyToOrder(Order, "补充回复")).ShouldConflict("order_not_open");
    }

    [Fact]
    public void An_overdue_clock_brings_an_order_that_asks_the_unit_for_a_reply()
    {
        var overdue = TicketRules.ClockEvents(TicketBuilder.Registered("complaint").Dispatched().Signed().Build(), TicketClocks.At(Shanghai.At(2026, 3, 16, 10)), () => Order);

        overdue.OfType<SupervisionOrderIssued>().Single().ReplyWithin.Should().Be(SlaDuration.WorkingDays(3));
    }

    [Fact]
    public void A_reminder_is_a_note_to_the_unit_not_an_order()
    {
        var reminded = TicketBuilder.Registered().Dispatched()
            .Apply(s => TicketRules.Remind(s, Actors.Operator, new TicketNote("来电人再次询问进度")));

        reminded.Build().SupervisionOrders.Should().BeEmpty();
        TicketProjection.NextClockChange(reminded.Build(), TicketClocks.At(TicketBuilder.Start))
            .Should().Be(TicketProjection.NextClockChange(TicketBuilder.Registered().Dispatched().Build(), TicketClocks.At(TicketBuilder.Start)));
    }

    [Fact]
    public void A_unit_may_not_remind_itself() =>
        TicketRules.Remind(TicketBuilder.Registered().Dispatched().Build(), Actors.CentreStaff, new TicketNote("自己催自己"))
            .ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void A_reminder_needs_its_note() =>
        TicketRules.Remind(TicketBuilder.Registered().Dispatched().Build(), Actors.NanhuSupervisor, new TicketNote(null))
            .ShouldReportFields(("note", "required"));

    [Fact]
    public void A_resolved_ticket_is_not_reminded() =>
        TicketRules.AllowedActions(TicketBuilder.Registered().Dispatched().Signed().Resolved().Build()).Should().NotContain(TicketActions.Remind);

    /// <summary>A ticket resolved and found unsatisfying <paramref name="reopenings"/> times, resolved again and called back unsatisfied.</summary>
    private static TicketBuilder UnsatisfiedAfter(int reopenings)
    {
        var ticket = TicketBuilder.Registered("complaint").Dispatched().Signed().Resolved().CalledBack("unsatisfied");
        for (var i = 0; i < reopenings; i++)
        {
            ticket = ticket.Reopened().Signed().Resolved().CalledBack("unsatisfied");
        }
        return ticket;
    }

    private static Change<TicketEvent> ReopenedOnTheLadder(TicketBuilder ticket) =>
        TicketRules.WithLadder(ticket.Build(), TicketRules.Reopen(ticket.Build(), Actors.Operator, new TicketNote("来电人仍不满意")), TicketClocks.Later, () => Order);

    [Fact]
    public void The_third_reopening_raises_an_order_by_itself_naming_the_count() =>
        ReopenedOnTheLadder(UnsatisfiedAfter(2)).Events.OfType<SupervisionOrderIssued>().Should().ContainSingle()
            .Which.Should().Match<SupervisionOrderIssued>(o => o.Cause == SupervisionCauses.Rework && o.Note!.Contains("已重办 3 次")
                && o.ReplyWithin == SlaDuration.WorkingDays(3));

    [Fact]
    public void The_second_reopening_raises_no_order() =>
        ReopenedOnTheLadder(UnsatisfiedAfter(1)).Events.OfType<SupervisionOrderIssued>().Should().BeEmpty();

    [Fact]
    public void While_the_ladders_order_for_a_cause_is_open_no_second_one_is_raised()
    {
        var ordered = UnsatisfiedAfter(3).With(new SupervisionOrderIssued(Guid.NewGuid(), SupervisionCauses.Rework, "已重办 3 次", SlaDuration.WorkingDays(3)));

        ReopenedOnTheLadder(ordered).Events.OfType<SupervisionOrderIssued>().Should().BeEmpty();
    }

    [Fact]
    public void The_second_unsatisfied_callback_raises_an_order_with_the_callbacks_as_evidence()
    {
        var ticket = TicketBuilder.Registered("complaint").Dispatched().Signed().Resolved().CalledBack("unsatisfied").Reopened().Signed().Resolved();

        var change = TicketRules.WithLadder(ticket.Build(),
            TicketRules.RecordCallback(ticket.Build(), Actors.Operator, new RecordCallback(true, "unsatisfied", null), TicketClocks.Later), TicketClocks.Later, () => Order);

        change.Events.OfType<SupervisionOrderIssued>().Should().ContainSingle().Which.Should().Match<SupervisionOrderIssued>(
            o => o.Cause == SupervisionCauses.UnsatisfiedCallbacks && o.Note!.Contains("回访不满意 2 次") && o.Note.Contains("2026-03-02 09:00"));
    }
    private static readonly string[] TwoEarlier = ["JX12385-20260226-000031", "JX12385-20260210-000007"];

    private static Change<TicketEvent> DispatchedOnTheLadder(TicketBuilder ticket, string unit = Units.NanhuCentre) =>
        TicketRules.WithLadder(ticket.Build(), TicketRules.Dispatch(ticket.Build(), Actors.Operator, new DispatchTicket(unit, null),
            Units.Target(unit), automatic: false), TicketClocks.Later, () => Order);

    [Fact]
    public void The_first_dispatch_of_a_callers_third_call_on_the_topic_asks_the_unit_for_a_reply_naming_the_earlier_tickets() =>
        DispatchedOnTheLadder(TicketBuilder.RegisteredAgain(TwoEarlier)).Events.OfType<SupervisionOrderIssued>().Should().ContainSingle()
            .Which.Should().Match<SupervisionOrderIssued>(o => o.Cause == SupervisionCauses.RepeatCaller && o.ReplyWithin == SlaDuration.WorkingDays(3)
                && o.Note!.Contains("第 3 次来电") && o.Note.Contains(TwoEarlier[0]) && o.Note.Contains(TwoEarlier[1]));

    [Fact]
    public void A_second_call_on_the_topic_raises_no_order() =>
        DispatchedOnTheLadder(TicketBuilder.RegisteredAgain(TwoEarlier[0])).Events.OfType<SupervisionOrderIssued>().Should().BeEmpty();

    [Fact]
    public void A_repeat_callers_ticket_gets_its_order_once_even_after_the_reply_and_a_new_dispatch()
    {
        var first = DispatchedOnTheLadder(TicketBuilder.RegisteredAgain(TwoEarlier));
        var order = first.Events.OfType<SupervisionOrderIssued>().Single();
        var replied = TicketBuilder.RegisteredAgain(TwoEarlier).With(first.Events[0]).With(order)
            .With(new SupervisionReplied(order.OrderId, "已约谈来电人并制定处理方案。", "staff-1")).Returned();

        TicketRules.WithLadder(replied.Build(), Change<TicketEvent>.Of(new TicketDispatched(Units.NanhuLegal, false, true, null)), TicketClocks.Later, () => Order)
            .Events.OfType<SupervisionOrderIssued>().Should().BeEmpty();
    }
}
