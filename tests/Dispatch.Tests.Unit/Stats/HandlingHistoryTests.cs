using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>The handling-time history behind breach risk: one 'current' cell per scope for each dispatched, resolved ticket.</summary>
public sealed class HandlingHistoryTests
{
    [Fact]
    public void Resolution_adds_one_history_cell_by_kind_topic_and_handling_hours_in_each_scope()
    {
        var story = TicketStory.Registered(kind: "complaint").Dispatched().Signed().After(TimeSpan.FromHours(30)).Resolved();

        var measure = HandlingHistory.Measure("complaint", "social_security", 30);
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
        var story = TicketStory.Registered().Dispatched().Signed().After(TimeSpan.FromHours(5)).Resolved().CalledBack("unsatisfied").Reopened();

        story.Row!.ResolvedAt.Should().BeNull();
        story.Changed(Scopes.NanhuCentre, HandlingHistory.Measure("complaint", "social_security", 5), StatsPeriod.Current).Should().Be(-1);
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
