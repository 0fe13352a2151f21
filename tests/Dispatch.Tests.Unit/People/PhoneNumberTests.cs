using Dispatch.People;
using FluentAssertions;

namespace Dispatch.Tests.Unit.People;

public sealed class PhoneNumberTests
{
    private static PhoneNumber Parse(string text)
    {
        PhoneNumber.TryParse(text, out var phone, out var code).Should().BeTrue("{0} is a valid number but got {1}", text, code);
        return phone!;
    }

    private static string? ErrorOf(string? text)
    {
        var parsed = PhoneNumber.TryParse(text, out _, out var code);
        return parsed ? null : code;
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData(" 13812345678 ")]
    public void A_mobile_is_kept_as_its_eleven_digits(string text)
    {
        var phone = Parse(text);
        phone.Kind.Should().Be(PhoneKind.Mobile);
        phone.Value.Should().Be("13812345678");
    }

    [Theory]
    [InlineData("0573-82345678", "0573-82345678")]
    [InlineData("0573 82345678", "0573-82345678")]
    [InlineData("057382345678", "0573-82345678")]
    [InlineData("0573-8234567", "0573-8234567")]
    [InlineData("05738234567", "0573-8234567")]
    [InlineData("01012345678", "010-12345678")]
    [InlineData("021 6234567", "021-6234567")]
    public void A_landline_is_written_with_a_hyphen_after_its_area_code(string text, string expected)
    {
        var phone = Parse(text);
        phone.Kind.Should().Be(PhoneKind.Landline);
        phone.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("23812345678")]
    [InlineData("1381234567a")]
    public void A_mobile_that_is_not_11_digits_starting_1_then_3_to_9_is_rejected(string text) =>
        ErrorOf(text).Should().Be("invalid_format");

    [Theory]
    [InlineData("573-82345678")]
    [InlineData("0573-823456")]
    [InlineData("0573-823456789")]
    [InlineData("0573--82345678")]
    [InlineData("0573-8234-5678")]
    [InlineData("82345678")]
    public void A_landline_without_area_code_or_with_a_bad_local_number_is_rejected(string text) =>
        ErrorOf(text).Should().Be("invalid_format");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("phone")]
    public void Something_that_is_no_number_is_rejected(string? text) =>
        ErrorOf(text).Should().Be("invalid_format");

    [Fact]
    public void The_hotline_number_12385_is_not_taken_as_the_callers_number() =>
        ErrorOf("12385").Should().Be("service_number");

    [Fact]
    public void A_masked_mobile_keeps_the_first_three_and_last_four_digits() =>
        Parse("13812345678").Masked.Should().Be("138****5678");

    [Theory]
    [InlineData("0573-82345678", "0573-****5678")]
    [InlineData("010-12345678", "010-****5678")]
    public void A_masked_landline_keeps_the_area_code_and_last_four_digits(string text, string expected) =>
        Parse(text).Masked.Should().Be(expected);

    [Fact]
    public void Printing_a_number_shows_only_the_masked_form() =>
        Parse("13812345678").ToString().Should().Be("138****5678");
}
