using Dispatch.Stats;
using FluentAssertions;
using static Dispatch.Stats.TicketTallies;

namespace Dispatch.Tests.Unit.Stats;

public sealed class TicketFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateOnly Month = new(2026, 11, 1);

    private static CounterSet Counters(params (string Period, DateOnly Start, string Measure, long Value)[] values)
    {
        var set = new CounterSet();
        foreach (var (period, start, measure, value) in values)
        {
            set.Add(Scopes.City, period, start, measure, value);
        }
        return set;
    }

    [Fact]
    public void Every_rate_is_null_when_its_denominator_is_zero()
    {
        var measures = TicketFigures.Measures(new CounterSet(), Scopes.City, StatsPeriod.Day, Today);

        new[] { measures.OnTimeClosureRate, measures.ClosureRate, measures.TimelySignForRate, measures.CallbackRate, measures.SatisfactionRate,
            measures.FirstContactResolutionRate, measures.ReworkRate, measures.ReturnRate, measures.RepeatCallRate, measures.MedianHandlingHours }
            .Should().OnlyContain(r => r == null);
        measures.PauseShareByReason.Should().BeEmpty();
    }

    [Fact]
    public void Each_rate_divides_its_own_numerator_by_its_own_denominator()
    {
        var m = TicketFigures.Measures(Counters(
            (StatsPeriod.Month, Month, Received, 40), (StatsPeriod.Month, Month, ReceivedResolved, 30),
            (StatsPeriod.Month, Month, OnTime, 19), (StatsPeriod.Month, Month, OnTimeCounted, 20),
            (StatsPeriod.Month, Month, Signed, 25), (StatsPeriod.Month, Month, SignedOnTime, 24),
            (StatsPeriod.Month, Month, Resolved, 32), (StatsPeriod.Month, Month, CalledBack, 16), (StatsPeriod.Month, Month, Satisfied, 12),
            (StatsPeriod.Month, Month, OnSpot, 10), (StatsPeriod.Month, Month, Reworked, 2), (StatsPeriod.Month, Month, RepeatCall, 4),
            (StatsPeriod.Month, Month, Dispatched, 30), (StatsPeriod.Month, Month, Returned, 3)), Scopes.City, StatsPeriod.Month, Month);

        m.OnTimeClosureRate.Should().Be(0.95);
        m.ClosureRate.Should().Be(0.75);
        m.TimelySignForRate.Should().Be(0.96);
        m.CallbackRate.Should().Be(0.5);
        m.SatisfactionRate.Should().Be(0.75);
        m.FirstContactResolutionRate.Should().Be(0.25);
        m.ReworkRate.Should().Be(0.05);
        m.RepeatCallRate.Should().Be(0.1);
        m.ReturnRate.Should().Be(0.1);
        m.Received.Should().Be(40);
        m.Resolved.Should().Be(32);
    }

    [Fact]
    public void Open_at_risk_overdue_and_pause_shares_are_current_whatever_the_period()
    {
        var set = Counters((StatsPeriod.Current, StatsPeriod.CurrentStart, Open, 8), (StatsPeriod.Current, StatsPeriod.CurrentStart, AtRisk, 3),
            (StatsPeriod.Current, StatsPeriod.CurrentStart, Overdue, 1), (StatsPeriod.Current, StatsPeriod.CurrentStart, SuspendedPrefix + "legal_proceedings", 2));

        var year = TicketFigures.Measures(set, Scopes.City, StatsPeriod.Year, new DateOnly(2026, 1, 1));

        (year.Open, year.AtRisk, year.Overdue).Should().Be((8, 3, 1));
        year.PauseShareByReason.Should().Equal(new Dictionary<string, double> { ["legal_proceedings"] = 0.25 });
    }

    [Fact]
    public void The_median_handling_time_comes_from_the_period_histogram()
    {
        var set = Counters((StatsPeriod.Day, Today, HandlingTimeBuckets.MeasurePrefix + "4", 2), (StatsPeriod.Day, Today, HandlingTimeBuckets.MeasurePrefix + "30", 1));

        TicketFigures.Measures(set, Scopes.City, StatsPeriod.Day, Today).MedianHandlingHours.Should().Be(4);
    }

    [Theory]
    [InlineData(100, 100, 10, 5)]   // 0.95 x 110 = 104.5: five more on time
    [InlineData(90, 95, 10, 10)]    // 0.95 x 105 = 99.75: all ten
    [InlineData(18, 20, 5, 5)]      // even all five fall short (23 of 25): all of them
    [InlineData(19, 20, 0, 0)]      // exactly 95% with nothing due: none, with no rounding error
    [InlineData(100, 100, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    public void The_forecast_is_the_fewest_of_todays_open_deadlines_that_keep_the_month_at_target(long onTime, long counted, long dueToday, long mustClose)
    {
        var set = Counters((StatsPeriod.Month, Month, OnTime, onTime), (StatsPeriod.Month, Month, OnTimeCounted, counted),
            (StatsPeriod.Day, Today, OpenDue, dueToday), (StatsPeriod.Month, Month, OpenDue, dueToday + 7));

        var forecast = TicketFigures.Forecast(set, Scopes.City, Today, 0.95m);

        forecast.MustCloseToday.Should().Be(mustClose);
        forecast.OpenDueToday.Should().Be(dueToday);
        forecast.OpenDueThisMonth.Should().Be(dueToday + 7);
        (forecast.OnTimeSoFar, forecast.ClosedSoFar).Should().Be((onTime, counted));
    }
}
