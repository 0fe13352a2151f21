using Dispatch.Calendar;
using Dispatch.Sla;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

/// <summary>
/// The calendar as a history of versions: a change at T leaves the time counted before T as it was and recounts only what
/// remains. The clock: 10 working days from Monday 21 December 2026 09:00. On the seed calendar (2027 provisional: only
/// 1 January off) its working days are 22-25, 28-31 December, 4 and 5 January: due Tuesday 5 January 2027 09:00.
/// </summary>
public sealed class CalendarHistoryTests
{
    private const string Nanhu = "330402", Xiuzhou = "330411";
    private static readonly DateTimeOffset Started = Shanghai.At(2026, 12, 21, 9);
    private static readonly DateTimeOffset SeedDue = Shanghai.At(2027, 1, 5, 9);
    private static readonly CalendarHistory Seed = CalendarHistory.FromSeed(Shanghai.Calendar);

    private static SlaClock Clock() => new(SlaDuration.WorkingDays(10), Started, 75);

    private static CalendarChange Publish2027(DateTimeOffset at, long sequence = 1) => new(sequence, at, "admin", "admin", "国务院办公厅通知")
    {
        // Monday 4 January off as well: one working day fewer before the due time.
        Year = new PublishedYear(2027, [new HolidayBlock("元旦", "New Year's Day", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 4))], [], "test notice"),
    };

    private static CalendarChange Close(string county, DateOnly date, DateTimeOffset at, long sequence = 1, Guid? id = null) =>
        new(sequence, at, "admin", "admin", "台风") { Closure = new CountyClosure(id ?? Guid.NewGuid(), county, date, "台风停工") };

    [Fact]
    public void The_seed_alone_counts_like_the_shipped_calendar() =>
        Clock().Evaluate(Started, Seed.ForCounty(null)).DueAt.Should().Be(SeedDue);

    [Fact]
    public void Publishing_a_year_recomputes_the_due_time_of_a_running_clock()
    {
        var published = Seed.With(Publish2027(Shanghai.At(2026, 12, 24, 9)));

        Clock().Evaluate(Shanghai.At(2026, 12, 24, 10), published.ForCounty(null)).DueAt.Should().Be(Shanghai.At(2027, 1, 6, 9));
    }

    [Fact]
    public void Publishing_a_year_leaves_the_time_already_used_as_it_was_counted()
    {
        var publishedAt = Shanghai.At(2026, 12, 24, 9);
        var published = Seed.With(Publish2027(publishedAt));

        Clock().Evaluate(publishedAt, published.ForCounty(null)).Used
            .Should().Be(Clock().Evaluate(publishedAt, Seed.ForCounty(null)).Used).And.Be(TimeSpan.FromHours(3 * 7.5));
    }

    [Fact]
    public void A_closure_entered_after_its_day_was_lived_does_not_recount_that_day()
    {
        // 22 December was worked and counted; entering it as closed on the 23rd changes nothing already counted.
        var late = Seed.With(Close(Nanhu, new DateOnly(2026, 12, 22), Shanghai.At(2026, 12, 23, 9)));

        var view = Clock().Evaluate(Shanghai.At(2026, 12, 23, 12), late.ForCounty(Nanhu));

        view.DueAt.Should().Be(SeedDue);
        view.Used.Should().Be(Clock().Evaluate(Shanghai.At(2026, 12, 23, 12), Seed.ForCounty(Nanhu)).Used);
    }

    [Fact]
    public void A_closure_ahead_moves_the_due_time_of_its_countys_clocks_by_one_working_day()
    {
        var closed = Seed.With(Close(Nanhu, new DateOnly(2026, 12, 28), Shanghai.At(2026, 12, 23, 9)));

        Clock().Evaluate(Shanghai.At(2026, 12, 23, 12), closed.ForCounty(Nanhu)).DueAt.Should().Be(Shanghai.At(2027, 1, 6, 9));
    }

    [Fact]
    public void A_closure_leaves_other_counties_alone()
    {
        var closed = Seed.With(Close(Nanhu, new DateOnly(2026, 12, 28), Shanghai.At(2026, 12, 23, 9)));

        Clock().Evaluate(Shanghai.At(2026, 12, 23, 12), closed.ForCounty(Xiuzhou)).DueAt.Should().Be(SeedDue);
        Clock().Evaluate(Shanghai.At(2026, 12, 23, 12), closed.ForCounty(null)).DueAt.Should().Be(SeedDue);
    }

    [Fact]
    public void A_withdrawn_closure_no_longer_moves_the_due_time()
    {
        var id = Guid.NewGuid();
        var withdrawn = Seed.With(Close(Nanhu, new DateOnly(2026, 12, 28), Shanghai.At(2026, 12, 23, 9), 1, id))
            .With(new CalendarChange(2, Shanghai.At(2026, 12, 24, 9), "admin", "admin", "误录") { Withdrawn = id });

        Clock().Evaluate(Shanghai.At(2026, 12, 24, 12), withdrawn.ForCounty(Nanhu)).DueAt.Should().Be(SeedDue);
        withdrawn.ActiveClosures.Should().BeEmpty();
    }

    [Fact]
    public void Replaying_the_same_log_gives_the_same_deadlines()
    {
        var changes = new[] { Close(Nanhu, new DateOnly(2026, 12, 28), Shanghai.At(2026, 12, 23, 9), 1), Publish2027(Shanghai.At(2026, 12, 24, 9), 2) };

        var replayed = CalendarHistory.FromSeed(Shanghai.Calendar, changes);

        replayed.Version.Should().Be(2);
        Clock().Evaluate(Shanghai.At(2026, 12, 30, 9), replayed.ForCounty(Nanhu)).DueAt.Should().Be(Shanghai.At(2027, 1, 7, 9));
    }

    [Fact]
    public void A_published_year_becomes_official_and_the_years_after_it_provisional()
    {
        var published = Seed.With(Publish2027(Shanghai.At(2026, 12, 24, 9)));

        published.Latest.Status(2027).Should().Be(CalendarYearStatus.Official);
        published.Latest.Status(2032).Should().Be(CalendarYearStatus.Provisional);
        published.Latest.Year(2027).Source.Should().Be("test notice");
        Seed.Latest.Status(2027).Should().Be(CalendarYearStatus.Provisional);
    }

    [Fact]
    public void A_timeline_measures_each_stretch_with_the_calendar_in_force_then()
    {
        // Monday 28 December is a working day until the closure is entered at 12:00 on that day.
        var closed = Seed.With(Close(Nanhu, new DateOnly(2026, 12, 28), Shanghai.At(2026, 12, 28, 12)));

        closed.ForCounty(Nanhu).WorkingTimeBetween(Shanghai.At(2026, 12, 28, 8), Shanghai.At(2026, 12, 29, 8))
            .Should().Be(TimeSpan.FromHours(3.5), "08:30-12:00 was worked before the closure; the afternoon no longer counts");
    }

    [Fact]
    public void The_recount_after_closures_concerns_only_their_counties_and_after_a_year_every_item()
    {
        var closed = Seed.With(Close(Nanhu, new DateOnly(2026, 12, 28), Shanghai.At(2026, 12, 23, 9)));

        CalendarRecount.CountiesConcerned(Seed, closed).Should().BeEquivalentTo([Nanhu]);
        CalendarRecount.CountiesConcerned(closed, closed.With(Publish2027(Shanghai.At(2026, 12, 24, 9), 2))).Should().BeNull();
    }
}
