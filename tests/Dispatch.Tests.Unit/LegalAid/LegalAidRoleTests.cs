using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;
using A = Dispatch.LegalAid.LegalAidActions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>Who sees a case and who may act: the station works it, the hotline records objections, supervisors review.</summary>
public sealed class LegalAidRoleTests
{
    private static readonly Actor OtherStation = new("staff-xiuzhou-legal", Roles.UnitStaff, "330411-LEGAL", Places.Xiuzhou);

    [Theory]
    [InlineData("staff-centre")]
    [InlineData("staff-xiuzhou-legal")]
    [InlineData("sup-xiuzhou")]
    public void Outside_a_users_scope_the_case_does_not_exist(string who)
    {
        var actor = who switch
        {
            "staff-centre" => Actors.CentreStaff,
            "staff-xiuzhou-legal" => OtherStation,
            _ => Actors.XiuzhouSupervisor,
        };
        var applied = CaseBuilder.Applied();

        LegalAidAccess.CanSee(actor, applied.Build()).Should().BeFalse();
        CaseRequests.Take(A.Accept, applied.Build(), actor, applied.Now).ShouldBeRefused(DomainErrorKind.NotFound);
    }

    [Fact]
    public void Supervisors_of_the_county_and_the_city_see_the_case_but_do_not_do_the_stations_work()
    {
        var applied = CaseBuilder.Applied();

        LegalAidAccess.CanSee(Actors.NanhuSupervisor, applied.Build()).Should().BeTrue();
        LegalAidAccess.CanSee(Actors.CitySupervisor, applied.Build()).Should().BeTrue();
        CaseRequests.Take(A.Accept, applied.Build(), Actors.NanhuSupervisor, applied.Now).ShouldBeRefused(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void The_operator_sees_every_case_and_may_record_an_objection_but_not_decide()
    {
        var refused = CaseBuilder.Applied().Accepted().Refused();

        CaseRequests.Take(A.Accept, CaseBuilder.Applied().Build(), Actors.Operator, CaseBuilder.Start).ShouldBeRefused(DomainErrorKind.Forbidden);
        CaseRequests.Take(A.Object, refused.Build(), Actors.Operator, refused.Now).Error.Should().BeNull();
        var objected = refused.Objected();
        CaseRequests.Take(A.DecideObjection, objected.Build(), Actors.Operator, objected.Now).ShouldBeRefused(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void Only_a_supervisor_in_scope_decides_an_objection()
    {
        var objected = CaseBuilder.Applied().Accepted().Refused().Objected();

        CaseRequests.Take(A.DecideObjection, objected.Build(), Actors.LegalStaff, objected.Now).ShouldBeRefused(DomainErrorKind.Forbidden);
        CaseRequests.Take(A.DecideObjection, objected.Build(), Actors.XiuzhouSupervisor, objected.Now).ShouldBeRefused(DomainErrorKind.NotFound);
        CaseRequests.Take(A.DecideObjection, objected.Build(), Actors.NanhuSupervisor, objected.Now).Error.Should().BeNull();
    }

    [Fact]
    public void The_station_staff_do_the_review_and_the_handling()
    {
        var applied = CaseBuilder.Applied();

        CaseRequests.Take(A.Accept, applied.Build(), Actors.LegalStaff, applied.Now).Error.Should().BeNull();
        CaseRequests.Take(A.Supervise, applied.Build(), Actors.LegalStaff, applied.Now).ShouldBeRefused(DomainErrorKind.Forbidden);
    }
}
