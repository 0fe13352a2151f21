using Dispatch.Identity;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

public sealed class ScopeAccessTests
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

        ScopeAccess.CanWatch(actor, scope, county).Should().Be(allowed);
    }

    [Fact]
    public void The_platform_account_watches_nothing() =>
        ScopeAccess.CanWatch(Actor.Platform, StatsScope.City, null).Should().BeFalse();
}
