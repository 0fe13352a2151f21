using Dispatch.Tests.Unit.People;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>One bad field at a time: the error names exactly that field and why.</summary>
public sealed class TicketIntakeFieldTests
{
    private static readonly TicketIntake Valid = Intakes.Valid();

    [Fact]
    public void A_complete_intake_is_accepted() => Intakes.Validate(Valid).IsValid.Should().BeTrue();

    [Fact]
    public void A_missing_channel_is_required() => (Valid with { Channel = " " }).ShouldReportOnly("channel", "required");

    [Fact]
    public void A_channel_outside_the_vocabulary_is_unknown() => (Valid with { Channel = "fax" }).ShouldReportOnly("channel", "unknown_value");

    [Fact]
    public void A_kind_outside_the_vocabulary_is_unknown() => (Valid with { Kind = "question" }).ShouldReportOnly("kind", "unknown_value");

    [Fact]
    public void A_topic_outside_the_vocabulary_is_unknown() => (Valid with { Topic = "housing" }).ShouldReportOnly("topic", "unknown_value");

    [Fact]
    public void An_urgency_outside_the_vocabulary_is_unknown() => (Valid with { Urgency = "high" }).ShouldReportOnly("urgency", "unknown_value");

    [Fact]
    public void Vocabulary_is_matched_exactly_as_the_API_spells_it() => (Valid with { Urgency = "Urgent" }).ShouldReportOnly("urgency", "unknown_value");

    [Fact]
    public void A_missing_caller_name_is_required() => (Valid with { CallerName = null }).ShouldReportOnly("callerName", "required");

    [Fact]
    public void A_caller_name_over_50_characters_is_too_long() =>
        (Valid with { CallerName = new string('张', 51) }).ShouldReportOnly("callerName", "too_long");

    [Fact]
    public void A_missing_caller_phone_is_required() => (Valid with { CallerPhone = "" }).ShouldReportOnly("callerPhone", "required");

    [Fact]
    public void A_malformed_caller_phone_is_invalid() => (Valid with { CallerPhone = "2381234567" }).ShouldReportOnly("callerPhone", "invalid_format");

    [Fact]
    public void The_hotline_number_is_not_accepted_as_the_callers_phone() =>
        (Valid with { CallerPhone = "12385" }).ShouldReportOnly("callerPhone", "service_number");

    [Fact]
    public void A_resident_ID_with_a_wrong_check_character_is_invalid() =>
        (Valid with { ResidentId = IdNumbers.WithWrongCheckCharacter(IdNumbers.Nanhu1980) }).ShouldReportOnly("residentId", "invalid_checksum");

    [Fact]
    public void A_resident_ID_of_the_wrong_length_is_invalid() =>
        (Valid with { ResidentId = "33040219800101" }).ShouldReportOnly("residentId", "invalid_length");

    [Fact]
    public void A_certificate_with_a_grade_outside_1_to_4_is_invalid() =>
        (Valid with { DisabilityCertificate = IdNumbers.Nanhu1980 + "45" }).ShouldReportOnly("disabilityCertificate", "invalid_grade");

    [Fact]
    public void A_certificate_of_someone_else_than_the_resident_ID_is_a_mismatch() =>
        (Valid with { DisabilityCertificate = IdNumbers.Certificate(IdNumbers.Xiuzhou1975, 4, 2) })
            .ShouldReportOnly("disabilityCertificate", "certificate_id_mismatch");

    [Fact]
    public void An_unknown_county_is_named() =>
        (Valid with { CountyCode = "330999", TownCode = null }).ShouldReportOnly("countyCode", "unknown_county");

    [Fact]
    public void Neither_county_nor_town_makes_the_county_required() =>
        (Valid with { CountyCode = null, TownCode = null }).ShouldReportOnly("countyCode", "required");

    [Fact]
    public void An_unknown_town_is_named() => (Valid with { TownCode = "330402999" }).ShouldReportOnly("townCode", "unknown_town");

    [Fact]
    public void A_town_of_another_county_is_reported_on_the_town() =>
        (Valid with { TownCode = Intakes.XinchengSubdistrict }).ShouldReportOnly("townCode", "town_not_in_county");

    [Fact]
    public void An_address_over_200_characters_is_too_long() =>
        (Valid with { Address = new string('路', 201) }).ShouldReportOnly("address", "too_long");

    [Fact]
    public void A_title_over_100_characters_is_too_long() =>
        (Valid with { Title = new string('题', 101) }).ShouldReportOnly("title", "too_long");

    [Fact]
    public void Missing_content_is_required() => (Valid with { Content = "\n  " }).ShouldReportOnly("content", "required");

    [Fact]
    public void Content_under_5_characters_after_trimming_is_too_short() =>
        (Valid with { Content = "  求助！   " }).ShouldReportOnly("content", "too_short");

    [Fact]
    public void Content_over_4000_characters_is_too_long() =>
        (Valid with { Content = new string('诉', 4001) }).ShouldReportOnly("content", "too_long");
}
