using System.Text.Json.Nodes;
using Dispatch.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

public sealed class CalendarFileTests
{
    private static readonly string Shipped2026 = File.ReadAllText(Shanghai.ReferenceData("calendar", "2026.json"));

    private static string Edited(Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(Shipped2026)!;
        edit(json);
        return json.ToJsonString();
    }

    private static Action Parsing(Action<JsonNode> edit) => () => CalendarFile.Parse(Edited(edit), "2026.json");

    [Fact]
    public void The_shipped_2026_file_is_read_completely()
    {
        var file = CalendarFile.Load(Shanghai.ReferenceData("calendar", "2026.json"));

        file.Year.Should().Be(2026);
        file.TimeZone.BaseUtcOffset.Should().Be(TimeSpan.FromHours(8));
        file.Holidays.Should().HaveCount(33);
        file.MakeUpWorkingDays.Select(d => d.Date).Should().Contain([new DateOnly(2026, 1, 4), new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28)]);
        file.WorkingHours.Periods.Should().Equal(new WorkingPeriod(new(8, 30), new(12, 0)), new WorkingPeriod(new(13, 30), new(17, 30)));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var act = () => CalendarFile.Load("/nowhere/2031.json");

        act.Should().Throw<CalendarDataException>().WithMessage("*/nowhere/2031.json*");
    }

    [Fact]
    public void Broken_JSON_is_reported_with_the_file_name()
    {
        var act = () => CalendarFile.Parse("{ \"year\": ", "2026.json");

        act.Should().Throw<CalendarDataException>().WithMessage("*2026.json*not valid JSON*");
    }

    [Fact]
    public void A_holiday_with_a_malformed_date_is_named() =>
        Parsing(j => j["holidays"]![3]!["date"] = "2026-2-16").Should().Throw<CalendarDataException>()
            .WithMessage("*holidays[3]*'2026-2-16'*yyyy-MM-dd*");

    [Fact]
    public void A_holiday_from_another_year_is_named() =>
        Parsing(j => j["holidays"]![0]!["date"] = "2027-01-01").Should().Throw<CalendarDataException>()
            .WithMessage("*holidays[0]*2027-01-01*not in 2026*");

    [Fact]
    public void A_holiday_listed_twice_is_named() =>
        Parsing(j => j["holidays"]![1]!["date"] = "2026-01-01").Should().Throw<CalendarDataException>()
            .WithMessage("*holidays[1]*2026-01-01*twice*");

    [Fact]
    public void A_make_up_working_day_on_a_weekday_is_named() =>
        Parsing(j => j["makeUpWorkingDays"]![0]!["date"] = "2026-01-05").Should().Throw<CalendarDataException>()
            .WithMessage("*makeUpWorkingDays*2026-01-05*Monday*");

    [Fact]
    public void A_day_that_is_both_holiday_and_make_up_day_is_named() =>
        Parsing(j => j["holidays"]![0]!["date"] = "2026-01-04").Should().Throw<CalendarDataException>()
            .WithMessage("*2026-01-04*both*");

    [Fact]
    public void An_unknown_time_zone_is_named() =>
        Parsing(j => j["timeZone"] = "Asia/Jiaxing").Should().Throw<CalendarDataException>().WithMessage("*Asia/Jiaxing*");

    [Fact]
    public void Overlapping_working_hours_are_named() =>
        Parsing(j => j["workingHours"]![1]!["start"] = "11:00").Should().Throw<CalendarDataException>()
            .WithMessage("*workingHours[1]*11:00*before the previous period ends*");

    [Fact]
    public void A_malformed_working_hour_is_named() =>
        Parsing(j => j["workingHours"]![0]!["end"] = "noon").Should().Throw<CalendarDataException>()
            .WithMessage("*workingHours[0].end*'noon'*HH:mm*");

    [Fact]
    public void Year_files_that_disagree_on_working_hours_cannot_form_one_calendar()
    {
        var other = CalendarFile.Parse(Edited(j => j["year"] = 2026), "2026.json") with
        {
            Year = 2027,
            Holidays = [],
            MakeUpWorkingDays = [],
            WorkingHours = new WorkingHours([new WorkingPeriod(new(9, 0), new(17, 0))]),
        };
        var act = () => WorkingCalendar.FromCalendarFiles([CalendarFile.Parse(Shipped2026, "2026.json"), other]);

        act.Should().Throw<CalendarDataException>().WithMessage("*2027*09:00-17:00*agree*");
    }

    [Fact]
    public void The_same_year_given_twice_cannot_form_one_calendar()
    {
        var file = CalendarFile.Parse(Shipped2026, "2026.json");
        var act = () => WorkingCalendar.FromCalendarFiles([file, file]);

        act.Should().Throw<CalendarDataException>().WithMessage("*2026*more than one file*");
    }
}
