using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

/// <summary>Readiness warns when the coming days reach a year without a published holiday notice.</summary>
public sealed class CalendarOutlookTests
{
    [Fact]
    public void Inside_an_official_year_nothing_is_reported() =>
        CalendarOutlookGrain.Outlook(Shanghai.Calendar, new DateOnly(2026, 3, 1), 90).Should().BeEmpty();

    [Fact]
    public void Ninety_days_that_reach_the_next_year_report_it_as_provisional() =>
        CalendarOutlookGrain.Outlook(Shanghai.Calendar, new DateOnly(2026, 12, 1), 90)
            .Should().Equal(new CalendarYearOutlook(2027, "provisional"));

    [Fact]
    public void A_year_beyond_the_provisional_horizon_is_reported_as_missing() =>
        CalendarOutlookGrain.Outlook(Shanghai.Calendar, new DateOnly(2031, 12, 1), 90)
            .Should().Equal(new CalendarYearOutlook(2031, "provisional"), new CalendarYearOutlook(2032, "missing"));
}
