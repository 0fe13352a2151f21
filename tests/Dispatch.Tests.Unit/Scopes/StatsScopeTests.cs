using Dispatch.Scopes;
using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Scopes;

public sealed class StatsScopeTests
{
    [Theory]
    [InlineData("city", "city")]
    [InlineData(" county:330402 ", "county:330402")]
    [InlineData("unit:330402-centre", "unit:330402-CENTRE")]
    public void A_scope_reads_to_its_canonical_name(string text, string key)
    {
        StatsScope.TryParse(text, out var scope).Should().BeTrue();
        scope.Key.Should().Be(key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("province")]
    [InlineData("county:3304")]
    [InlineData("county:abcdef")]
    [InlineData("unit:")]
    [InlineData("unit:330402 CENTRE")]
    public void Anything_else_is_not_a_scope(string? text) => StatsScope.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void An_item_counts_in_the_city_its_county_and_its_unit() =>
        StatsScope.KeysOf("330402", "330402-CENTRE").Should().Equal("city", "county:330402", "unit:330402-CENTRE");
}
