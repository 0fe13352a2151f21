using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>The handling-time history behind breach risk: one 'current' cell per scope for each dispatched, resolved ticket.</summary>
public sealed class HandlingHistoryTests
{
    [Fact]
    public void Resolution_adds_one_history_cell_by_kind_topic_and_working_hours_of_its_handling_clock_in_each_scope()
    {
        // Monday 09:00 to Tuesday 15:00 is 30 wall-clock hours, of which 12 are working time (Monday 09:00-12:00 and
        // 13:30-17:30, Tuesday 08:30-12:00 and 13:30-15:00): a complaint's handling limit counts working days.
        var story = TicketStory.Registered(kind: "complaint").Dispatched().Signed().After(TimeSpan.FromHours(30)).Resolved();

        story.Row!.HandlingUsedHours.Should().Be(12);
        var measure = HandlingHistory.Measure("complaint", "social_security", 12);
        foreach (var scope in new[] { Scopes.City, Scopes.Nanhu, Scopes.NanhuCentre })
        {
            story.Changed(scope, measure, StatsPeriod.Current).Should().Be(1);
        }
        story.Last.Count(c => c.Measure.StartsWith(HandlingHistory.Prefix, StringComparison.Ordinal)).Should().Be(3);
    }

    [Fact]
    public void Open_and_answered_on_the_spot_tickets_add_no_history()
    {
        var open = TicketStory.Registered().Dispatched().Signed();

        open.Row!.ResolvedAt.Should().BeNull();
        HandlingHistory.Of(open.Row!).Should().BeEmpty();
    }

    [Fact]
    public void Reopening_takes_the_history_cell_back()
    {
        // Monday 09:00 to 14:00: 3.5 working hours (the lunch break is not working time), bucket 3.
        var story = TicketStory.Registered().Dispatched().Signed().After(TimeSpan.FromHours(5)).Resolved().CalledBack("unsatisfied").Reopened();

        story.Row!.ResolvedAt.Should().BeNull();
        story.Changed(Scopes.NanhuCentre, HandlingHistory.Measure("complaint", "social_security", 3), StatsPeriod.Current).Should().Be(-1);
    }

    [Fact]
    public void A_suspension_is_left_out_of_the_handling_time()
    {
        // Dispatched Monday 09:00, suspended 10:00 to Tuesday 10:00, resolved Tuesday 11:00: 2 working hours counted.
        var story = TicketStory.Registered().Dispatched().Signed().After(TimeSpan.FromHours(1)).Suspended()
            .After(TimeSpan.FromHours(24)).Resumed().After(TimeSpan.FromHours(1)).Resolved();

        story.Row!.HandlingUsedHours.Should().Be(2);
        story.Changed(Scopes.NanhuCentre, HandlingHistory.Measure("complaint", "social_security", 2), StatsPeriod.Current).Should().Be(1);
    }

    [Fact]
    public void A_row_written_before_the_clock_was_kept_counts_wall_clock_hours_from_first_dispatch()
    {
        var dispatched = TicketStory.Start;
        var row = new TicketStatsRow
        {
            Kind = "help", Topic = "care", CountyCode = "330402", UnitCode = "330402-CENTRE",
            FirstDispatchedAt = dispatched, ResolvedAt = dispatched.AddHours(30), HandlingUsedHours = null,
        };

        HandlingHistory.Of(row).Should().ContainSingle().Which.Measure.Should().Be(HandlingHistory.Measure("help", "care", 30));
        HandlingHistory.Of(row with { HandlingUsedHours = 12.9 }).Single().Measure.Should().Be(HandlingHistory.Measure("help", "care", 12));
    }

    [Fact]
    public void Buckets_read_one_kind_and_topic_of_a_scope_and_nothing_of_a_topic_sharing_its_start()
    {
        var set = new CounterSet();
        set.Set("unit:X", StatsPeriod.Current, StatsPeriod.CurrentStart, HandlingHistory.Measure("help", "care", 2), 4);
        set.Set("unit:X", StatsPeriod.Current, StatsPeriod.CurrentStart, HandlingHistory.Measure("help", "care", 78), 1);
        set.Set("unit:X", StatsPeriod.Current, StatsPeriod.CurrentStart, HandlingHistory.Measure("help", "care_services", 5), 9);
        set.Set("city", StatsPeriod.Current, StatsPeriod.CurrentStart, HandlingHistory.Measure("help", "care", 3), 7);

        HandlingHistory.Buckets(set, "unit:X", "help", "care").Should().BeEquivalentTo(new[] { (2L, 4L), (78L, 1L) });
    }
}
