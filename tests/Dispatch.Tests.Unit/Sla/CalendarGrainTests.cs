using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

/// <summary>Readiness warns when the coming days reach a year without a published holiday notice.</summary>
public sealed class CalendarGrainTests
{
    [Fact]
    public void Inside_an_official_year_nothing_is_reported() =>
        CalendarGrain.Outlook(Shanghai.Calendar, new DateOnly(2026, 3, 1), 90).Should().BeEmpty();

    [Fact]
    public void Ninety_days_that_reach_the_next_year_report_it_as_provisional() =>
        CalendarGrain.Outlook(Shanghai.Calendar, new DateOnly(2026, 12, 1), 90)
            .Should().Equal(new CalendarYearOutlook(2027, "provisional"));

    [Fact]
    public void A_year_beyond_the_provisional_horizon_is_reported_as_missing() =>
        CalendarGrain.Outlook(Shanghai.Calendar, new DateOnly(2031, 12, 1), 90)
            .Should().Equal(new CalendarYearOutlook(2031, "provisional"), new CalendarYearOutlook(2032, "missing"));

    [Fact]
    public void A_provisional_year_shows_its_derived_days_off_and_its_source()
    {
        var year = CalendarGrain.View(Shanghai.Calendar, 2027).Value!;

        year.Status.Should().Be("provisional");
        year.Source.Should().Contain("全国年节及纪念日放假办法");
        year.DaysOff.Should().Contain(new CalendarDayView(new DateOnly(2027, 2, 5), "春节", "Spring Festival"));
        year.MakeUpWorkingDays.Should().BeEmpty();
    }

    [Fact]
    public void An_official_year_shows_the_notice_with_its_make_up_working_days()
    {
        var year = CalendarGrain.View(Shanghai.Calendar, 2026).Value!;

        year.Status.Should().Be("official");
        year.Source.Should().Contain("国务院办公厅");
        year.MakeUpWorkingDays.Select(d => d.Date).Should().Contain(new DateOnly(2026, 2, 14));
    }

    [Fact]
    public void A_year_out_of_range_is_a_field_error() =>
        CalendarGrain.View(Shanghai.Calendar, 1999).Error!.Fields.Should().ContainSingle(f => f.Field == "year");
}
