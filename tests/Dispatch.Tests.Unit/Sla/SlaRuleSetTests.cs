using System.Text.Json.Nodes;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;
using Dispatch.Tickets;

namespace Dispatch.Tests.Unit.Sla;

public sealed class SlaRuleSetTests
{
    private static readonly string ShippedPath = Shanghai.ReferenceData("sla-rules", "v1.json");
    private static readonly SlaRuleSet Shipped = SlaRuleSet.Load(ShippedPath);

    private static SlaRuleSet Edited(Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath))!;
        edit(json);
        return SlaRuleSet.Parse(json.ToJsonString(), "sla-rules/v1.json");
    }

    [Fact]
    public void The_shipped_rules_carry_their_version_start_date_and_warning_share()
    {
        Shipped.Version.Should().Be(1);
        Shipped.EffectiveFrom.Should().Be(new DateOnly(2025, 1, 1));
        Shipped.WarningAtPercent.Should().Be(75);
    }

    [Fact]
    public void A_normal_complaint_is_handled_in_10_working_days()
    {
        var rules = TicketClockRules.From(Shipped, "complaint", "normal");

        rules.Should().Be(new TicketClockRules(
            SlaDuration.WorkingDays(1), SlaDuration.WorkingDays(10), SlaDuration.WorkingDays(2), SlaDuration.WorkingDays(10), 1, "complaint"));
    }

    [Fact]
    public void An_urgent_petition_keeps_the_statutory_limits_and_adds_only_the_first_contact_clock()
    {
        var urgent = TicketClockRules.From(Shipped, "petition", "urgent");
        var normal = TicketClockRules.From(Shipped, "petition", "normal");

        urgent.RuleKind.Should().Be("petition");
        urgent.SignFor.Should().Be(SlaDuration.WorkingHours(1));
        normal.SignFor.Should().BeNull("a petition's first statutory step is the acceptance decision, not a sign-for");
        urgent.Handling.Should().Be(normal.Handling);
        urgent.Petition.Should().Be(normal.Petition);
    }

    [Fact]
    public void A_petition_counts_the_days_of_the_petition_regulation()
    {
        var rules = TicketClockRules.From(Shipped, "petition", "normal");

        rules.Handling.Should().Be(SlaDuration.CalendarDays(60));
        rules.ExtensionCap.Should().Be(SlaDuration.CalendarDays(30));
        rules.Callback.Should().Be(SlaDuration.WorkingDays(5));
        rules.Petition.Should().Be(new PetitionLimits(
            SlaDuration.CalendarDays(15), SlaDuration.CalendarDays(60), SlaDuration.CalendarDays(30),
            SlaDuration.CalendarDays(30), SlaDuration.CalendarDays(30), SlaDuration.CalendarDays(30)));
    }

    [Fact]
    public void Rules_without_every_step_of_the_petition_procedure_are_refused()
    {
        var act = () => Edited(json => json["petitionRules"]!.AsArray().RemoveAt(0));

        act.Should().Throw<SlaRulesException>().WithMessage("*petitionRules*acceptance*");
    }

    [Fact]
    public void An_exact_kind_beats_the_rule_for_every_kind()
    {
        var rules = Edited(json => json["ticketRules"]!.AsArray().Add(JsonNode.Parse("""
            { "kind": "complaint", "urgency": "urgent",
              "signFor": { "amount": 2, "unit": "working_hours" }, "handling": { "amount": 2, "unit": "working_days" },
              "callback": { "amount": 1, "unit": "working_days" }, "extensionCap": { "amount": 0, "unit": "working_days" },
              "source": "test rule" }
            """)));

        TicketClockRules.From(rules, "complaint", "urgent").Handling.Should().Be(SlaDuration.WorkingDays(2));
        TicketClockRules.From(rules, "help", "urgent").Handling.Should().Be(SlaDuration.WorkingDays(1));
    }

    [Fact]
    public void An_unknown_kind_fails_naming_the_kind_and_urgency()
    {
        var act = () => TicketClockRules.From(Shipped, "lottery", "normal");

        act.Should().Throw<SlaRuleNotFoundException>().WithMessage("*'lottery'*'normal'*");
    }

    [Fact]
    public void Legal_aid_and_rehabilitation_clocks_are_found_by_name()
    {
        Shipped.LegalAid("decision").Should().Be(SlaDuration.WorkingDays(7));
        Shipped.LegalAid("assignment").Should().Be(SlaDuration.CalendarDays(3));
        Shipped.Rehab("visit_window").Should().Be(SlaDuration.Hours(2));
    }

    [Fact]
    public void An_unknown_clock_name_fails_naming_it()
    {
        var act = () => Shipped.Rehab("massage");

        act.Should().Throw<SlaRuleNotFoundException>().WithMessage("*rehabilitation clock 'massage'*first_visit*");
    }

    [Fact]
    public void An_unknown_unit_is_named_with_its_rule()
    {
        var act = () => Edited(json => json["ticketRules"]![1]!["handling"]!["unit"] = "weeks");

        act.Should().Throw<SlaRulesException>().WithMessage("*ticketRules[1] (inquiry/normal) handling*'weeks'*");
    }

    [Fact]
    public void A_zero_length_clock_is_named()
    {
        var act = () => Edited(json => json["legalAidRules"]![0]!["amount"] = 0);

        act.Should().Throw<SlaRulesException>().WithMessage("*legalAidRules[0] (decision)*amount 0*");
    }

    [Fact]
    public void Two_rules_for_the_same_kind_and_urgency_are_refused()
    {
        var act = () => Edited(json => json["ticketRules"]![2]!["kind"] = "inquiry");

        act.Should().Throw<SlaRulesException>().WithMessage("*ticketRules[2] (inquiry/normal) repeats*");
    }

    [Fact]
    public void An_extension_cap_that_counts_time_differently_from_handling_is_refused()
    {
        var act = () => Edited(json => json["ticketRules"]![4]!["extensionCap"]!["unit"] = "calendar_days");

        act.Should().Throw<SlaRulesException>().WithMessage("*ticketRules[4] (complaint/normal) extensionCap*calendar_days*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    public void A_warning_share_outside_1_to_100_percent_is_refused(int percent)
    {
        var act = () => Edited(json => json["warningAtPercent"] = percent);

        act.Should().Throw<SlaRulesException>().WithMessage($"*warningAtPercent*{percent}*");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var act = () => SlaRuleSet.Load("/nowhere/sla-rules.json");

        act.Should().Throw<SlaRulesException>().WithMessage("*/nowhere/sla-rules.json*");
    }

    [Fact]
    public void Every_shipped_rule_names_its_source()
    {
        Shipped.Sources.Should().HaveCount(Shipped.TicketEntries.Count + Shipped.LegalAidClocks.Count + Shipped.RehabClocks.Count
            + Shipped.PetitionLengths.Count);
        Shipped.Sources.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Source));
        Shipped.Sources.Where(s => s.Item == "petition" && s.Name != "urgent_first_contact" && s.Name != "callback")
            .Should().HaveCount(7).And.OnlyContain(s => s.Source.Contains("信访工作条例"));
        Shipped.Sources.Where(s => s.Name is "urgent_first_contact" or "callback").Should().OnlyContain(s => s.Source.StartsWith("Local default"));
    }

    [Fact]
    public void A_rule_without_a_source_is_refused_naming_the_entry()
    {
        var act = () => Edited(json => json["legalAidRules"]![0]!.AsObject().Remove("source"));

        act.Should().Throw<SlaRulesException>().WithMessage("*legalAidRules[0] (decision)*source*");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dispatch")]
    public void A_legal_aid_decision_that_does_not_say_where_it_starts_is_refused(string? from)
    {
        var act = () => Edited(json => json["legalAidRules"]![0]!["from"] = from);

        act.Should().Throw<SlaRulesException>().WithMessage("*legalAidRules (decision)*'from'*receipt*acceptance*");
    }

    [Fact]
    public void The_objection_window_is_optional_but_every_other_legal_aid_clock_is_required()
    {
        var withoutWindow = Edited(json => json["legalAidRules"]!.AsArray().RemoveAt(3));
        var withoutReview = () => Edited(json => json["legalAidRules"]!.AsArray().RemoveAt(4));

        withoutWindow.LegalAidObjectionWindow.Should().BeNull();
        withoutReview.Should().Throw<SlaRulesException>().WithMessage("*legalAidRules*objection_review*");
    }
}
