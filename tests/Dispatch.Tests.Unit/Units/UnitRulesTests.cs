using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Units;

public sealed class UnitRulesTests
{
    private static readonly HashSet<string> Areas = ["330400", "330402"];

    private static UnitDefinition Valid() => new("330402-REHAB-3", "南湖区测试康复站", "Nanhu test", "rehab", "330402", "0573-82000000", null);

    [Fact]
    public void A_complete_definition_is_accepted() => UnitRules.Validate(Valid(), Areas).Should().BeEmpty();

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("ab", "invalid_format")]
    [InlineData("330402 centre", "invalid_format")]
    public void A_bad_code_is_named(string? code, string expected) =>
        UnitRules.Validate(Valid() with { Code = code }, Areas).Should().ContainSingle(e => e.Field == "code" && e.Code == expected);

    [Fact]
    public void An_unknown_county_is_named() =>
        UnitRules.Validate(Valid() with { CountyCode = "330999" }, Areas)
            .Should().ContainSingle(e => e.Field == "countyCode" && e.Code == "unknown_county");

    [Fact]
    public void An_unknown_kind_is_named() =>
        UnitRules.Validate(Valid() with { Kind = "hospital" }, Areas).Should().ContainSingle(e => e.Field == "kind");

    [Fact]
    public void A_name_over_the_limit_is_named() =>
        UnitRules.Validate(Valid() with { Name = new string('站', UnitRules.MaxNameLength + 1) }, Areas)
            .Should().ContainSingle(e => e.Field == "name" && e.Code == "too_long");

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("0573-82345678", true)]
    [InlineData("12385", true)]
    [InlineData("2381234567", false)]
    [InlineData("phone", false)]
    public void Phone_numbers_are_checked(string phone, bool ok) =>
        UnitRules.Validate(Valid() with { Phone = phone }, Areas).Any(e => e.Field == "phone").Should().Be(!ok);

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(UnitInfo.MaxShare, true)]
    [InlineData(0, false)]
    [InlineData(UnitInfo.MaxShare + 1, false)]
    public void A_routing_share_is_one_to_the_maximum_or_left_out(int? share, bool ok) =>
        UnitRules.Validate(Valid() with { RoutingShare = share }, Areas).Any(e => e.Field == "routingShare" && e.Code == "out_of_range").Should().Be(!ok);

    [Fact]
    public void Every_message_comes_in_Chinese_and_English()
    {
        var errors = UnitRules.Validate(new UnitDefinition(null, null, null, null, null, "x", null), Areas);
        errors.Should().HaveCountGreaterThan(3);
        errors.Should().OnlyContain(e => e.MessageZh.Length > 0 && e.MessageEn.Length > 0 && e.MessageZh != e.MessageEn);
    }
}
