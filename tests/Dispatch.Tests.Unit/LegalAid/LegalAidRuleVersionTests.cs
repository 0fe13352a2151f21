using Dispatch.LegalAid;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>
/// The two legal-aid rule versions: v1 (from 2025-01-01, the 2012 procedural rules and local practice) and v2 (from
/// 2026-12-01, 《法律援助法》 2021). A case keeps the version it was received under.
/// </summary>
public sealed class LegalAidRuleVersionTests
{
    private static SlaRuleVersions Versions => TicketClocks.Settings.Versions;

    private static SlaRuleSource Source(int version, string clock) =>
        Versions.Find(version)!.Sources.Single(s => s.Item == "legalAid" && s.Name == clock);

    [Fact]
    public void The_law_is_in_force_for_cases_received_from_1_December_2026()
    {
        TicketClocks.Settings.RulesAt(Shanghai.At(2026, 11, 30, 23, 59)).Version.Should().Be(1);
        TicketClocks.Settings.RulesAt(Shanghai.At(2026, 12, 1, 0, 0)).Version.Should().Be(2);
        Versions.Find(2)!.EffectiveFrom.Should().Be(new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void Version_1_keeps_what_shipped_with_its_sources_told_truthfully()
    {
        var v1 = LegalAidClockRules.From(Versions.Find(1)!);

        v1.Should().Be(new LegalAidClockRules(SlaDuration.WorkingDays(7), SlaDuration.CalendarDays(3), SlaDuration.CalendarDays(5),
            SlaDuration.WorkingDays(7), SlaDuration.WorkingDays(5), 1, DecisionFromReceipt: false));
        Source(1, "decision").Source.Should().Contain("《办理法律援助案件程序规定》(2012)").And.NotContain("法律援助法》(2021)");
        Source(1, "decision").From.Should().Be("acceptance");
        Source(1, "objection_window").Source.Should().StartWith("Local practice").And.Contain("county justice bureau").And.NotContain("《中华人民共和国法律援助法》");
        Source(1, "agreement").Source.Should().StartWith("Local practice").And.NotContain("《");
    }

    [Fact]
    public void Version_2_follows_the_law_with_the_agreement_labelled_local_practice_and_no_objection_window()
    {
        var v2 = LegalAidClockRules.From(Versions.Find(2)!);

        v2.Should().Be(new LegalAidClockRules(SlaDuration.CalendarDays(7), SlaDuration.CalendarDays(3), SlaDuration.CalendarDays(5),
            null, SlaDuration.CalendarDays(5), 2, DecisionFromReceipt: true));
        Source(2, "decision").Source.Should().Contain("法律援助法》(2021) 第四十三条");
        Source(2, "assignment").Source.Should().Contain("第四十三条");
        Source(2, "objection_review").Source.Should().Contain("第四十九条");
        Source(2, "agreement").Source.Should().StartWith("Local practice").And.NotContain("第");
        Versions.Find(2)!.Sources.Should().NotContain(s => s.Item == "legalAid" && s.Name == "objection_window");
    }

    [Fact]
    public void No_source_of_any_version_presents_local_practice_as_statute() =>
        Versions.All.SelectMany(v => v.Sources).Where(s => s.Source.StartsWith("Local", StringComparison.Ordinal))
            .Should().OnlyContain(s => !s.Source.Contains("第四十") && !s.Source.Contains("《中华人民共和国法律援助法》"));

    [Fact]
    public void Ticket_and_petition_rules_are_the_same_in_every_version()
    {
        var (v1, v2) = (Versions.Find(1)!, Versions.Find(2)!);

        v2.TicketEntries.Select(r => (r.Kind, r.Urgency, string.Join(",", r.Clocks.Select(c => $"{c.Key}={c.Value}"))))
            .Should().Equal(v1.TicketEntries.Select(r => (r.Kind, r.Urgency, string.Join(",", r.Clocks.Select(c => $"{c.Key}={c.Value}")))));
        v2.PetitionLengths.Should().Equal(v1.PetitionLengths);
        v2.Sources.Where(s => s.Item is "ticket" or "petition").Should().Equal(v1.Sources.Where(s => s.Item is "ticket" or "petition"));
    }

    [Fact]
    public void Under_the_law_the_decision_clock_runs_from_receipt_before_acceptance()
    {
        var applied = CaseBuilder.AppliedUnderTheLaw();

        applied.Build().Decision.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == CaseBuilder.UnderTheLaw && c.Length == SlaDuration.CalendarDays(7));
        var accepted = applied.At(CaseBuilder.UnderTheLaw.AddDays(2)).Accepted().Build();
        accepted.Decision!.StartedAt.Should().Be(CaseBuilder.UnderTheLaw, "acceptance does not restart the clock the Law starts at receipt");
        accepted.Rules.RuleVersion.Should().Be(2);
    }

    [Fact]
    public void Under_version_1_the_decision_clock_waits_for_acceptance()
    {
        var applied = CaseBuilder.Applied();

        applied.Build().Decision.Should().BeNull();
        applied.At(CaseBuilder.Start.AddHours(2)).Accepted().Build().Decision!.StartedAt.Should().Be(CaseBuilder.Start.AddHours(2));
    }

    [Fact]
    public void Under_the_law_waiting_for_documents_still_stops_the_decision_clock()
    {
        var waiting = CaseBuilder.AppliedUnderTheLaw().Accepted().At(CaseBuilder.UnderTheLaw.AddDays(1)).DocumentsRequested();

        waiting.Build().Decision!.Paused.Should().BeTrue();
        waiting.At(CaseBuilder.UnderTheLaw.AddDays(3)).DocumentsReceived().Build().Decision!.Pauses.Should().ContainSingle()
            .Which.To.Should().Be(CaseBuilder.UnderTheLaw.AddDays(3));
    }

    [Fact]
    public void A_refusal_under_the_law_opens_no_objection_window_and_an_objection_may_come_until_archived()
    {
        var refused = CaseBuilder.AppliedUnderTheLaw().Accepted().Refused().At(CaseBuilder.UnderTheLaw.AddDays(60));

        refused.Build().ObjectionWindow.Should().BeNull();
        LegalAidViews.From(refused.Build(), refused.Clocks).ObjectionWindowEndsAt.Should().BeNull();
        LegalAidRules.AllowedActions(refused.Build(), refused.Clocks).Should().BeEquivalentTo([LegalAidActions.Object, LegalAidActions.Archive]);
        var objected = refused.Applying(LegalAidRules.RecordObjection(refused.Build(), Actors.Operator, new RecordObjection("收入已低于低保标准。"), refused.Clocks));
        objected.Build().ObjectionReview.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.CalendarDays(5));
    }

    [Fact]
    public void A_refusal_under_version_1_opens_the_local_objection_window()
    {
        var refused = CaseBuilder.Applied().Accepted().Refused();

        refused.Build().ObjectionWindow.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.WorkingDays(7));
        LegalAidRules.AllowedActions(refused.Build(), refused.Clocks).Should().Equal(LegalAidActions.Object);
    }
}
