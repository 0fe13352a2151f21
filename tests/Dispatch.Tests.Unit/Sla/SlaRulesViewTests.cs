using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

/// <summary>What GET /api/sla-rules shows: the version in force at the top level, and every version with its flag.</summary>
public sealed class SlaRulesViewTests
{
    private static SlaSettings Settings => TicketClocks.Settings;

    [Fact]
    public void Before_version_2_takes_effect_version_1_is_shown_in_force()
    {
        var view = SlaRulesGrain.View(Settings.Versions, Settings.RulesAt(Shanghai.At(2026, 11, 30, 12)));

        view.Version.Should().Be(1);
        view.Rules.Should().Contain(r => r.Item == "legalAid" && r.Name == "objection_window");
        view.Versions.Select(v => (v.Version, v.InForce)).Should().Equal((1, true), (2, false));
    }

    [Fact]
    public void From_1_December_2026_version_2_is_shown_in_force_and_version_1_stays_listed()
    {
        var view = SlaRulesGrain.View(Settings.Versions, Settings.RulesAt(Shanghai.At(2026, 12, 1, 0)));

        view.Version.Should().Be(2);
        view.EffectiveFrom.Should().Be(new DateOnly(2026, 12, 1));
        view.Rules.Should().NotContain(r => r.Name == "objection_window");
        view.Versions.Select(v => (v.Version, v.InForce)).Should().Equal((1, false), (2, true));
        view.Versions[0].Rules.Should().Contain(r => r.Item == "legalAid" && r.Name == "objection_window");
    }

    [Fact]
    public void Every_rule_of_every_version_shows_its_lengths_and_source() =>
        SlaRulesGrain.View(Settings.Versions, Settings.Versions.Latest).Versions.SelectMany(v => v.Rules)
            .Should().OnlyContain(r => r.Clocks.Length > 0 && r.Clocks.All(c => c.Amount > 0 || c.Clock == "extensionCap") && r.Source.Length > 0);

    [Fact]
    public void The_legal_aid_decision_says_where_it_starts_in_each_version()
    {
        var versions = SlaRulesGrain.View(Settings.Versions, Settings.Versions.Latest).Versions;

        versions.Select(v => v.Rules.Single(r => r.Item == "legalAid" && r.Name == "decision").From).Should().Equal("acceptance", "receipt");
    }
}
