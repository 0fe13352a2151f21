using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Fields;

namespace Dispatch.Tests.Unit.Tickets;

public sealed class IntakeReferenceTests
{
    [Fact]
    public void A_town_of_a_county_missing_from_the_list_is_refused_naming_both()
    {
        var build = () => new IntakeReference(["330402"], new Dictionary<string, string> { ["330411002"] = "330411" });
        build.Should().Throw<ArgumentException>().WithMessage("*330411002*330411*");
    }
}
