using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Units;

public sealed class TownRulesTests
{
    private static readonly HashSet<string> Counties = ["330402", "330424"];

    private static TownDefinition Valid() => new("330424901", "330424", "测试镇", "Ceshi Town", "town");

    [Fact]
    public void A_complete_definition_is_accepted() => TownRules.Validate(Valid(), Counties).Should().BeEmpty();

    [Theory]
    [InlineData(null, "required")]
    [InlineData("33042490", "invalid_format")]
    [InlineData("33042490a", "invalid_format")]
    [InlineData("330402901", "not_in_county")]
    public void A_bad_code_is_named(string? code, string expected) =>
        TownRules.Validate(Valid() with { Code = code }, Counties).Should().ContainSingle(e => e.Field == "code" && e.Code == expected);

    [Fact]
    public void The_city_level_is_not_a_county_a_town_belongs_to() =>
        TownRules.Validate(Valid() with { CountyCode = "330400", Code = "330400001" }, Counties)
            .Should().ContainSingle(e => e.Field == "countyCode" && e.Code == "unknown_county");

    [Theory]
    [InlineData("village")]
    [InlineData(null)]
    public void A_kind_other_than_town_or_subdistrict_is_named(string? kind) =>
        TownRules.Validate(Valid() with { Kind = kind }, Counties).Should().ContainSingle(e => e.Field == "kind" && e.Code == "unknown_kind");

    [Fact]
    public void A_missing_name_and_an_overlong_english_name_are_named_together() =>
        TownRules.Validate(Valid() with { Name = " ", NameEn = new string('x', TownRules.MaxNameLength + 1) }, Counties)
            .Select(e => $"{e.Field}:{e.Code}").Should().BeEquivalentTo(["name:required", "nameEn:too_long"]);
}
