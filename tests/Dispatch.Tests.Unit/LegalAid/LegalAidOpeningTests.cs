using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Tests.Unit.People;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>What makes an application registrable, which station takes it, and what a ticket contributes.</summary>
public sealed class LegalAidOpeningTests
{
    private static LegalAidApplication Valid(string county = Intakes.Nanhu, bool? cityLevel = null, string? station = null) => new()
    {
        Applicant = new PersonInput
        {
            Name = "李明", Phone = "138 1234 5678", ResidentId = IdNumbers.Nanhu1980, CountyCode = county, Address = "解放路 1 号",
        },
        CaseType = "labour_dispute",
        Summary = "用人单位拖欠工资三个月。",
        CityLevel = cityLevel,
        StationCode = station,
    };

    private static (ValidApplication? Application, DomainError? Error) Validate(LegalAidApplication application) =>
        LegalAidOpening.Validate(application, Intakes.Reference, IdNumbers.Today);

    [Fact]
    public void A_valid_application_links_to_the_person_by_resident_id_and_normalises_the_phone()
    {
        var (valid, error) = Validate(Valid());

        error.Should().BeNull();
        valid!.Applicant.PersonId.Should().Be("id:" + IdNumbers.Nanhu1980);
        valid.Applicant.Phone.Value.Should().Be("13812345678");
        valid.StationArea.Should().Be(Intakes.Nanhu);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_under_the_applicant_prefix()
    {
        var (_, error) = Validate(new LegalAidApplication
        {
            Applicant = new PersonInput { Phone = "12385", ResidentId = "330402198001011230", CountyCode = "999999" },
            CaseType = "divorce",
            Summary = "短",
        });

        error!.Fields.Select(f => (f.Field, f.Code)).Should().Equal(
            ("applicant.name", "required"), ("applicant.phone", "service_number"), ("applicant.residentId", "invalid_checksum"),
            ("applicant.countyCode", "unknown_county"), ("caseType", "unknown_value"), ("summary", "too_short"));
    }

    [Fact]
    public void A_missing_applicant_is_one_clear_error()
    {
        Validate(new LegalAidApplication { CaseType = "other", Summary = "需要法律咨询和代理。" }).Error!.Fields
            .Should().ContainSingle(f => f.Field == "applicant" && f.Code == "required");
    }

    [Theory]
    [InlineData(Intakes.Nanhu, null, Intakes.Nanhu)]
    [InlineData(Intakes.Nanhu, true, Intakes.City)]
    [InlineData(Intakes.City, null, Intakes.City)]
    public void The_station_is_looked_for_in_the_applicants_county_or_the_city_for_city_level_matters(string county, bool? cityLevel, string area) =>
        Validate(Valid(county, cityLevel)).Application!.StationArea.Should().Be(area);

    [Fact]
    public void Only_an_active_legal_aid_station_takes_an_application()
    {
        var valid = Validate(Valid(station: "330402-CENTRE")).Application!;

        LegalAidOpening.CheckStation(valid, new UnitInfo("330402-CENTRE", UnitKinds.Centre, Intakes.Nanhu, true), Actors.Operator, false)!
            .Fields.Should().ContainSingle(f => f.Field == "stationCode" && f.Code == "not_a_station");
        LegalAidOpening.CheckStation(Validate(Valid()).Application!, null, Actors.Operator, false)!
            .Fields.Should().ContainSingle(f => f.Code == "no_station");
        LegalAidOpening.CheckStation(valid, new UnitInfo("330402-LEGAL", UnitKinds.LegalAid, Intakes.Nanhu, false), Actors.Operator, false)
            .Should().NotBeNull("an inactive station takes no work");
    }

    [Fact]
    public void Station_staff_register_applications_only_at_their_own_station()
    {
        var valid = Validate(Valid()).Application!;
        var nanhu = new UnitInfo(Tickets.Units.NanhuLegal, UnitKinds.LegalAid, Intakes.Nanhu, true);
        var xiuzhouStaff = new Actor("x", Roles.UnitStaff, "330411-LEGAL", Intakes.Xiuzhou);

        LegalAidOpening.CheckStation(valid, nanhu, Actors.LegalStaff, false).Should().BeNull();
        LegalAidOpening.CheckStation(valid, nanhu, xiuzhouStaff, false)!.Kind.Should().Be(DomainErrorKind.Forbidden);
        LegalAidOpening.CheckStation(valid, nanhu, Actors.CentreStaff, fromTicket: true).Should().BeNull();
    }

    [Fact]
    public void From_a_ticket_the_callers_details_fill_what_the_application_leaves_out()
    {
        var ticket = new TicketView
        {
            CallerName = "张秀英", CallerPhone = "13812345678", ResidentId = IdNumbers.Nanhu1980, CountyCode = Intakes.Nanhu,
            TownCode = Intakes.JiansheSubdistrict, Content = "来电咨询被拖欠工资如何维权。",
        };

        var merged = LegalAidOpening.WithTicketDefaults(new LegalAidApplication { CaseType = "labour_dispute", Applicant = new PersonInput { Name = "李明" } }, ticket);

        merged.Applicant!.Name.Should().Be("李明");
        merged.Applicant.Phone.Should().Be("13812345678");
        merged.Applicant.ResidentId.Should().Be(IdNumbers.Nanhu1980);
        merged.Applicant.TownCode.Should().Be(Intakes.JiansheSubdistrict);
        merged.Summary.Should().Be(ticket.Content);
        Validate(merged).Error.Should().BeNull();
    }

    [Fact]
    public void A_merged_ticket_sends_the_user_to_the_ticket_it_was_merged_into()
    {
        var merged = new TicketView { Status = "resolved", MergedInto = Guid.NewGuid(), MergedIntoNumber = "JX12385-20260302-000009" };

        TicketReferrals.Check(merged, Actors.Operator)!.Code.Should().Be("ticket_merged");
        TicketReferrals.Check(new TicketView { UnitCode = Tickets.Units.NanhuCentre }, Actors.CentreStaff).Should().BeNull();
        TicketReferrals.Check(new TicketView { UnitCode = Tickets.Units.NanhuCentre }, Actors.LegalStaff)!.Kind.Should().Be(DomainErrorKind.Forbidden);
    }
}
