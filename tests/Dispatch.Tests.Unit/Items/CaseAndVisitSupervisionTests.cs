using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.LegalAid;
using Dispatch.Tests.Unit.Rehab;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

/// <summary>
/// 督办 on a legal-aid case and a rehabilitation visit asks the station or provider for a written reply, as on a ticket:
/// ordered on Monday 2 March 2026 09:00, the reply is due within 3 working days (Thursday 5 March 09:00); unanswered it
/// goes to the county with 2 working days (Monday 9 March 09:01), then to the city with 1, and no further; the unit's
/// staff answer it, which closes it; an order issued before replies were asked stays a record.
/// </summary>
public sealed class CaseAndVisitSupervisionTests
{
    private static readonly Guid Order = Guid.Parse("5b0e6c1d-1a2b-4c3d-8e9f-000000000de1");
    private static readonly DateTimeOffset UnitDue = Shanghai.At(2026, 3, 5, 9);
    private static readonly DateTimeOffset CountyDue = Shanghai.At(2026, 3, 9, 9, 1);
    private static readonly Actor ProviderStaff = new("staff-rehab-1", Roles.UnitStaff, VisitBuilder.Provider, Places.Nanhu);
    private static readonly Actor OtherProviderStaff = new("staff-rehab-2", Roles.UnitStaff, "330402-REHAB-2", Places.Nanhu);

    private static CaseBuilder OrderedCase() => CaseBuilder.Applied().Accepted()
        .Applying(LegalAidRules.Supervise(CaseBuilder.Applied().Accepted().Build(), Actors.NanhuSupervisor, new CaseNote("请说明审查进度"),
            TicketClocks.At(CaseBuilder.Start), Order));

    private static VisitBuilder OrderedVisit() => VisitBuilder.AcceptedRequest()
        .Applying(RehabRules.Supervise(VisitBuilder.AcceptedRequest().Build(), Actors.NanhuSupervisor, new VisitNote("请尽快安排上门"), Order,
            TicketClocks.At(VisitBuilder.Start)));

    private static CaseBuilder WatchedAt(CaseBuilder c, DateTimeOffset now) =>
        LegalAidRules.ClockEvents(c.Build(), TicketClocks.At(now), Guid.NewGuid).Aggregate(c.At(now), (b, e) => b.With(e));

    private static VisitBuilder WatchedAt(VisitBuilder v, DateTimeOffset now) =>
        RehabRules.ClockEvents(v.Build(), TicketClocks.At(now), Guid.NewGuid).Aggregate(v.At(now), (b, e) => b.With(e));

    private static SupervisionView CaseOrderAt(CaseBuilder c, DateTimeOffset now) =>
        LegalAidViews.From(c.Build(), TicketClocks.At(now)).SupervisionOrders.Single(o => o.OrderId == Order);

    private static SupervisionView VisitOrderAt(VisitBuilder v, DateTimeOffset now) =>
        RehabViews.From(v.Build(), TicketClocks.At(now)).SupervisionOrders.Single(o => o.OrderId == Order);

    [Fact]
    public void An_order_on_a_case_asks_the_station_for_a_reply_within_three_working_days()
    {
        var view = CaseOrderAt(OrderedCase(), CaseBuilder.Start);

        (view.State, view.Level, view.DueAt).Should().Be((SupervisionOrderStates.Open, SupervisionLevels.Unit, UnitDue));
        LegalAidRules.AllowedActions(OrderedCase().Build(), TicketClocks.At(CaseBuilder.Start)).Should().Contain(LegalAidActions.SupervisionReply);
    }

    [Fact]
    public void An_order_on_a_visit_asks_the_provider_for_a_reply_within_three_working_days()
    {
        var view = VisitOrderAt(OrderedVisit(), VisitBuilder.Start);

        (view.State, view.Level, view.DueAt).Should().Be((SupervisionOrderStates.Open, SupervisionLevels.Unit, UnitDue));
        RehabRules.AllowedActions(OrderedVisit().Build()).Should().Contain(RehabActions.SupervisionReply);
    }

    [Fact]
    public void Unanswered_a_case_order_goes_to_the_county_at_its_due_time_and_once_only()
    {
        LegalAidRules.ClockEvents(OrderedCase().Build(), TicketClocks.At(UnitDue.AddMinutes(-1)), Guid.NewGuid).OfType<CaseSupervisionEscalated>()
            .Should().BeEmpty();
        var escalated = WatchedAt(OrderedCase(), UnitDue.AddMinutes(1));

        var view = CaseOrderAt(escalated, UnitDue.AddMinutes(1));
        (view.Level, view.DueAt).Should().Be((SupervisionLevels.County, CountyDue));
        view.Escalations.Should().Equal(new SupervisionStepView(SupervisionLevels.County, UnitDue.AddMinutes(1)));
        LegalAidRules.ClockEvents(escalated.Build(), TicketClocks.At(UnitDue.AddHours(3)), Guid.NewGuid).OfType<CaseSupervisionEscalated>()
            .Should().BeEmpty();
        LegalAidProjection.NextClockChange(escalated.Build(), TicketClocks.At(UnitDue.AddHours(3))).Should().BeOnOrBefore(CountyDue.AddTicks(1));
    }

