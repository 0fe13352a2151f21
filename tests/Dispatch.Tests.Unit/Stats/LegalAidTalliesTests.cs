using Dispatch.LegalAid;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.LegalAid;
using FluentAssertions;
using static Dispatch.Stats.LegalAidTallies;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// Which counters a legal-aid case adds 1 to, from the row its projection stores. Time is the builder's instant (the
/// clocks are read there, as the grain reads them at its TimeProvider's now): Monday 2 March 2026 09:00 in Jiaxing.
/// </summary>
public sealed class LegalAidTalliesTests
{
    private static readonly DateOnly March2 = new(2026, 3, 2);

    private static LegalAidStatsRow Row(CaseBuilder c) => LegalAidProjection.Row(c.Build(), c.Clocks);

    private static List<CounterCell> Cells(CaseBuilder c) => [.. LegalAidTallies.Of(Row(c))];

    private static bool Counts(CaseBuilder c, string measure, DateOnly day) =>
        Cells(c).Contains(new CounterCell(StatsPeriod.Day, day, measure))
        && Cells(c).Contains(new CounterCell(StatsPeriod.Month, StatsPeriod.Start(StatsPeriod.Month, day), measure))
        && Cells(c).Contains(new CounterCell(StatsPeriod.Year, StatsPeriod.Start(StatsPeriod.Year, day), measure));

    private static bool Gauge(CaseBuilder c, string measure) => Cells(c).Contains(CounterCell.Current(measure));

    [Fact]
    public void An_application_counts_received_on_its_local_day_and_open_in_the_city_its_county_and_its_station()
    {
        var applied = CaseBuilder.Applied();

        Counts(applied, Received, March2).Should().BeTrue();
        Gauge(applied, Open).Should().BeTrue();
        Cells(applied).Should().NotContain(c => c.Measure == Decided);
        StatsContribution.Of(Row(applied)).Scopes.Should().Equal("city", "county:330402", "unit:330402-LEGAL");
        StatsContribution.Of(Row(applied)).ItemType.Should().Be("legal_aid_case");
    }

    [Fact]
    public void An_application_after_four_in_the_afternoon_UTC_counts_on_the_next_local_day()
    {
        var applied = CaseBuilder.Applied(at: new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero));

        Counts(applied, Received, new DateOnly(2026, 4, 1)).Should().BeTrue();
    }

    [Fact]
    public void A_grant_within_seven_working_days_counts_decided_granted_and_on_time_on_the_day_of_the_decision()
    {
        var granted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 5, 10)).Granted();
        var day = new DateOnly(2026, 3, 5);

        foreach (var measure in new[] { Decided, Granted, DecisionCounted, DecisionOnTime })
        {
            Counts(granted, measure, day).Should().BeTrue(measure);
        }
        Cells(granted).Should().NotContain(c => c.Measure == Refused);
        Gauge(granted, Open).Should().BeTrue("granted aid still awaits its handler");
    }

    [Fact]
    public void A_decision_after_the_decision_deadline_is_counted_but_not_on_time()
    {
        var late = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 13, 10)).Refused();
        var day = new DateOnly(2026, 3, 13);

        Counts(late, DecisionCounted, day).Should().BeTrue();
        Counts(late, Refused, day).Should().BeTrue();
        Cells(late).Should().NotContain(c => c.Measure == DecisionOnTime || c.Measure == Granted);
    }

    [Fact]
    public void A_refusal_is_closed_unless_an_objection_is_pending_and_a_granted_objection_turns_it_into_granted_aid()
    {
        var refused = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 4, 10)).Refused();
        Gauge(refused, Open).Should().BeFalse();

        var objected = refused.At(Shanghai.At(2026, 3, 6, 10)).Objected();
        Gauge(objected, Open).Should().BeTrue();

        var overturned = objected.At(Shanghai.At(2026, 3, 9, 10)).ObjectionDecided(ObjectionRulings.Grant);
        Counts(overturned, Granted, new DateOnly(2026, 3, 4)).Should().BeTrue("the decision keeps its first day");
        Cells(overturned).Should().NotContain(c => c.Measure == Refused);
    }

    [Fact]
    public void The_first_assignment_within_three_days_of_the_grant_is_on_time_and_a_later_one_is_not()
    {
        var granted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 3, 10)).Granted();

        var prompt = granted.At(Shanghai.At(2026, 3, 4, 10)).Assigned();
        Counts(prompt, Assigned, new DateOnly(2026, 3, 4)).Should().BeTrue();
        Counts(prompt, AssignedOnTime, new DateOnly(2026, 3, 4)).Should().BeTrue();

        var late = granted.At(Shanghai.At(2026, 3, 9, 10)).Assigned();
        Counts(late, Assigned, new DateOnly(2026, 3, 9)).Should().BeTrue();
        Cells(late).Should().NotContain(c => c.Measure == AssignedOnTime);

        var reassigned = prompt.At(Shanghai.At(2026, 3, 10, 10)).Assigned("赵律师");
        Counts(reassigned, AssignedOnTime, new DateOnly(2026, 3, 4)).Should().BeTrue("a new handler does not move the first assignment");
    }

    [Fact]
    public void A_concluded_case_counts_concluded_on_its_day_and_is_no_longer_open()
    {
        var concluded = CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned().At(Shanghai.At(2026, 4, 20, 15)).Concluded();

        Counts(concluded, Concluded, new DateOnly(2026, 4, 20)).Should().BeTrue();
        Gauge(concluded, Open).Should().BeFalse();
    }

    [Fact]
    public void A_case_is_at_risk_once_its_decision_clock_warns_and_overdue_once_it_ran_out()
    {
        var accepted = CaseBuilder.Applied().Accepted();
        var warnAt = accepted.Clocks.Evaluate(accepted.Build().Decision!).WarnAt;

        var warning = accepted.At(warnAt.AddMinutes(1));
        Gauge(warning, AtRisk).Should().BeTrue();
        Gauge(warning, Overdue).Should().BeFalse();
        Row(warning).ClockName.Should().Be(LegalAidClockNames.Decision);

        var overdue = accepted.At(Shanghai.At(2026, 3, 20, 9));
        Gauge(overdue, Overdue).Should().BeTrue();
        Gauge(overdue, AtRisk).Should().BeFalse();
    }

    [Fact]
    public void The_snapshot_rates_divide_their_counters_and_are_null_without_a_denominator()
    {
        var set = new CounterSet();
        CaseFigures.LegalAid(set, "city", StatsPeriod.Day, March2).Should().BeEquivalentTo(new LegalAidMeasures());

        set.Add("city", StatsPeriod.Day, March2, Decided, 4);
        set.Add("city", StatsPeriod.Day, March2, Granted, 3);
        set.Add("city", StatsPeriod.Day, March2, DecisionCounted, 4);
        set.Add("city", StatsPeriod.Day, March2, DecisionOnTime, 2);
        var measures = CaseFigures.LegalAid(set, "city", StatsPeriod.Day, March2);

        measures.GrantRate.Should().Be(0.75);
        measures.OnTimeDecisionRate.Should().Be(0.5);
        measures.OnTimeAssignmentRate.Should().BeNull();
    }
}
