using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.LegalAid;
using Dispatch.Tests.Unit.Rehab;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// Clock gaming on legal-aid cases and home visits. The case is accepted on Monday 2 March 2026 at 09:00 under the 2012
/// rules (decision within 7 working days = 52.5 working hours): 90% of its decision clock is used on Tuesday 10 March at
/// 11:15. The visit's window is Wednesday 4 March 10:00-12:00: 95% of it has passed at 11:54.
/// </summary>
public sealed class CaseAndVisitClockGamingTests
{
    private static readonly DateTimeOffset NinetyPercent = Shanghai.At(2026, 3, 10, 11).AddMinutes(15);
    private static readonly DateTimeOffset WindowNinetyFive = VisitBuilder.WindowStart.AddMinutes(114);

    private static readonly DocumentsRequested Documents = new("劳动合同复印件、工资流水", null, null);

    /// <summary>What a request for documents at the builder's instant shows, read as the case's host reads it.</summary>
    private static IReadOnlyList<GamingSignal> Signals(CaseBuilder before) =>
        LegalAidClockGaming.Find(before.State, [Documents], TicketClocks.At(before.Now), ClockGamingSettings.Default)?.Signals ?? [];

    private static IReadOnlyList<GamingSignal> Signals(VisitBuilder before, DateTimeOffset newStart)
    {
        var rescheduled = new VisitRescheduled(newStart, newStart.AddHours(2), "家属临时有事", KeepsWorker: true);
        return RehabClockGaming.Find(before.State, [rescheduled], TicketClocks.At(before.Now), ClockGamingSettings.Default)?.Signals ?? [];
    }

    private static CaseBuilder Accepted() => CaseBuilder.Applied().Accepted();

    [Fact]
    public void The_decision_clock_has_used_exactly_90_percent_on_the_scenarios_tuesday()
    {
        var accepted = Accepted();

        ClockGamingRules.ShareUsed(TicketClocks.At(NinetyPercent).Evaluate(accepted.State.Decision!)).Should().Be(0.9);
    }

    [Fact]
    public void Asking_for_documents_at_90_percent_of_the_decision_clock_is_a_late_suspension_charged_to_the_station()
    {
        var signal = Signals(Accepted().At(NinetyPercent)).Should().ContainSingle().Subject;

        signal.Kind.Should().Be(ClockGamingKinds.LateSuspension);
        signal.UnitCode.Should().Be(CaseBuilder.Station);
        signal.Evidence.Clock.Should().Be(LegalAidClockNames.Decision);
        signal.Evidence.ShareUsed.Should().Be(0.9);
        signal.EventVersion.Should().Be(Accepted().State.Version + 1);
        signal.Evidence.Events.Should().Equal(signal.EventVersion);
    }

    [Fact]
    public void Asking_for_documents_a_minute_before_90_percent_raises_nothing()
    {
        Signals(Accepted().At(NinetyPercent.AddMinutes(-1))).Should().BeEmpty();
    }

    [Fact]
    public void The_second_request_for_documents_is_repeated_and_the_first_is_not()
    {
        var accepted = Accepted().At(Shanghai.At(2026, 3, 3, 9));

        Signals(accepted).Should().BeEmpty();
        var once = accepted.DocumentsRequested().At(Shanghai.At(2026, 3, 4, 9)).DocumentsReceived();
        var second = Signals(once).Should().ContainSingle().Subject;

        second.Kind.Should().Be(ClockGamingKinds.RepeatedSuspension);
        second.Evidence.Count.Should().Be(2);
        second.Evidence.Clock.Should().Be(LegalAidClockNames.Decision);
    }

    [Fact]
    public void Documents_asked_before_acceptance_under_the_2012_rules_have_no_decision_clock_to_game()
    {
        Signals(CaseBuilder.Applied().At(Shanghai.At(2026, 3, 11, 9))).Should().BeEmpty();
    }

    [Fact]
    public void A_case_not_yet_stored_raises_nothing()
    {
        LegalAidClockGaming.Find(LegalAidState.Empty, [Documents], TicketClocks.At(NinetyPercent), ClockGamingSettings.Default).Should().BeNull();
    }

    private static VisitBuilder Scheduled() => VisitBuilder.AcceptedRequest().Scheduled().Assigned();

    [Fact]
    public void A_reschedule_before_the_window_opens_is_planning_and_raises_nothing()
    {
        Signals(Scheduled().At(VisitBuilder.WindowStart.AddMinutes(-1)), Shanghai.At(2026, 3, 6, 10)).Should().BeEmpty();
    }

    [Fact]
    public void A_reschedule_at_95_percent_of_the_window_is_late_and_a_minute_earlier_is_not()
    {
        Signals(Scheduled().At(WindowNinetyFive.AddMinutes(-1)), Shanghai.At(2026, 3, 6, 10)).Should().BeEmpty();

        var signal = Signals(Scheduled().At(WindowNinetyFive), Shanghai.At(2026, 3, 6, 10)).Should().ContainSingle().Subject;

        signal.Kind.Should().Be(ClockGamingKinds.LateReschedule);
        signal.UnitCode.Should().Be(VisitBuilder.Provider);
        signal.Evidence.Clock.Should().Be(RehabClockNames.Window);
        signal.Evidence.ShareUsed.Should().Be(0.95);
    }

    [Fact]
    public void A_reschedule_after_the_window_passed_is_late_with_the_share_beyond_the_whole_window()
    {
        var signal = Signals(Scheduled().At(VisitBuilder.WindowStart.AddHours(3)), Shanghai.At(2026, 3, 6, 10)).Should().ContainSingle().Subject;

        signal.Kind.Should().Be(ClockGamingKinds.LateReschedule);
        signal.Evidence.ShareUsed.Should().Be(1.5);
    }
}
