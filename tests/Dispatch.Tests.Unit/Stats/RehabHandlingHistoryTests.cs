using Dispatch.Calendar;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Rehab;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// The visit history behind breach risk: one 'current' cell per clock whose work stopped it, by service type and clock,
/// in minute buckets of the time the clock counted; and the clock of the visit's stage as the read model measures it.
/// The builder's visit is accepted on Monday 2 March 2026 09:00 in Jiaxing, its window Wednesday 4 March 10:00-12:00.
/// </summary>
public sealed class RehabHandlingHistoryTests
{
    private const string Training = "rehabilitation_training";
    private const string Provider = "unit:" + VisitBuilder.Provider;

    private static readonly DateTimeOffset WindowStart = VisitBuilder.WindowStart;

    private static RehabStatsRow Row(VisitBuilder v) => RehabProjection.Row(v.Build(), v.Clocks);

    private static List<string> History(VisitBuilder v) =>
        [.. RehabHandlingHistory.Of(Row(v)).Select(c => c.Measure)];

    private static VisitBuilder CheckedInAtTen() =>
        VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(WindowStart).CheckedIn();

    [Fact]
    public void The_check_in_stops_the_first_visit_clock_at_the_working_hours_it_counted()
    {
        // Monday 09:00 to Wednesday 10:00: 7 working hours on Monday, 7.5 on Tuesday, 1.5 on Wednesday (from 08:30).
        var visit = CheckedInAtTen();

        Row(visit).FirstVisitUsedHours.Should().Be(16);
        History(visit).Should().Equal(RehabHandlingHistory.Measure(Training, RehabClockNames.FirstVisit, 16 * 60));
    }

    [Fact]
    public void Completion_stops_the_window_clock_at_the_elapsed_minutes_since_the_window_opened()
    {
        var visit = CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed("已完成训练。");

        Row(visit).WindowUsedHours.Should().BeApproximately(80 / 60.0, 1e-9);
        History(visit).Should().Contain(RehabHandlingHistory.Measure(Training, RehabClockNames.Window, 75), "80 minutes fall in the 75-minute bucket");
    }

    [Fact]
    public void Notes_with_the_completion_file_the_record_at_once_and_a_later_record_counts_its_working_minutes()
    {
        var withNotes = CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed("已完成训练。");
        // Completed 11:20, recorded 15:00: 40 minutes before lunch and 90 after (13:30-15:00) are working time.
        var later = CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed().At(Shanghai.At(2026, 3, 4, 15)).With(new VisitRecordFiled("补记。"));

        History(withNotes).Should().Contain(RehabHandlingHistory.Measure(Training, RehabClockNames.Record, 0));
        Row(later).RecordUsedHours.Should().BeApproximately(130 / 60.0, 1e-9);
        History(later).Should().Contain(RehabHandlingHistory.Measure(Training, RehabClockNames.Record, 120));
    }

