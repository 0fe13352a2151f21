using Dispatch.Sla;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using UnitCodes = Dispatch.Tests.Unit.Tickets.Units;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// The clock-gaming rules on a complaint (sign-for 1 working day, handling 10 working days = 75 working hours)
/// dispatched to the Nanhu centre on Monday 2 March 2026 at 09:00 and signed at once: 90% of the handling clock is
/// used on Friday 13 March at 09:00, 95% at 14:15 the same day.
/// </summary>
public sealed class ClockGamingRulesTests
{
    private static readonly DateTimeOffset NinetyPercent = Shanghai.At(2026, 3, 13, 9).ToUniversalTime();
    private static readonly DateTimeOffset NinetyFivePercent = Shanghai.At(2026, 3, 13, 14).AddMinutes(15).ToUniversalTime();

    private static TicketStory Signed() => TicketStory.Registered().Dispatched().Signed();

    /// <summary>What the write made by <paramref name="step"/> shows, read as the grain reads it.</summary>
    private static IReadOnlyList<GamingSignal> Signals(TicketStory story, Action<TicketStory> step, ClockGamingSettings? settings = null) =>
        Findings(story, step, settings)?.Signals ?? [];

    private static ClockGamingFindings? Findings(TicketStory story, Action<TicketStory> step, ClockGamingSettings? settings = null)
    {
        var before = story.State;
        step(story);
        return TicketClockGaming.Find(before, story.LastEvents, TicketClocks.At(story.Clock.GetUtcNow()), settings ?? ClockGamingSettings.Default);
    }

    [Fact]
    public void The_handling_clock_has_used_exactly_90_percent_on_the_scenarios_friday_morning()
    {
        var story = Signed().At(NinetyPercent);

        ClockGamingRules.ShareUsed(TicketClocks.Handling(story.State, NinetyPercent)).Should().Be(0.9);
        ClockGamingRules.ShareUsed(TicketClocks.Handling(story.State, NinetyFivePercent)).Should().Be(0.95);
    }

    [Fact]
    public void A_suspension_at_exactly_90_percent_of_the_clock_is_late_with_the_clock_and_share_as_evidence()
    {
        var story = Signed().At(NinetyPercent);

        var signal = Signals(story, s => s.Suspended()).Should().ContainSingle().Subject;

        signal.Kind.Should().Be(ClockGamingKinds.LateSuspension);
        signal.UnitCode.Should().Be(UnitCodes.NanhuCentre);
        signal.Evidence.Clock.Should().Be(ClockNames.Handling);
        signal.Evidence.ShareUsed.Should().Be(0.9);
        signal.Evidence.Events.Should().Equal(story.State.Version);
        signal.EventVersion.Should().Be(story.State.Version);
    }

    [Fact]
    public void A_suspension_a_minute_before_90_percent_is_not_late()
    {
        var story = Signed().At(NinetyPercent.AddMinutes(-1));

        Signals(story, s => s.Suspended()).Should().BeEmpty();
    }

    [Fact]
    public void The_second_suspension_of_one_clock_is_repeated_and_the_first_is_not()
    {
        var story = Signed().After(TimeSpan.FromHours(1));

        Signals(story, s => s.Suspended()).Should().BeEmpty();
        story.After(TimeSpan.FromHours(1)).Resumed();
        var second = Signals(story, s => s.Suspended()).Should().ContainSingle().Subject;

        second.Kind.Should().Be(ClockGamingKinds.RepeatedSuspension);
        second.Evidence.Count.Should().Be(2);
        second.Evidence.Clock.Should().Be(ClockNames.Handling);
    }

    [Fact]
    public void The_repeated_suspension_threshold_is_a_setting()
    {
        var settings = ClockGamingSettings.Default with { RepeatedSuspensions = 3 };
        var story = Signed().Suspended().After(TimeSpan.FromHours(1)).Resumed();

        Signals(story, s => s.Suspended(), settings).Should().BeEmpty();
        story.Resumed();
        Signals(story, s => s.Suspended(), settings).Should().ContainSingle(x => x.Evidence.Count == 3);
    }

    [Fact]
    public void An_extension_asked_at_exactly_95_percent_is_late_and_a_minute_earlier_is_not()
    {
        var early = Signed().At(NinetyFivePercent.AddMinutes(-1));
        var late = Signed().At(NinetyFivePercent);

        Signals(early, s => s.Write(Extension())).Should().BeEmpty();
        var signal = Signals(late, s => s.Write(Extension())).Should().ContainSingle().Subject;

        signal.Kind.Should().Be(ClockGamingKinds.LateExtension);
        signal.Evidence.ShareUsed.Should().Be(0.95);
    }

    [Fact]
    public void A_merge_at_90_percent_is_near_due_and_names_the_ticket_it_went_into()
    {
        var early = Signed().At(NinetyPercent.AddMinutes(-1));
        var late = Signed().At(NinetyPercent);

        Signals(early, s => s.Write(Merge())).Should().BeEmpty();
        var signal = Signals(late, s => s.Write(Merge())).Should().ContainSingle().Subject;

        signal.Kind.Should().Be(ClockGamingKinds.NearDueMerge);
        signal.Evidence.MergedInto.Should().Be("JX12385-20260301-000009");
        signal.Evidence.ShareUsed.Should().Be(0.9);
    }

    [Fact]
    public void The_second_reopening_after_resolution_is_a_loop_and_the_first_is_not()
    {
        var story = Signed().Resolved().CalledBack("unsatisfied");

        Signals(story, s => s.Reopened()).Should().BeEmpty();
        story.Signed().Resolved().CalledBack("unsatisfied");
        var loop = Signals(story, s => s.Reopened()).Should().ContainSingle().Subject;

        loop.Kind.Should().Be(ClockGamingKinds.ReopenLoop);
        loop.Evidence.Count.Should().Be(2);
        loop.UnitCode.Should().Be(UnitCodes.NanhuCentre);
    }

