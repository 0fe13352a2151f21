using Dispatch.Errors;
using Dispatch.People;
using Dispatch.Tests.Unit.People;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

public sealed class TicketIntakeRulesTests
{
    private static readonly TicketIntake Valid = Intakes.Valid();

    private static readonly TicketIntake AllBad = new()
    {
        Channel = "fax",
        Kind = "question",
        Topic = "housing",
        Urgency = "high",
        CallerName = new string('张', 51),
        CallerPhone = "12385",
        ResidentId = "330402198002301234",
        DisabilityCertificate = IdNumbers.Nanhu1980 + "92",
        CountyCode = "330999",
        TownCode = "330999001",
        Address = new string('路', 201),
        Title = new string('题', 101),
        Content = "求助",
    };

    [Fact]
    public void Every_bad_field_is_reported_at_once() =>
        Intakes.ErrorsOf(AllBad).Select(e => e.Field).Should().BeEquivalentTo(
            "channel", "kind", "topic", "urgency", "callerName", "callerPhone", "residentId",
            "disabilityCertificate", "countyCode", "townCode", "address", "title", "content");

    [Fact]
    public void Every_message_comes_in_Chinese_and_English() =>
        Intakes.ErrorsOf(AllBad).Should().OnlyContain(e => e.MessageZh.Length > 0 && e.MessageEn.Length > 0 && e.MessageZh != e.MessageEn);

    [Fact]
    public void Messages_never_repeat_an_ID_or_phone_number()
    {
        var badId = IdNumbers.WithWrongCheckCharacter(IdNumbers.Nanhu1980);
        var errors = Intakes.ErrorsOf(Valid with { ResidentId = badId, DisabilityCertificate = badId + "42", CallerPhone = "2381234567" });
        errors.Should().HaveCount(3);
        var messages = string.Join('\n', errors.Select(e => e.MessageZh + e.MessageEn));
        messages.Should().NotContain(badId[..14]).And.NotContain("2381234567");
    }

    [Fact]
    public void A_rejected_intake_carries_one_validation_error_with_all_its_fields()
    {
        var result = Intakes.Validate(AllBad);
        result.Intake.Should().BeNull();
        result.Error!.Kind.Should().Be(DomainErrorKind.Validation);
        result.Error.Fields.Should().HaveCount(13);
    }

    [Fact]
    public void The_town_decides_the_county() =>
        Intakes.Accepted(Valid with { CountyCode = null, TownCode = Intakes.XinchengSubdistrict }).CountyCode.Should().Be(Intakes.Xiuzhou);

    [Fact]
    public void A_county_alone_is_enough() =>
        Intakes.Accepted(Valid with { CountyCode = Intakes.Xiuzhou, TownCode = null }).CountyCode.Should().Be(Intakes.Xiuzhou);

    [Fact]
    public void The_city_level_area_is_a_known_county() =>
        Intakes.Accepted(Valid with { CountyCode = Intakes.City, TownCode = null }).CountyCode.Should().Be(Intakes.City);

    [Fact]
    public void A_town_does_not_fit_the_city_level_area() =>
        (Valid with { CountyCode = Intakes.City }).ShouldReportOnly("townCode", "town_not_in_county");

    [Fact]
    public void An_unknown_county_and_an_unknown_town_are_both_named() =>
        Intakes.ErrorsOf(Valid with { CountyCode = "330999", TownCode = "330999001" }).Select(e => (e.Field, e.Code))
            .Should().Equal(("countyCode", "unknown_county"), ("townCode", "unknown_town"));

    [Fact]
    public void Text_fields_are_trimmed()
    {
        var intake = Intakes.Accepted(Valid with { Channel = " phone ", CallerName = "\u3000张秀英 ", Address = " 禾兴南路 ", Title = " 康复 ", CountyCode = " 330402", TownCode = "330402007 " });
        intake.Should().BeEquivalentTo(new { Channel = "phone", CallerName = "张秀英", Address = "禾兴南路", Title = "康复", CountyCode = Intakes.Nanhu, TownCode = Intakes.JiansheSubdistrict });
    }

    [Fact]
    public void Numbers_are_parsed_into_their_normalised_forms()
    {
        var intake = Intakes.Accepted(Valid with { CallerPhone = "0573 82345678", ResidentId = "11010519491231002x", DisabilityCertificate = "11010519491231002X71" });
        intake.CallerPhone!.Value.Should().Be("0573-82345678");
        intake.ResidentId!.Value.Should().Be("11010519491231002X");
        intake.DisabilityCertificate!.Category.Should().Be(DisabilityCategory.Multiple);
    }

    [Fact]
    public void Without_a_resident_ID_the_certificate_still_names_the_person()
    {
        var intake = Intakes.Accepted(Valid with { ResidentId = null });
        intake.ResidentId.Should().BeNull();
        intake.KnownResidentId!.Value.Should().Be(IdNumbers.Nanhu1980);
    }

    [Fact]
    public void Optional_fields_may_be_left_out()
    {
        var intake = Intakes.Accepted(Valid with { ResidentId = null, DisabilityCertificate = " ", Address = null, TownCode = "" });
        intake.KnownResidentId.Should().BeNull();
        intake.Address.Should().BeNull();
        intake.TownCode.Should().BeNull();
    }

    [Fact]
    public void Without_a_title_the_first_30_characters_of_the_content_become_one() =>
        Intakes.Accepted(Valid with { Title = null, Content = "  来电人母亲肢体残疾二级，\n行动不便，申请每周一次上门康复训练，希望尽快安排。" })
            .Title.Should().Be("来电人母亲肢体残疾二级， 行动不便，申请每周一次上门康复训练");

    [Fact]
    public void Characters_outside_the_basic_plane_count_once()
    {
        var rare = string.Concat(Enumerable.Repeat("𠀀", IntakeLimits.MaxContentLength));
        var intake = Intakes.Accepted(Valid with { Title = null, Content = rare });
        intake.Title.Should().Be(string.Concat(Enumerable.Repeat("𠀀", IntakeLimits.DerivedTitleLength)));
    }
}
