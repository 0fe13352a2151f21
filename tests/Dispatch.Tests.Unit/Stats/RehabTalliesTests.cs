using Dispatch.Rehab;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Rehab;
using FluentAssertions;
using static Dispatch.Stats.RehabTallies;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// Which counters a visit adds 1 to, from the row its projection stores. Time is the builder's instant: the request on
/// Monday 2 March 2026 09:00 in Jiaxing, the window on Wednesday 4 March 10:00-12:00.
/// </summary>
public sealed class RehabTalliesTests
{
    private static readonly DateOnly March2 = new(2026, 3, 2);
    private static readonly DateOnly March4 = new(2026, 3, 4);

    private static RehabStatsRow Row(VisitBuilder v) => RehabProjection.Row(v.Build(), v.Clocks);

    private static List<CounterCell> Cells(VisitBuilder v) => [.. RehabTallies.Of(Row(v))];

    private static bool Counts(VisitBuilder v, string measure, DateOnly day) =>
        Cells(v).Contains(new CounterCell(StatsPeriod.Day, day, measure))
        && Cells(v).Contains(new CounterCell(StatsPeriod.Month, StatsPeriod.Start(StatsPeriod.Month, day), measure))
        && Cells(v).Contains(new CounterCell(StatsPeriod.Year, StatsPeriod.Start(StatsPeriod.Year, day), measure));

    private static bool Gauge(VisitBuilder v, string measure) => Cells(v).Contains(CounterCell.Current(measure));

    private static VisitBuilder Booked() => VisitBuilder.AcceptedRequest().Scheduled().Assigned();

    [Fact]
    public void A_request_counts_requested_and_active_on_its_day_and_open_in_the_city_its_county_and_its_provider()
    {
        var requested = VisitBuilder.AcceptedRequest();

        Counts(requested, Requested, March2).Should().BeTrue();
        Counts(requested, RequestedActive, March2).Should().BeTrue();
        Gauge(requested, Open).Should().BeTrue();
        Cells(requested).Should().NotContain(c => c.Measure == RequestedCompleted);
        StatsContribution.Of(Row(requested)).Scopes.Should().Equal("city", "county:330402", "unit:330402-REHAB-1");
        StatsContribution.Of(Row(requested)).ItemType.Should().Be("rehab_visit");
    }

    [Fact]
    public void A_check_in_within_five_working_days_of_the_request_is_an_on_time_first_visit()
    {
        var checkedIn = Booked().At(Shanghai.At(2026, 3, 4, 10, 5)).CheckedIn();

        Counts(checkedIn, FirstVisitCounted, March4).Should().BeTrue();
        Counts(checkedIn, FirstVisitOnTime, March4).Should().BeTrue();
    }

    [Fact]
    public void A_late_first_visit_is_counted_but_not_on_time_and_a_visit_without_a_first_visit_clock_is_not_counted()
    {
        var late = VisitBuilder.AcceptedRequest().Scheduled(Shanghai.At(2026, 3, 12, 10)).Assigned().At(Shanghai.At(2026, 3, 12, 10, 5)).CheckedIn();
        Counts(late, FirstVisitCounted, new DateOnly(2026, 3, 12)).Should().BeTrue();
        Cells(late).Should().NotContain(c => c.Measure == FirstVisitOnTime);

        var follower = VisitBuilder.AcceptedRequest(firstVisit: false).Scheduled().Assigned().At(Shanghai.At(2026, 3, 4, 10, 5)).CheckedIn();
        Cells(follower).Should().NotContain(c => c.Measure == FirstVisitCounted);
    }

    [Fact]
    public void A_completion_with_notes_files_the_record_on_time_and_counts_completed_on_its_day()
    {
        var done = Booked().At(Shanghai.At(2026, 3, 4, 10, 5)).CheckedIn().At(Shanghai.At(2026, 3, 4, 11, 30)).Completed("完成康复训练");

        foreach (var measure in new[] { Completed, RecordCounted, RecordOnTime })
        {
            Counts(done, measure, March4).Should().BeTrue(measure);
        }
        Counts(done, RequestedCompleted, March2).Should().BeTrue("completion counts on the day requested too");
        Gauge(done, Open).Should().BeFalse();
    }

    [Fact]
    public void A_record_filed_after_its_one_working_day_is_counted_but_not_on_time()
    {
        var completed = Booked().At(Shanghai.At(2026, 3, 4, 10, 5)).CheckedIn().At(Shanghai.At(2026, 3, 4, 11, 30)).Completed();
        Counts(completed, RecordCounted, March4).Should().BeTrue();
        Cells(completed).Should().NotContain(c => c.Measure == RecordOnTime);

        var filedLate = completed.At(Shanghai.At(2026, 3, 9, 10)).With(new VisitRecordFiled("补录"));
        Cells(filedLate).Should().NotContain(c => c.Measure == RecordOnTime);

        var filedInTime = completed.At(Shanghai.At(2026, 3, 5, 9)).With(new VisitRecordFiled("按时记录"));
        Counts(filedInTime, RecordOnTime, March4).Should().BeTrue();
    }

    [Fact]
    public void A_missed_window_counts_missed_on_its_day_and_keeps_the_visit_open_and_a_cancelled_visit_leaves_the_completion_base()
    {
        var missed = Booked().At(Shanghai.At(2026, 3, 4, 11)).Missed();
        Counts(missed, Missed, March4).Should().BeTrue();
        Gauge(missed, Open).Should().BeTrue();

        var cancelled = VisitBuilder.AcceptedRequest().At(Shanghai.At(2026, 3, 3, 9)).Cancelled();
        Counts(cancelled, Cancelled, new DateOnly(2026, 3, 3)).Should().BeTrue();
        Cells(cancelled).Should().NotContain(c => c.Measure == RequestedActive);
        Counts(cancelled, Requested, March2).Should().BeTrue();
        Gauge(cancelled, Open).Should().BeFalse();
    }

    [Fact]
    public void A_visit_whose_first_visit_clock_ran_out_is_overdue()
    {
        var overdue = VisitBuilder.AcceptedRequest().At(Shanghai.At(2026, 3, 20, 9));

        Gauge(overdue, Overdue).Should().BeTrue();
        Row(overdue).ClockName.Should().Be(RehabClockNames.FirstVisit);
    }

    [Fact]
    public void The_snapshot_rates_divide_their_counters_and_are_null_without_a_denominator()
    {
        var set = new CounterSet();
        set.Add("city", StatsPeriod.Day, March2, RequestedActive, 4);
        set.Add("city", StatsPeriod.Day, March2, RequestedCompleted, 1);
        var measures = CaseFigures.Rehab(set, "city", StatsPeriod.Day, March2);

        measures.CompletionRate.Should().Be(0.25);
        measures.OnTimeFirstVisitRate.Should().BeNull();
        measures.OnTimeRecordRate.Should().BeNull();
    }
}