    [Fact]
    public void A_return_sent_back_along_a_pair_it_went_the_other_way_bounces_and_is_charged_to_the_returning_unit()
    {
        var story = TicketStory.Registered().Dispatched(UnitCodes.NanhuCentre).Write(Returned(UnitCodes.NanhuCentre));

        var first = Findings(story, s => s.Write(Dispatched(UnitCodes.XiuzhouCentre)))!;
        first.Signals.Should().BeEmpty();
        first.Passes.Should().ContainSingle(p => p.FromUnit == UnitCodes.NanhuCentre && p.ToUnit == UnitCodes.XiuzhouCentre);
        story.Write(Returned(UnitCodes.XiuzhouCentre));
        var back = Findings(story, s => s.Write(Dispatched(UnitCodes.NanhuCentre)))!;

        back.Passes.Should().ContainSingle(p => p.FromUnit == UnitCodes.XiuzhouCentre && p.ToUnit == UnitCodes.NanhuCentre);
        var bounce = back.Signals.Should().ContainSingle().Subject;
        bounce.Kind.Should().Be(ClockGamingKinds.ReturnBounce);
        bounce.UnitCode.Should().Be(UnitCodes.XiuzhouCentre);
        bounce.Evidence.OtherUnit.Should().Be(UnitCodes.NanhuCentre);
        bounce.Evidence.Count.Should().Be(2);
        bounce.Evidence.Events.Should().HaveCount(2).And.EndWith(story.State.Version);
    }

    [Fact]
    public void A_dispatch_that_follows_no_return_passes_nothing_on()
    {
        var story = TicketStory.Registered();

        Findings(story, s => s.Dispatched()).Should().BeNull();
    }

    [Fact]
    public void Bounces_needs_the_opposite_pass_not_the_same_one()
    {
        ReturnPass[] earlier = [new("A", "B", 3)];

        ClockGamingRules.Bounces(earlier, "B", "A").Should().BeTrue();
        ClockGamingRules.Bounces(earlier, "A", "B").Should().BeFalse();
        ClockGamingRules.Bounces(earlier, "B", "C").Should().BeFalse();
    }

    [Fact]
    public void A_unit_is_flagged_at_exactly_the_factor_times_both_baselines_with_the_minimum_count()
    {
        var settings = ClockGamingSettings.Default;

        ClockGamingComparison.Flags(3, 6, 3, 1, 2, settings).Should().BeTrue();
        ClockGamingComparison.Flags(3, 5.99, 3, 1, 2, settings).Should().BeFalse("below twice its own average");
        ClockGamingComparison.Flags(3, 6, 1, 3.5, 2, settings).Should().BeFalse("below twice the higher peer median");
        ClockGamingComparison.Flags(2, 50, null, null, null, settings).Should().BeFalse("fewer signals than the minimum");
        ClockGamingComparison.Flags(3, 1, null, null, null, settings).Should().BeTrue("no baseline counts as 0");
        ClockGamingComparison.Flags(3, null, null, null, null, settings).Should().BeFalse("no handled items, no rate");
    }

    [Fact]
    public void Peer_medians_leave_out_the_unit_itself_and_units_of_another_kind()
    {
        UnitSignalHistory Unit(string code, string kind, string county, long handled, long late) =>
            new(code, code, code, kind, county, [handled, 0, 0, 0],
                new Dictionary<string, IReadOnlyList<long>> { [ClockGamingKinds.LateSuspension] = [late, 0, 0, 0] });
        UnitSignalHistory[] all =
        [
            Unit("A", "centre", "330402", 100, 9), Unit("B", "centre", "330402", 100, 1), Unit("C", "centre", "330411", 100, 3),
            Unit("D", "legal_aid", "330402", 100, 50),
        ];

        var a = ClockGamingComparison.Compare(all, [all[0]], ClockGamingSettings.Default).Single();

        var late = a.Kinds.Single(k => k.Kind == ClockGamingKinds.LateSuspension);
        late.Rate.Should().Be(9);
        late.CountyPeerMedian.Should().Be(1);
        late.CityPeerMedian.Should().Be(2, "the median of B's 1 and C's 3");
        late.OwnAverage.Should().BeNull("no handled items in the previous periods");
        late.Flagged.Should().BeTrue();
        a.Total.Count.Should().Be(9);
        a.Flagged.Should().BeTrue();
    }

    [Fact]
    public void A_bad_threshold_in_configuration_stops_the_silo_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClockGaming:LateSuspensionShare"] = "1.5",
        }).Build();

        var act = () => ClockGamingSettings.From(configuration);

        act.Should().Throw<ArgumentException>().WithMessage("*ClockGaming:LateSuspensionShare*");
    }

    [Fact]
    public void Thresholds_are_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClockGaming:RepeatedSuspensions"] = "4",
            ["ClockGaming:LateExtensionShare"] = "0.9",
        }).Build();

        var settings = ClockGamingSettings.From(configuration);

        settings.RepeatedSuspensions.Should().Be(4);
        settings.LateExtensionShare.Should().Be(0.9);
        settings.ReopenLoops.Should().Be(ClockGamingSettings.Default.ReopenLoops);
    }

    private static ExtensionRequested Extension() => new(Guid.NewGuid(), SlaDuration.WorkingDays(5), "等待第三方材料");

    private static TicketMerged Merge() => new(Guid.NewGuid(), "JX12385-20260301-000009");

    private static TicketReturned Returned(string unit) => new(unit, "not_our_responsibility", null);

    private static TicketDispatched Dispatched(string unit) => new(unit, false, false, null);
}
