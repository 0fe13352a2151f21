using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>Ending a plan (终止计划): who may, with what, and only once.</summary>
public sealed class RehabPlanRulesTests
{
    private static readonly Actor ProviderStaff = new("p", Roles.UnitStaff, VisitBuilder.Provider, Places.Nanhu);
    private static readonly Actor OtherProvider = new("o", Roles.UnitStaff, "330402-REHAB-2", Places.Nanhu);
    private static readonly Actor Supervisor = new("s", Roles.Supervisor, null, Places.Nanhu);

    private static readonly PlanState Plan = PlanState.Empty.Apply(Guid.NewGuid(), 1, new PlanCreated(
        new PersonView("王芳", "13812345678", null, null, Places.Nanhu, null, null), "phone:13812345678", "rehabilitation_training",
        VisitBuilder.Provider, "weekly", 120, [], null, "fingerprint"), VisitBuilder.Start);

    [Fact]
    public void The_provider_ends_a_plan_with_its_reason_trimmed() =>
        RehabPlanRules.End(Plan, ProviderStaff, new EndPlan(" 已入住养老机构 "), 1).Ended.Should().Be(new PlanEnded("已入住养老机构"));

    [Fact]
    public void A_plan_without_a_reason_does_not_end() =>
        RehabPlanRules.End(Plan, ProviderStaff, new EndPlan(" "), null).Refused!.Kind.Should().Be(DomainErrorKind.Validation);

    [Fact]
    public void A_supervisor_sees_the_plan_but_may_not_end_it_and_another_provider_does_not_see_it()
    {
        RehabPlanRules.End(Plan, Supervisor, new EndPlan("x"), null).Refused!.Kind.Should().Be(DomainErrorKind.Forbidden);
        RehabPlanRules.End(Plan, OtherProvider, new EndPlan("x"), null).Refused!.Kind.Should().Be(DomainErrorKind.NotFound);
    }

    [Fact]
    public void An_ended_plan_cannot_end_again_and_a_stale_version_is_refused()
    {
        var ended = Plan.Apply(Plan.Id, 2, new PlanEnded("已入住养老机构"), VisitBuilder.Start.AddDays(1));
        ended.View().Status.Should().Be(RehabPlanStatus.Ended);
        RehabPlanRules.End(ended, ProviderStaff, new EndPlan("again"), null).Refused!.Code.Should().Be("plan_ended");
        RehabPlanRules.End(Plan, ProviderStaff, new EndPlan("x"), 7).Refused!.Kind.Should().Be(DomainErrorKind.StaleVersion);
    }
}
