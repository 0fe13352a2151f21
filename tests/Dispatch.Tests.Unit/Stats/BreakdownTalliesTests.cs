using Dispatch.Stats;
using FluentAssertions;
using static Dispatch.Stats.TicketTallies;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>The counters kept per kind, topic, channel and town: which cells a write adds, and how few.</summary>
public sealed class BreakdownTalliesTests
{
    private static readonly DateOnly March2 = TicketStory.Day(3, 2);

    [Fact]
    public void Registration_counts_received_by_month_and_year_and_open_now_under_each_dimensions_value_in_the_city_and_the_county()
    {
        var story = TicketStory.Registered(kind: "complaint");

        foreach (var scope in new[] { Scopes.City, Scopes.Nanhu })
        {
            foreach (var (dimension, value) in new[] { ("kind", "complaint"), ("topic", "social_security"), ("channel", "phone"), ("town", "none") })
            {
                story.Changed(scope, BreakdownTallies.Measure(dimension, value, Received), StatsPeriod.Month, March2).Should().Be(1);
                story.Changed(scope, BreakdownTallies.Measure(dimension, value, Received), StatsPeriod.Year, March2).Should().Be(1);
                story.Changed(scope, BreakdownTallies.Measure(dimension, value, Open), StatsPeriod.Current).Should().Be(1);
            }
        }
        story.Last.Should().NotContain(c => c.Measure.StartsWith(BreakdownTallies.Prefix, StringComparison.Ordinal) && c.Period == StatsPeriod.Day,
            "breakdowns are kept by month and year only");
    }

    [Fact]
    public void A_registration_touches_8_headline_cells_and_24_breakdown_cells()
    {
        var story = TicketStory.Registered();

        story.Last.Count(c => !c.Measure.StartsWith(BreakdownTallies.Prefix, StringComparison.Ordinal)).Should().Be(8,
            "received by day, month and year and open now, in the city and the county");
        story.Last.Count(c => c.Measure.StartsWith(BreakdownTallies.Prefix, StringComparison.Ordinal)).Should().Be(24,
            "received by month and year and open now, for four dimensions, in the same two scopes");
    }

    [Fact]
    public void Resolution_on_time_moves_resolved_and_the_on_time_closure_cells_and_leaves_open_under_each_value()
    {
        var story = TicketStory.Registered().Dispatched().Signed().After(TimeSpan.FromHours(2)).Resolved();

        static string Kind(string measure) => BreakdownTallies.Measure(BreakdownTallies.Kind, "complaint", measure);
        story.Changed(Scopes.NanhuCentre, Kind(Resolved), StatsPeriod.Month, March2).Should().Be(1);
        story.Changed(Scopes.NanhuCentre, Kind(OnTimeCounted), StatsPeriod.Year, March2).Should().Be(1);
        story.Changed(Scopes.NanhuCentre, Kind(OnTime), StatsPeriod.Month, March2).Should().Be(1);
        story.Changed(Scopes.NanhuCentre, Kind(Open), StatsPeriod.Current).Should().Be(-1);
        story.Totals.Where(t => t.Key.Measure.StartsWith(BreakdownTallies.Prefix, StringComparison.Ordinal))
            .Should().OnlyContain(t => t.Value == 1, "each breakdown cell counts the ticket at most once");
    }

    [Theory]
    [InlineData("by:town:330402007:received", "town", true, "330402007", "received")]
    [InlineData("by:kind:complaint:on_time_counted", "kind", true, "complaint", "on_time_counted")]
    [InlineData("by:kind:complaint:received", "topic", false, "", "")]
    [InlineData("received", "kind", false, "", "")]
    [InlineData("by:kind::received", "kind", false, "", "received")]
    public void A_counter_name_reads_back_as_its_value_and_measure(string counter, string dimension, bool read, string value, string measure)
    {
        BreakdownTallies.TryRead(dimension, counter, out var gotValue, out var gotMeasure).Should().Be(read);
        gotValue.Should().Be(value);
        gotMeasure.Should().Be(measure);
    }
}
