using Dispatch.LegalAid;
using Dispatch.Sla;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.LegalAid;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// An open case's running stage clock as the read model keeps it (<see cref="LegalAidStageClocks"/>) and as breach risk
/// reads it later (<see cref="HandlingPosition"/>): the hours counted and left must be what the clock itself says then.
/// </summary>
public sealed class RunningClockMeasureTests
{
    private static HandlingMeasure Measured(CaseBuilder c) => LegalAidStageClocks.Of(c.Build(), c.Clocks).Running!.Value;

    private static HandlingPosition Position(HandlingMeasure measure, DateTimeOffset now) =>
        HandlingPosition.At(measure, paused: false, now, now, now, TicketClocks.Settings.Calendars.ForCounty("330402"));

    /// <summary>What the clock itself says at <paramref name="now"/>: counted hours, and hours it counts until its due time.</summary>
    private static HandlingPosition Truth(ClockRecord clock, DateTimeOffset now)
    {
        var view = TicketClocks.At(now).Evaluate(clock);
        var atDue = TicketClocks.At(view.DueAt).Evaluate(clock);
        return new HandlingPosition(view.Used.TotalHours, (atDue.Used - view.Used).TotalHours);
    }

    [Fact]
    public void A_working_day_decision_clock_counts_only_working_hours_after_it_was_measured()
    {
        // Accepted Monday 09:00 (7 working days = 52.5 working hours), written at 10:00; on Tuesday 09:00 it has counted
        // 1 + 2 + 4 + 0.5 = 7.5 working hours (no night, no lunch break).
        var written = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 2, 10));
        var measure = Measured(written);

        measure.Should().Be(new HandlingMeasure(52.5, 1, Working: true, Shanghai.At(2026, 3, 2, 10)));
        Position(measure, Shanghai.At(2026, 3, 3, 9)).Should().Be(new HandlingPosition(7.5, 45));
        Position(measure, Shanghai.At(2026, 3, 3, 9)).Should().Be(Truth(written.Build().Decision!, Shanghai.At(2026, 3, 3, 9)));
    }

    [Fact]
    public void A_statutory_day_clock_counts_nothing_before_the_midnight_after_its_start()
    {
        // Granted Friday 16:00: three days from Saturday 00:00, due at 24:00 on Monday.
        var granted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 6, 16)).Granted();
        var measure = Measured(granted);

        measure.Should().Be(new HandlingMeasure(72, 0, Working: false, Shanghai.At(2026, 3, 7, 0)));
        Position(measure, Shanghai.At(2026, 3, 6, 20)).Should().Be(new HandlingPosition(0, 72));
        foreach (var now in new[] { Shanghai.At(2026, 3, 6, 20), Shanghai.At(2026, 3, 7, 9), Shanghai.At(2026, 3, 9, 12) })
        {
            Position(measure, now).Should().Be(Truth(granted.Build().Assignment!, now), $"at {now:O}");
        }
    }

    [Fact]
    public void A_statutory_period_ending_on_a_day_off_leaves_the_days_it_runs_on()
    {
        // Granted Wednesday 10:00: days Thursday to Saturday; Saturday is a day off, so the period ends at 24:00 on Monday
        // and the clock has 120 hours to count from Thursday 00:00, not 72. On Friday 12:00: 36 counted, 84 left.
        var granted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 4, 10)).Granted();
        var measure = Measured(granted);

        measure.AllowedHours.Should().Be(120);
        Position(measure, Shanghai.At(2026, 3, 6, 12)).Should().Be(new HandlingPosition(36, 84));
        Position(measure, Shanghai.At(2026, 3, 6, 12)).Should().Be(Truth(granted.Build().Assignment!, Shanghai.At(2026, 3, 6, 12)));
    }

    [Fact]
    public void A_clock_measured_after_a_pause_for_documents_counts_on_from_its_resumption()
    {
        // Accepted Monday 09:00, documents asked for at 10:00 and received Wednesday 10:00: 1 working hour counted.
        var resumed = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 2, 10)).DocumentsRequested()
            .At(Shanghai.At(2026, 3, 4, 10)).DocumentsReceived();
        var measure = Measured(resumed);

        measure.UsedHours.Should().Be(1);
        Position(measure, Shanghai.At(2026, 3, 4, 15)).Should().Be(Truth(resumed.Build().Decision!, Shanghai.At(2026, 3, 4, 15)));
    }

    [Fact]
    public void The_measured_clock_is_the_one_the_row_names_and_a_case_without_a_running_clock_has_none()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().At(Shanghai.At(2026, 3, 3, 10)).Assigned();
        var concluded = assigned.AgreementSigned().Concluded();

        LegalAidStageClocks.Of(assigned.Build(), assigned.Clocks).RunningName.Should().Be(LegalAidProjection.Row(assigned.Build(), assigned.Clocks).ClockName)
            .And.Be(LegalAidClockNames.Agreement);
        LegalAidStageClocks.Of(concluded.Build(), concluded.Clocks).Running.Should().BeNull();
    }
}