    [Fact]
    public void A_completed_visit_awaiting_its_record_has_no_record_cell_yet()
    {
        var visit = CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed();

        Row(visit).RecordUsedHours.Should().BeNull();
        History(visit).Should().HaveCount(2).And.NotContain(m => m.Contains(":record:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_visit_and_a_missed_window_leave_no_history()
    {
        var cancelled = VisitBuilder.AcceptedRequest().Scheduled().At(Shanghai.At(2026, 3, 3, 9)).Cancelled();
        var missed = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(WindowStart.AddMinutes(30)).Missed();

        History(cancelled).Should().BeEmpty("a cancellation stops the first-visit clock without its work");
        History(missed).Should().BeEmpty("a missed window is no handling time and the first visit is still owed");
    }

    [Fact]
    public void Each_cell_counts_in_the_city_the_persons_county_and_the_provider()
    {
        var changes = CounterDelta.Between(StatsContribution.Of(Row(VisitBuilder.AcceptedRequest().Scheduled().Assigned())), StatsContribution.Of(Row(CheckedInAtTen())));

        changes.Where(c => c.Measure == RehabHandlingHistory.Measure(Training, RehabClockNames.FirstVisit, 960))
            .Should().OnlyContain(c => c.ItemType == ItemTypes.RehabVisit && c.Period == StatsPeriod.Current && c.Delta == 1)
            .And.Subject.Select(c => c.Scope).Should().BeEquivalentTo(["city", "county:330402", Provider]);
    }

    [Fact]
    public void A_row_written_before_the_clock_hours_were_kept_gives_no_cell()
    {
        var old = Row(CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed("已完成。")) with
        {
            FirstVisitUsedHours = null, WindowUsedHours = null, RecordUsedHours = null,
        };

        RehabHandlingHistory.Of(old).Should().BeEmpty();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(14, 0)]
    [InlineData(15, 15)]
    [InlineData(119, 105)]
    [InlineData(479, 465)]
    [InlineData(480, 480)]
    [InlineData(539, 480)]
    [InlineData(540, 540)]
    [InlineData(80 * 60 + 59, 78 * 60)]
    [InlineData(5000 * 60, 4320 * 60)]
    [InlineData(-5, 0)]
    public void Minutes_fall_in_quarter_hours_below_eight_hours_then_in_the_ticket_buckets(long minutes, long edge) =>
        RehabHandlingTimeBuckets.EdgeOf(minutes).Should().Be(edge);

    [Fact]
    public void An_owed_first_visit_is_the_stage_clock_measured_in_working_time_now()
    {
        var visit = VisitBuilder.AcceptedRequest().Scheduled().At(Shanghai.At(2026, 3, 3, 9));

        var stage = RehabStageClock.Measure(visit.Build(), visit.Clocks);

        stage.Should().NotBeNull();
        stage!.Value.Clock.Should().Be(RehabClockNames.FirstVisit);
        stage.Value.Measure.Should().Be(new HandlingMeasure(37.5, 7.5, Working: true, Shanghai.At(2026, 3, 3, 9)));
    }

    [Fact]
    public void A_plan_visits_window_that_has_not_begun_counts_from_its_start()
    {
        var visit = VisitBuilder.AcceptedRequest(firstVisit: false).Scheduled();

        var stage = RehabStageClock.Measure(visit.Build(), visit.Clocks)!.Value;

        stage.Clock.Should().Be(RehabClockNames.Window);
        stage.Measure.Should().Be(new HandlingMeasure(2, 0, Working: false, WindowStart));
        var calendar = CalendarTimeline.Of(Shanghai.Calendar);
        HandlingPosition.At(stage.Measure, false, WindowStart, WindowStart.AddHours(2), Shanghai.At(2026, 3, 3, 9), calendar)
            .Should().Be(new HandlingPosition(0, 2), "nothing is counted before the window opens");
        HandlingPosition.At(stage.Measure, false, WindowStart, WindowStart.AddHours(2), WindowStart.AddMinutes(30), calendar)
            .Should().Be(new HandlingPosition(0.5, 1.5));
    }

    [Fact]
    public void The_record_is_the_stage_once_the_visit_is_done_and_nothing_once_it_is_filed()
    {
        var awaiting = CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed();
        var filed = CheckedInAtTen().At(WindowStart.AddMinutes(80)).Completed("已完成。");

        var stage = RehabStageClock.Measure(awaiting.Build(), awaiting.Clocks)!.Value;
        stage.Clock.Should().Be(RehabClockNames.Record);
        stage.Measure.Should().Be(new HandlingMeasure(7.5, 0, Working: true, WindowStart.AddMinutes(80)));
        RehabStageClock.Measure(filed.Build(), filed.Clocks).Should().BeNull();
    }

    [Fact]
    public void A_missed_first_visit_keeps_its_first_visit_clock_as_the_stage()
    {
        var visit = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(WindowStart.AddMinutes(30)).Missed();

        RehabStageClock.Of(visit.Build())!.Name.Should().Be(RehabClockNames.FirstVisit);
    }

    [Fact]
    public void The_estimate_reads_the_providers_minute_buckets_first()
    {
        // Ten windows done in 60-74 minutes and ten in 150-164: an open window 30 minutes in with 90 left is as likely to run over as not.
        var history = new CounterSet();
        history.Set(Provider, StatsPeriod.Current, StatsPeriod.CurrentStart, RehabHandlingHistory.Measure(Training, RehabClockNames.Window, 60), 10);
        history.Set(Provider, StatsPeriod.Current, StatsPeriod.CurrentStart, RehabHandlingHistory.Measure(Training, RehabClockNames.Window, 150), 10);
        history.Set("city", StatsPeriod.Current, StatsPeriod.CurrentStart, RehabHandlingHistory.Measure(Training, RehabClockNames.Window, 60), 40);

        var estimate = BreachRiskRules.Estimate(
            HandlingHistory.Levels(history, Training, RehabClockNames.Window, VisitBuilder.Provider, "330402"), 30, 90);

        estimate.Should().Be(new BreachEstimate(0.5, "unit", 20, 10));
    }
}
