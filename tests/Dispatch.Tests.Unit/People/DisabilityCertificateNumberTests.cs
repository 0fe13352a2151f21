using Dispatch.People;
using FluentAssertions;

namespace Dispatch.Tests.Unit.People;

public sealed class DisabilityCertificateNumberTests
{
    private static readonly string Id = IdNumbers.Nanhu1980;

    private static string? ErrorOf(string? text)
    {
        var parsed = DisabilityCertificateNumber.TryParse(text, IdNumbers.Today, out _, out var code);
        return parsed ? null : code;
    }

    private static DisabilityCertificateNumber Parse(string text)
    {
        DisabilityCertificateNumber.TryParse(text, IdNumbers.Today, out var certificate, out var code)
            .Should().BeTrue("{0} is valid but got {1}", text, code);
        return certificate!;
    }

    [Fact]
    public void A_certificate_number_yields_the_holder_the_category_and_the_grade()
    {
        DisabilityCertificateNumber.TryParse(Id + "42", IdNumbers.Today, out var certificate, out var code).Should().BeTrue();
        code.Should().BeNull();
        certificate!.ResidentId.Value.Should().Be(Id);
        certificate.Category.Should().Be(DisabilityCategory.Physical);
        certificate.Grade.Should().Be(2);
        certificate.Value.Should().Be(Id + "42");
    }

    [Theory]
    [InlineData(1, DisabilityCategory.Visual, "视力残疾", "visual")]
    [InlineData(2, DisabilityCategory.Hearing, "听力残疾", "hearing")]
    [InlineData(3, DisabilityCategory.Speech, "言语残疾", "speech")]
    [InlineData(4, DisabilityCategory.Physical, "肢体残疾", "physical")]
    [InlineData(5, DisabilityCategory.Intellectual, "智力残疾", "intellectual")]
    [InlineData(6, DisabilityCategory.Mental, "精神残疾", "mental")]
    [InlineData(7, DisabilityCategory.Multiple, "多重残疾", "multiple")]
    public void Each_category_digit_names_its_category(int digit, DisabilityCategory expected, string chinese, string english)
    {
        var certificate = Parse(IdNumbers.Certificate(Id, digit, 1));
        certificate.Category.Should().Be(expected);
        certificate.Category.Chinese().Should().Be(chinese);
        certificate.Category.English().Should().Be(english);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Grades_one_to_four_are_accepted(int grade)
    {
        Parse(IdNumbers.Certificate(Id, 1, grade)).Grade.Should().Be(grade);
    }

    [Fact]
    public void A_lower_case_x_in_the_ID_part_is_written_upper_case()
    {
        Parse("11010519491231002x71").Value.Should().Be("11010519491231002X71");
    }

    [Theory]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(21)]
    public void A_certificate_number_that_is_not_20_characters_long_is_rejected(int length) =>
        ErrorOf((Id + "4212345")[..length]).Should().Be("invalid_length");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_certificate_number_at_all_is_rejected_for_its_length(string? text) =>
        ErrorOf(text).Should().Be("invalid_length");

    [Fact]
    public void A_wrong_check_character_in_the_ID_part_is_rejected() =>
        ErrorOf(IdNumbers.WithWrongCheckCharacter(Id) + "42").Should().Be("invalid_checksum");

    [Fact]
    public void An_impossible_birth_date_in_the_ID_part_is_rejected()
    {
        const string first17 = "33040219800230123";
        ErrorOf(first17 + IdNumbers.CheckCharacter(first17) + "42").Should().Be("invalid_birth_date");
    }

    [Fact]
    public void A_letter_in_the_ID_part_is_rejected() =>
        ErrorOf("3304021980010112A642").Should().Be("invalid_characters");

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("A")]
    public void A_category_outside_1_to_7_is_rejected(string category) =>
        ErrorOf(Id + category + "2").Should().Be("invalid_category");

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("X")]
    public void A_grade_outside_1_to_4_is_rejected(string grade) =>
        ErrorOf(Id + "4" + grade).Should().Be("invalid_grade");

    [Fact]
    public void The_masked_form_hides_the_ID_part_but_keeps_category_and_grade()
    {
        var certificate = Parse(Id + "42");
        certificate.Masked.Should().Be("330402********" + Id[14..] + "42");
        certificate.ToString().Should().Be(certificate.Masked);
    }
}