    [Fact]
    public void Unanswered_a_visit_order_climbs_to_the_city_and_no_further()
    {
        var atCounty = WatchedAt(OrderedVisit(), UnitDue.AddMinutes(1));
        var atCity = WatchedAt(atCounty, CountyDue.AddMinutes(1));

        VisitOrderAt(atCity, CountyDue.AddMinutes(1)).Level.Should().Be(SupervisionLevels.City);
        RehabRules.ClockEvents(atCity.Build(), TicketClocks.At(CountyDue.AddDays(10)), Guid.NewGuid).OfType<VisitSupervisionEscalated>()
            .Where(e => e.OrderId == Order).Should().BeEmpty("the city is the last level");
        VisitOrderAt(atCity, CountyDue.AddDays(10)).State.Should().Be(SupervisionOrderStates.Overdue);
    }

    [Fact]
    public void The_station_answers_a_case_order_which_closes_it_and_stops_its_escalation()
    {
        var reply = LegalAidRules.ReplyToOrder(OrderedCase().Build(), Actors.LegalStaff, new ReplyToOrder(Order, " 已补齐材料，本周作出决定。 "),
            TicketClocks.At(CaseBuilder.Start));
        reply.ShouldRecord(new CaseSupervisionReplied(Order, "已补齐材料，本周作出决定。", Actors.LegalStaff.UserId));
        var replied = OrderedCase().Applying(reply);

        var view = CaseOrderAt(replied, UnitDue.AddDays(1));
        (view.State, view.Reply).Should().Be((SupervisionOrderStates.Replied, "已补齐材料，本周作出决定。"));
        LegalAidRules.ClockEvents(replied.Build(), TicketClocks.At(UnitDue.AddDays(1)), Guid.NewGuid).OfType<CaseSupervisionEscalated>().Should().BeEmpty();
        LegalAidRules.AllowedActions(replied.Build(), TicketClocks.At(UnitDue)).Should().NotContain(LegalAidActions.SupervisionReply);
        LegalAidRules.ReplyToOrder(replied.Build(), Actors.Admin, new ReplyToOrder(Order, "再次回复"), TicketClocks.At(UnitDue))
            .ShouldBeRefused(DomainErrorKind.Conflict);
    }

    [Fact]
    public void The_provider_answers_a_visit_order_and_nobody_else_may()
    {
        var ordered = OrderedVisit().Build();

        RehabRules.ReplyToOrder(ordered, ProviderStaff, new ReplyToOrder(Order, "已于周三安排上门。"))
            .ShouldRecord(new VisitSupervisionReplied(Order, "已于周三安排上门。", ProviderStaff.UserId));
        RehabRules.ReplyToOrder(ordered, OtherProviderStaff, new ReplyToOrder(Order, "已于周三安排上门。")).ShouldBeRefused(DomainErrorKind.NotFound);
        RehabRules.ReplyToOrder(ordered, Actors.NanhuSupervisor, new ReplyToOrder(Order, "已于周三安排上门。")).ShouldBeRefused(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void A_reply_names_an_order_of_the_item_and_says_something()
    {
        var ordered = OrderedVisit().Build();

        RehabRules.ReplyToOrder(ordered, ProviderStaff, new ReplyToOrder(null, " ")).ShouldReportFields(("orderId", "required"), ("reply", "required"));
        RehabRules.ReplyToOrder(ordered, ProviderStaff, new ReplyToOrder(Guid.NewGuid(), "已安排。")).ShouldReportFields(("orderId", "unknown_value"));
        LegalAidRules.ReplyToOrder(CaseBuilder.Applied().Accepted().Build(), Actors.LegalStaff, new ReplyToOrder(Order, "已安排。"), TicketClocks.At(CaseBuilder.Start))
            .ShouldConflict("action_not_allowed");
    }

    [Fact]
    public void An_order_stored_before_replies_were_asked_stays_a_record()
    {
        var old = CaseBuilder.Applied().Accepted().With(new CaseSupervisionOrdered(Order, SupervisionCauses.Manual, "请加快审查"));

        var view = CaseOrderAt(old, UnitDue.AddDays(5));
        (view.State, view.DueAt, view.Level).Should().Be((SupervisionOrderStates.Record, (DateTimeOffset?)null, (string?)null));
        LegalAidRules.ClockEvents(old.Build(), TicketClocks.At(UnitDue.AddDays(5)), Guid.NewGuid).OfType<CaseSupervisionEscalated>().Should().BeEmpty();
    }
}
