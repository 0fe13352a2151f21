using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>合并 a duplicate into an earlier ticket, and 督办 by a supervisor.</summary>
public sealed class MergeAndSupervisionTests
{
    private static readonly TicketView Earlier = ActionRequests.EarlierTicket;

    private static Change<TicketEvent> MergeInto(TicketView? target) =>
        TicketRules.Merge(TicketBuilder.Registered().Dispatched().Build(), Actors.Operator, target);

    [Fact]
    public void Operator_merges_a_duplicate_into_an_earlier_ticket() =>
        MergeInto(Earlier).ShouldRecord(new TicketMerged(Earlier.Id, Earlier.Number));

    [Fact]
    public void A_target_named_by_a_number_no_ticket_has_is_reported_at_the_number() =>
        TicketRules.Merge(TicketBuilder.Registered().Dispatched().Build(), Actors.Operator, null, "intoNumber").ShouldReportFields(("intoNumber", "not_found"));

    [Fact]
    public void Merged_duplicate_is_resolved_pointing_at_its_target()
    {
        var merged = TicketBuilder.Registered().Dispatched().MergedInto(Earlier.Id, Earlier.Number).Build();

        merged.Status.Should().Be(TicketStatus.Resolved);
        merged.MergedInto.Should().Be(Earlier.Id);
        merged.MergedIntoNumber.Should().Be(Earlier.Number);
        merged.Reply.Should().Contain(Earlier.Number);
    }

    [Fact]
    public void Merged_duplicate_stops_its_handling_clock_and_keeps_its_own_callback()
    {
        var merged = TicketBuilder.Registered().Dispatched().MergedInto(Earlier.Id, Earlier.Number).Build();

        merged.Handling!.Running.Should().BeFalse();
        merged.Callback!.Running.Should().BeTrue();
    }

    [Fact]
    public void Merging_a_suspended_ticket_ends_its_suspension() =>
        TicketBuilder.Registered().Dispatched().Signed().Suspended().MergedInto(Earlier.Id, Earlier.Number)
            .Build().Suspension.Should().BeNull();

    [Fact]
    public void Merge_into_a_ticket_that_does_not_exist_is_a_field_error() =>
        MergeInto(null).ShouldReportFields(("intoTicketId", "not_found"));

    [Fact]
    public void Merge_into_itself_is_refused() =>
        MergeInto(Earlier with { Id = TicketBuilder.TicketId }).ShouldReportFields(("intoTicketId", "invalid_target"));

    [Fact]
    public void Merge_into_a_closed_ticket_is_refused() =>
        MergeInto(Earlier with { Status = TicketStatus.Closed }).ShouldReportFields(("intoTicketId", "invalid_target"));

    [Fact]
    public void Merge_into_a_ticket_that_is_itself_merged_is_refused() =>
        MergeInto(Earlier with { MergedInto = Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-0000000000ff") })
            .ShouldReportFields(("intoTicketId", "invalid_target"));

    [Fact]
    public void Supervisor_in_scope_issues_a_supervision_order() =>
        TicketRules.Supervise(TicketBuilder.Registered().Dispatched().Build(), Actors.NanhuSupervisor, new TicketNote(" 请于本周内办结 "), ActionRequests.OrderId, TicketClocks.Later)
            .ShouldRecord(new SupervisionOrderIssued(ActionRequests.OrderId, SupervisionCauses.Manual, "请于本周内办结", Dispatch.Sla.SlaDuration.WorkingDays(3)));

    [Fact]
    public void Supervision_order_needs_a_note() =>
        TicketRules.Supervise(TicketBuilder.Registered().Dispatched().Build(), Actors.NanhuSupervisor, new TicketNote(""), ActionRequests.OrderId, TicketClocks.Later)
            .ShouldReportFields(("note", "required"));

    [Fact]
    public void Issued_supervision_order_is_on_the_ticket_with_its_time()
    {
        var supervised = TicketBuilder.Registered().Dispatched().With(
            new SupervisionOrderIssued(ActionRequests.OrderId, SupervisionCauses.Manual, "请于本周内办结")).Build();

        supervised.SupervisionOrders.Should().Equal(
            new SupervisionOrder(ActionRequests.OrderId, SupervisionCauses.Manual, "请于本周内办结", TicketBuilder.Start));
    }
}
