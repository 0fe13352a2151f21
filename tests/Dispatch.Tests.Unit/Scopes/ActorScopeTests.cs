using Dispatch.Scopes;
using Dispatch.Identity;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Scopes;

public sealed class ActorScopeTests
{
    private static readonly StatsScope Nanhu = StatsScope.County("330402");
    private static readonly StatsScope Xiuzhou = StatsScope.County("330411");
    private static readonly StatsScope NanhuCentre = StatsScope.Unit("330402-CENTRE");
    private static readonly StatsScope XiuzhouCentre = StatsScope.Unit("330411-CENTRE");

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "admin", "city", true }, { "admin", "xiuzhou-centre", true },
        { "city-supervisor", "city", true }, { "city-supervisor", "xiuzhou", true }, { "city-supervisor", "nanhu-centre", true },
        { "nanhu-supervisor", "nanhu", true }, { "nanhu-supervisor", "nanhu-centre", true },
        { "nanhu-supervisor", "city", false }, { "nanhu-supervisor", "xiuzhou", false }, { "nanhu-supervisor", "xiuzhou-centre", false },
        { "nanhu-centre-staff", "nanhu-centre", true },
        { "nanhu-centre-staff", "xiuzhou-centre", false }, { "nanhu-centre-staff", "nanhu", false }, { "nanhu-centre-staff", "city", false },
        { "operator", "city", true }, { "operator", "nanhu", false }, { "operator", "nanhu-centre", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_role_watches_only_its_own_scopes(string who, string what, bool allowed)
    {
        var actor = who switch
        {
            "admin" => Actors.Admin,
            "city-supervisor" => Actors.CitySupervisor,
            "nanhu-supervisor" => Actors.NanhuSupervisor,
            "nanhu-centre-staff" => Actors.CentreStaff,
            _ => Actors.Operator,
        };
        var (scope, county) = what switch
        {
            "city" => (StatsScope.City, (string?)null),
            "nanhu" => (Nanhu, null),
            "xiuzhou" => (Xiuzhou, null),
            "nanhu-centre" => (NanhuCentre, "330402"),
            _ => (XiuzhouCentre, "330411"),
        };

        ActorScope.Of(actor).MayWatch(scope, county).Should().Be(allowed);
    }

    [Fact]
    public void The_platform_account_watches_nothing() =>
        ActorScope.Of(Actor.Platform).MayWatch(StatsScope.City, null).Should().BeFalse();

    public static TheoryData<string, string?, string?, bool> Coverage => new()
    {
        { "admin", "330411", "330411-CENTRE", true }, { "operator", "330411", null, true }, { "platform", "330483", null, true },
        { "city-supervisor", "330411", "330411-CENTRE", true },
        { "nanhu-supervisor", "330402", "330402-CENTRE", true }, { "nanhu-supervisor", "330402", null, true },
        { "nanhu-supervisor", "330411", "330402-CENTRE", false },
        { "nanhu-centre-staff", "330402", "330402-CENTRE", true }, { "nanhu-centre-staff", "330402", "330402-LEGAL", false },
        { "nanhu-centre-staff", "330402", null, false },
    };

    [Theory]
    [MemberData(nameof(Coverage))]
    public void An_item_is_covered_by_its_county_supervisor_and_its_own_unit_only(string who, string? county, string? unit, bool covered)
    {
        var actor = who == "platform" ? Actor.Platform : ActorNamed(who);

        ActorScope.Of(actor).Covers(county, unit).Should().Be(covered);
    }

    [Fact]
    public void A_supervisor_or_staff_member_without_an_area_or_unit_covers_nothing()
    {
        ActorScope.Of(new Actor("s", Roles.Supervisor, null, null)).Covers(null, null).Should().BeFalse();
        ActorScope.Of(new Actor("u", Roles.UnitStaff, null, null)).Covers("330402", null).Should().BeFalse();
    }

    [Fact]
    public void An_unknown_role_covers_nothing() =>
        ActorScope.Of(new Actor("x", "visitor", "330402-CENTRE", "330402")).Covers("330402", "330402-CENTRE").Should().BeFalse();

    [Fact]
    public void Only_a_supervisor_in_scope_supervises_a_county()
    {
        ActorScope.Of(Actors.NanhuSupervisor).SupervisesCounty("330402").Should().BeTrue();
        ActorScope.Of(Actors.NanhuSupervisor).SupervisesCounty("330411").Should().BeFalse();
        ActorScope.Of(Actors.CitySupervisor).SupervisesCounty("330411").Should().BeTrue();
        ActorScope.Of(Actors.Admin).SupervisesCounty("330402").Should().BeFalse();
    }

    [Theory]
    [InlineData("admin", "true", 0)]
    [InlineData("operator", "true", 0)]
    [InlineData("city-supervisor", "true", 0)]
    [InlineData("nanhu-supervisor", "county_code = $1", 1)]
    [InlineData("nanhu-centre-staff", "station_code = $1", 1)]
    public void The_sql_condition_keeps_a_list_inside_the_scope(string who, string condition, int parameters)
    {
        var values = new List<object?>();

        var sql = ActorScope.Of(ActorNamed(who)).SqlCondition("county_code", "station_code", v => { values.Add(v); return "$" + values.Count; });

        sql.Should().Be(condition);
        values.Should().HaveCount(parameters);
        if (parameters == 1)
        {
            values[0].Should().Be(who == "nanhu-supervisor" ? "330402" : Actors.CentreStaff.UnitCode);
        }
    }

    [Fact]
    public void The_sql_condition_of_an_unknown_role_lists_nothing() =>
        ActorScope.Of(new Actor("x", "visitor", null, null)).SqlCondition("c", "u", _ => "$1").Should().Be("false");

    private static Actor ActorNamed(string who) => who switch
    {
        "admin" => Actors.Admin,
        "city-supervisor" => Actors.CitySupervisor,
        "nanhu-supervisor" => Actors.NanhuSupervisor,
        "nanhu-centre-staff" => Actors.CentreStaff,
        _ => Actors.Operator,
    };
}
