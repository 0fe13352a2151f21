using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Scopes;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>The Open311 client acts as the online intake: it registers on the online channel and covers nothing else.</summary>
public sealed class OnlineIntakeRoleTests
{
    private static readonly Actor OnlineClient = new("open311:key-1", Roles.OnlineIntake, null, null);

    [Fact]
    public void The_online_intake_registers_a_request_of_the_online_channel() =>
        TicketRules.MayRegister(OnlineClient, Intakes.Valid() with { Channel = "online" }).Should().BeNull();

    [Theory]
    [InlineData("phone")]
    [InlineData("visit")]
    [InlineData(null)]
    public void The_online_intake_may_not_register_on_another_channel(string? channel) =>
        TicketRules.MayRegister(OnlineClient, Intakes.Valid() with { Channel = channel })!.Kind.Should().Be(DomainErrorKind.Forbidden);

    [Fact]
    public void An_operator_still_registers_on_every_channel() =>
        TicketRules.MayRegister(new Actor("op", Roles.Operator, null, null), Intakes.Valid()).Should().BeNull();

    [Fact]
    public void Unit_staff_still_may_not_register() =>
        TicketRules.MayRegister(new Actor("staff", Roles.UnitStaff, "330402-CENTRE", null), Intakes.Valid() with { Channel = "online" })!
            .Kind.Should().Be(DomainErrorKind.Forbidden);

    [Fact]
    public void The_online_intake_covers_no_county_and_no_unit()
    {
        var scope = ActorScope.Of(OnlineClient);

        scope.Kind.Should().Be(ActorScopeKind.Nothing);
        scope.Covers("330402", "330402-CENTRE").Should().BeFalse();
        scope.MayWatch(StatsScope.City, null).Should().BeFalse();
    }

    [Fact]
    public void No_account_holds_the_online_intake_role_but_a_client_may_act_with_it()
    {
        Roles.All.Should().NotContain(Roles.OnlineIntake);
        Roles.FromClients.Should().Contain(Roles.OnlineIntake).And.Contain(Roles.All).And.NotContain(Roles.System);
    }
}
