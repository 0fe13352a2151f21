using Dispatch.People;
using FluentAssertions;

namespace Dispatch.Tests.Unit.People;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = IdNumbers.Today;

    private static string? ErrorOf(string? text)
    {
        var parsed = ResidentIdNumber.TryParse(text, Today, out _, out var code);
        return parsed ? null : code;
    }

    private static ResidentIdNumber Parse(string text)
    {
        ResidentIdNumber.TryParse(text, Today, out var id, out var code).Should().BeTrue("{0} is valid but got {1}", text, code);
        return id!;
    }

    [Fact]
    public void A_number_with_a_real_date_and_the_right_check_character_is_accepted()
    {
        ResidentIdNumber.TryParse(IdNumbers.Nanhu1980, Today, out var id, out var code).Should().BeTrue();
        code.Should().BeNull();
        id!.Value.Should().Be(IdNumbers.Nanhu1980);
        id.BirthDate.Should().Be(new DateOnly(1980, 1, 1));
    }

    [Fact]
    public void The_sample_number_published_in_GB_11643_is_accepted() =>
        ErrorOf("11010519491231002X").Should().BeNull();

    [Fact]
    public void The_check_character_agrees_with_ISO_7064_for_every_remainder()
    {
        var seen = new HashSet<string>();
        for (var sequence = 0; sequence < 1000 && seen.Count < 11; sequence++)
        {
            var first17 = $"33040219800101{sequence:000}";
            var expected = IdNumbers.CheckCharacter(first17).ToString();
            ResidentIdNumber.ComputeCheckCharacter(first17).Should().Be(expected, "for {0}", first17);
            seen.Add(expected);
        }
        seen.Should().HaveCount(11);
    }

    [Fact]
    public void A_lower_case_x_is_accepted_and_written_upper_case()
    {
        Parse("11010519491231002x").Value.Should().Be("11010519491231002X");
    }

    [Fact]
    public void Surrounding_spaces_are_dropped()
    {
        Parse($"  {IdNumbers.Nanhu1980} ").Value.Should().Be(IdNumbers.Nanhu1980);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("33040219800101123")]
    [InlineData("3304021980010112345")]
    public void A_number_that_is_not_18_characters_long_is_rejected(string? text) =>
        ErrorOf(text).Should().Be("invalid_length");

    [Theory]
    [InlineData("33040219800101A236")]
    [InlineData("3304021980010112X6")]
    [InlineData("33040219800101123Y")]
    [InlineData("３３０４０２19800101123６")]
    public void A_number_with_anything_but_digits_and_a_final_X_is_rejected(string text) =>
        ErrorOf(text).Should().Be("invalid_characters");

    [Theory]
    [InlineData(1980, 2, 30)]
    [InlineData(1980, 13, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2025, 6, 2)]
    public void A_number_whose_birth_date_is_impossible_before_1900_or_in_the_future_is_rejected(int year, int month, int day)
    {
        var first17 = $"330402{year:0000}{month:00}{day:00}123";
        ErrorOf(first17 + IdNumbers.CheckCharacter(first17)).Should().Be("invalid_birth_date");
    }

    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(2025, 6, 1)]
    public void Birth_dates_on_the_limits_are_accepted(int year, int month, int day) =>
        ErrorOf(IdNumbers.ResidentId("330402", new DateOnly(year, month, day), "123")).Should().BeNull();

    [Fact]
    public void A_number_with_a_wrong_check_character_is_rejected() =>
        ErrorOf(IdNumbers.WithWrongCheckCharacter(IdNumbers.Nanhu1980)).Should().Be("invalid_checksum");

    [Fact]
    public void The_masked_form_keeps_the_region_and_the_last_four_characters()
    {
        Parse(IdNumbers.Nanhu1980).Masked.Should().Be("330402********" + IdNumbers.Nanhu1980[14..]);
    }

    [Fact]
    public void Printing_the_number_shows_only_the_masked_form()
    {
        var id = Parse(IdNumbers.Nanhu1980);
        id.ToString().Should().Be(id.Masked);
    }

    [Theory]
    [InlineData("3304021980010112")]
    [InlineData("3304021980010112A")]
    public void Computing_a_check_character_needs_exactly_17_digits(string first17)
    {
        var compute = () => ResidentIdNumber.ComputeCheckCharacter(first17);
        compute.Should().Throw<ArgumentException>();
    }
}
