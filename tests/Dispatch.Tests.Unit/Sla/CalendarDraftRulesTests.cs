using System.Collections.Immutable;
using Dispatch.Sla;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

public sealed class CalendarDraftRulesTests
{
    private static readonly IReadOnlySet<string> Counties = new HashSet<string> { "330402", "330411" };

    private static CalendarYearDraft Notice(ImmutableArray<HolidayBlockDraft>? blocks = null, ImmutableArray<MakeUpDayDraft>? makeUps = null,
        string? source = "国办发明电〔2026〕X号", string? reason = "国务院办公厅通知已发布") => new(
        blocks ?? [new HolidayBlockDraft("国庆节", "National Day", "2027-10-01", "2027-10-07")],
        makeUps ?? [new MakeUpDayDraft("2027-09-26", null, null)], source, reason);

    private static IEnumerable<string> Fields<T>(Dispatch.Errors.Outcome<T> outcome) => outcome.Error!.Fields.Select(f => f.Field);

    [Fact]
    public void A_complete_notice_gives_the_days_off_of_its_blocks()
    {
        var year = CalendarDraftRules.Year(2027, Notice()).Value!;

        year.DaysOff.Should().HaveCount(7);
        year.MakeUpWorkingDays.Single().Name.Should().Be("调休上班");
    }

    [Fact]
    public void Every_bad_field_is_named_at_once() =>
        Fields(CalendarDraftRules.Year(2027, Notice(
            [new HolidayBlockDraft("", null, "2027-13-01", "2026-10-07"), new HolidayBlockDraft("春节", null, "2027-02-10", "2027-02-05")],
            [new MakeUpDayDraft("2027-09-27", null, null)], source: " ", reason: null)))
            .Should().BeEquivalentTo(["holidayBlocks[0].name", "holidayBlocks[0].from", "holidayBlocks[0].to", "holidayBlocks[1].to",
                "makeUpWorkingDays[0].date", "source", "reason"]);

    [Fact]
    public void Overlapping_blocks_are_refused() =>
        Fields(CalendarDraftRules.Year(2027, Notice([new HolidayBlockDraft("国庆节", null, "2027-10-01", "2027-10-07"),
            new HolidayBlockDraft("中秋节", null, "2027-10-07", "2027-10-08")], []))).Should().Equal("holidayBlocks[1]");

    [Fact]
    public void A_make_up_working_day_inside_a_block_is_refused() =>
        Fields(CalendarDraftRules.Year(2027, Notice(makeUps: [new MakeUpDayDraft("2027-10-02", null, null)]))).Should().Equal("makeUpWorkingDays[0].date");

    [Fact]
    public void A_notice_needs_at_least_one_block() =>
        Fields(CalendarDraftRules.Year(2027, Notice(blocks: [], makeUps: []))).Should().Equal("holidayBlocks");

    [Fact]
    public void A_year_out_of_range_is_refused() =>
        Fields(CalendarDraftRules.Year(1999, Notice())).Should().Contain("year");

    [Fact]
    public void A_closure_needs_a_known_county_a_day_not_past_and_a_reason() =>
        Fields(CalendarDraftRules.Closure(new CountyClosureDraft("330499", "2026-11-30", ""), Guid.NewGuid(), Counties, new DateOnly(2026, 12, 1)))
            .Should().BeEquivalentTo(["countyCode", "date", "reason"]);

    [Fact]
    public void A_closure_today_is_accepted() =>
        CalendarDraftRules.Closure(new CountyClosureDraft("330402", "2026-12-01", "台风停工"), Guid.NewGuid(), Counties, new DateOnly(2026, 12, 1))
            .Value!.Date.Should().Be(new DateOnly(2026, 12, 1));
}
