using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Units;

/// <summary>The units a silo holds in memory answer the lookups the database used to answer.</summary>
public sealed class UnitSetTests
{
    private static UnitInfo Unit(string code, string kind = UnitKinds.Rehab, string area = "330402", bool active = true) => new(code, kind, area, active);

    [Fact]
    public void A_unit_is_found_by_its_code_with_surrounding_blanks_ignored() =>
        new UnitSet([Unit("330402-CENTRE", UnitKinds.Centre)]).Find(" 330402-CENTRE ").Should().Be(Unit("330402-CENTRE", UnitKinds.Centre));

    [Fact]
    public void An_inactive_unit_is_still_found_by_code_and_says_it_is_inactive() =>
        new UnitSet([Unit("330402-LEGAL", UnitKinds.LegalAid, active: false)]).Find("330402-LEGAL")!.Active.Should().BeFalse();

    [Fact]
    public void A_blank_or_unknown_code_finds_nothing()
    {
        var units = new UnitSet([Unit("330402-REHAB-1")]);
        units.Find("  ").Should().BeNull();
        units.Find("330402-REHAB-9").Should().BeNull();
    }

    [Fact]
    public void The_serving_unit_is_the_first_active_one_by_ordinal_code() =>
        new UnitSet([Unit("330402-REHAB-2"), Unit("330402-REHAB-1", active: false), Unit("330402-REHAB-10"), Unit("330411-REHAB-0", area: "330411")])
            .Serving("330402", UnitKinds.Rehab)!.Code.Should().Be("330402-REHAB-10");

    [Fact]
    public void No_unit_serves_where_every_unit_of_the_kind_is_inactive() =>
        new UnitSet([Unit("330402-LEGAL", UnitKinds.LegalAid, active: false)]).Serving("330402", UnitKinds.LegalAid).Should().BeNull();

    [Fact]
    public void Sets_with_the_same_units_in_any_order_are_the_same_and_a_changed_flag_is_not()
    {
        var a = new UnitSet([Unit("A-1"), Unit("B-1")]);
        a.SameAs(new UnitSet([Unit("B-1"), Unit("A-1")])).Should().BeTrue();
        a.SameAs(new UnitSet([Unit("A-1"), Unit("B-1", active: false)])).Should().BeFalse();
        a.SameAs(new UnitSet([Unit("A-1")])).Should().BeFalse();
    }

    [Fact]
    public void The_directory_reports_whether_a_load_changed_what_it_holds()
    {
        var directory = new UnitDirectory();
        directory.Apply(new UnitSet([Unit("A-1")])).Should().BeTrue();
        directory.Apply(new UnitSet([Unit("A-1")])).Should().BeFalse();
        directory.Apply(new UnitSet([Unit("A-1", active: false)])).Should().BeTrue();
        directory.Find("A-1")!.Active.Should().BeFalse();
    }

    [Fact]
    public void A_directory_read_before_its_first_load_refuses_rather_than_answering_nothing() =>
        new UnitDirectory().Invoking(d => d.Find("A-1")).Should().Throw<InvalidOperationException>();
}
