using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

public sealed class HandlingTimeBucketsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(71, 71)]
    [InlineData(72, 72)]
    [InlineData(77, 72)]
    [InlineData(78, 78)]
    [InlineData(719, 714)]
    [InlineData(720, 720)]
    [InlineData(743, 720)]
    [InlineData(744, 744)]
    [InlineData(4319, 4296)]
    [InlineData(4320, 4320)]
    [InlineData(99_999, 4320)]
    public void Whole_hours_fall_into_the_bucket_of_their_lower_edge(long hours, long edge) =>
        HandlingTimeBuckets.EdgeOf(hours).Should().Be(edge);

    [Fact]
    public void A_handling_time_is_rounded_down_to_whole_hours_before_bucketing() =>
        HandlingTimeBuckets.Measure(TimeSpan.FromMinutes(59.99)).Should().Be("handling_h:0");

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        HandlingTimeBuckets.Median([(1, 1), (5, 1), (9, 1)]).Should().Be(5);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_lower_middle_value()
    {
        HandlingTimeBuckets.Median([(9, 2), (1, 1), (5, 1)]).Should().Be(5);
        HandlingTimeBuckets.Median([(1, 1), (5, 1)]).Should().Be(1);
    }

    [Fact]
    public void Without_resolved_tickets_there_is_no_median() =>
        HandlingTimeBuckets.Median([(3, 0)]).Should().BeNull();
}
