using Dispatch.Scopes;
using Dispatch.Live;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;
using Dispatch.Tests.Unit.Stats;
using ScopeKeys = Dispatch.Tests.Unit.Stats.Scopes;
using UnitCodes = Dispatch.Tests.Unit.Tickets.Units;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>What the browsers hear about each ticket write.</summary>
public sealed class TicketLiveChangesTests
{
    [Fact]
    public void A_new_ticket_is_announced_as_registered_to_the_city_and_its_county_with_the_time_of_the_change()
    {
        var story = TicketStory.Registered();
        var change = story.Announced!;

        change.Change.Should().Be(LiveChangeKinds.Registered);
        change.Scopes.Should().Equal(ScopeKeys.City, ScopeKeys.Nanhu);
        change.At.Should().Be(TicketStory.Start);
        change.Item.Should().BeEquivalentTo(new { ItemType = "ticket", Id = TicketStory.Id, Status = "registered", CountyCode = "330402", UnitCode = (string?)null });
        change.StatsScopes.Should().BeEquivalentTo([ScopeKeys.City, ScopeKeys.Nanhu]);
    }

    [Fact]
    public void A_dispatch_reaches_the_unit_too()
    {
        var change = TicketStory.Registered().Dispatched().Announced!;

        change.Change.Should().Be(LiveChangeKinds.Dispatched);
        change.Scopes.Should().Contain(ScopeKeys.NanhuCentre);
        change.Item.DueAt.Should().NotBeNull();
    }

    [Fact]
    public void A_transfer_is_a_dispatch_announced_also_to_the_unit_that_lost_the_ticket()
    {
        var change = TicketStory.Registered().Dispatched().Transferred(UnitCodes.NanhuLegal).Announced!;

        change.Change.Should().Be(LiveChangeKinds.Dispatched);
        change.Scopes.Should().Contain([ScopeKeys.NanhuLegal, ScopeKeys.NanhuCentre]);
        change.Item.UnitCode.Should().Be(UnitCodes.NanhuLegal);
    }

    [Fact]
    public void A_return_puts_the_ticket_back_in_the_queue_as_registered()
    {
        var change = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Returned().Announced!;

        change.Change.Should().Be(LiveChangeKinds.Registered);
        change.Item.Status.Should().Be(TicketStatus.Registered);
        change.Scopes.Should().Contain(ScopeKeys.NanhuCentre);
    }

    [Fact]
    public void Signing_and_resolving_are_announced_as_such()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        story.Announced!.Change.Should().Be(LiveChangeKinds.Signed);

        story.After(TimeSpan.FromHours(2)).Resolved().Announced!.Change.Should().Be(LiveChangeKinds.Resolved);
    }

    [Fact]
    public void Running_out_is_announced_as_overdue_with_an_overdue_alert_and_the_automatic_supervision_order()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        var due = TicketClocks.Handling(story.State, story.Clock.GetUtcNow()).DueAt;

        var change = story.At(due.AddTicks(1)).WatcherFires().Announced!;

        change.Change.Should().Be(LiveChangeKinds.Overdue);
        change.Item.ClockState.Should().Be("overdue");
        change.Alerts.Select(a => a.Kind).Should().Equal(LiveAlertKinds.Overdue, LiveAlertKinds.Supervision);
        change.Alerts[0].MessageZh.Should().Contain("办理时限已超期");
        change.Alerts[0].MessageEn.Should().Contain("handling deadline has passed");
    }

    [Fact]
    public void Entering_the_warning_is_announced_as_at_risk_and_resolving_afterwards_as_resolved()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        var handling = TicketClocks.Handling(story.State, story.Clock.GetUtcNow());

        story.At(handling.WarnAt).WatcherFires().Announced!.Change.Should().Be(LiveChangeKinds.AtRisk);
        story.After(TimeSpan.FromMinutes(1)).Resolved().Announced!.Change.Should().Be(LiveChangeKinds.Resolved);
    }

    [Fact]
    public void Leaving_the_warning_without_resolving_is_announced_as_cleared()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        var handling = TicketClocks.Handling(story.State, story.Clock.GetUtcNow());
        story.At(handling.WarnAt).WatcherFires();

        story.After(TimeSpan.FromMinutes(1)).Suspended().Announced!.Change.Should().Be(LiveChangeKinds.Cleared);
    }

    [Fact]
    public void A_manual_supervision_order_alerts_with_the_supervisors_note()
    {
        var change = TicketStory.Registered().Write(new SupervisionOrderIssued(Guid.NewGuid(), SupervisionCauses.Manual, "请加快办理")).Announced!;

        change.Alerts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = LiveAlertKinds.Supervision });
        change.Alerts[0].MessageZh.Should().Contain("请加快办理");
        change.Change.Should().BeNull("nothing a list shows has changed");
    }

    [Fact]
    public void A_write_nobody_watching_needs_to_hear_about_is_not_announced()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed()
            .Write(new ExtensionRequested(Guid.NewGuid(), Dispatch.Sla.SlaDuration.WorkingDays(2), "需要协调"));

        story.Announced.Should().BeNull();
    }
}
