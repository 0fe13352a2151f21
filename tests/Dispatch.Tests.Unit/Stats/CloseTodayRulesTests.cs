using Dispatch.Stats;
using FluentAssertions;
using static Dispatch.Stats.TicketTallies;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>今日必办: how many must close today and this week, and the ranking by effect on the month's on-time rate.</summary>
public sealed class CloseTodayRulesTests
{
    /// <summary>Monday 30 November 2026: its week ends on Sunday 6 December, in the next month.</summary>
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static CloseTodayCandidate Ticket(string number, DateTimeOffset due, double chance = 0.5) =>
        new(Guid.NewGuid(), number, "complaint", "rehabilitation", due, false, new ClosingChance(chance, "unit"));

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(95, 100, 5)]
    [InlineData(90, 100, 10)]
    [InlineData(80, 100, 3)]
    [InlineData(100, 100, 4)]
    [InlineData(0, 0, 7)]
    [InlineData(37, 40, 2)]
    public void The_must_close_count_equals_the_snapshots_forecast(long onTime, long counted, long dueToday)
    {
        var set = new CounterSet();
        set.Add(Scopes.NanhuCentre, StatsPeriod.Month, new DateOnly(2026, 11, 1), OnTime, onTime);
        set.Add(Scopes.NanhuCentre, StatsPeriod.Month, new DateOnly(2026, 11, 1), OnTimeCounted, counted);
        set.Add(Scopes.NanhuCentre, StatsPeriod.Day, Monday, OpenDue, dueToday);
        var candidates = Enumerable.Range(0, (int)dueToday).Select(i => Ticket($"T{i:D3}", Local(11, 30, 17)));

        var list = CloseTodayRules.Build(candidates, onTime, counted, Monday, 0.95m);

        var forecast = TicketFigures.Forecast(set, Scopes.NanhuCentre, Monday, 0.95m);
        list.MustCloseToday.Should().Be(forecast.MustCloseToday);
        list.DueToday.Should().Be(forecast.OpenDueToday);
        list.Items.Count(i => i.MustToday).Should().Be((int)forecast.MustCloseToday, "the list shows exactly the forecast's number");
    }

    [Fact]
    public void The_least_number_that_keeps_the_rate_at_the_target_must_close_today()
    {
        // 37 of 40 so far, 4 due today: (37 + k) / 44 >= 0.95 needs k >= 4.8 - 0 -> 5, more than 4: all of them.
        CloseTodayRules.MustClose(37, 40, 4, 0.95m).Should().Be(4);
        // 57 of 59 so far, 3 due today: (57 + k) / 62 >= 0.95 needs k >= 1.9: 2.
        CloseTodayRules.MustClose(57, 59, 3, 0.95m).Should().Be(2);
        CloseTodayRules.MustClose(100, 100, 3, 0.95m).Should().Be(0, "three late ones still leave 100 of 103");
    }

    [Fact]
    public void Tickets_due_this_month_weigh_one_over_the_counted_and_those_due_next_month_nothing()
    {
        var list = CloseTodayRules.Build([Ticket("A", Local(11, 30, 17)), Ticket("B", Local(12, 1, 17)), Ticket("C", Local(12, 4, 10))],
            56, 59, Monday, 0.95m);

        // (56 + k) / 60 >= 0.95 needs k = 1: the one ticket due this month.
        list.DueToday.Should().Be(1);
        list.DueThisWeek.Should().Be(1, "only the ticket due in November counts this month");
        list.Items.Select(i => (i.Number, i.Effect, i.InThisMonth)).Should().Equal(
            ("A", Math.Round(1 / 60.0, 6), true), ("B", 0.0, false), ("C", 0.0, false));
        list.Items.Select(i => i.MustThisWeek).Should().Equal(true, false, false);
        list.WeekEnd.Should().Be(new DateOnly(2026, 12, 6));
    }

    [Fact]
    public void Equal_effects_rank_by_deadline_then_by_the_smaller_chance_then_by_number()
    {
        var friday = new DateOnly(2026, 11, 27);
        var list = CloseTodayRules.Build(
        [
            Ticket("D", Local(11, 28, 9), 0.2),
            Ticket("C", Local(11, 27, 17), 0.9),
            Ticket("B", Local(11, 27, 17), 0.4),
            Ticket("A", Local(11, 27, 17), 0.4),
            Ticket("E", Local(11, 27, 10), 0.99),
        ], 90, 95, friday, 0.95m);

        list.Items.Select(i => i.Number).Should().Equal("E", "A", "B", "C", "D");
        list.Items.Select(i => i.Rank).Should().Equal(1, 2, 3, 4, 5);
        list.Items.Should().OnlyContain(i => i.Effect == Math.Round(1 / 100.0, 6));
    }

    [Fact]
    public void The_first_tickets_in_rank_order_are_marked_must_close_today_and_this_week()
    {
        var friday = new DateOnly(2026, 11, 27);
        // 57 of 59: today 3 due -> (57 + k) / 62 >= 0.95 -> k = 2; this week 5 -> (57 + k) / 64 >= 0.95 -> k = 4 (60.8 - 57 = 3.8).
        var list = CloseTodayRules.Build(
        [
            Ticket("T1", Local(11, 27, 10)), Ticket("T2", Local(11, 27, 11)), Ticket("T3", Local(11, 27, 12)),
            Ticket("S1", Local(11, 28, 10)), Ticket("S2", Local(11, 29, 10)),
        ], 57, 59, friday, 0.95m);

        (list.MustCloseToday, list.MustCloseThisWeek).Should().Be((2L, 4L));
        list.Items.Where(i => i.MustToday).Select(i => i.Number).Should().Equal("T1", "T2");
        list.Items.Where(i => i.MustThisWeek).Select(i => i.Number).Should().Equal("T1", "T2", "T3", "S1");
        list.Items.Where(i => i.DueToday).Select(i => i.Number).Should().Equal("T1", "T2", "T3");
    }

    [Fact]
    public void The_rate_if_all_or_none_close_counts_the_month_so_far_and_the_tickets_due()
    {
        var list = CloseTodayRules.Build([Ticket("A", Local(11, 30, 17)), Ticket("B", Local(11, 30, 17))], 57, 59, Monday, 0.95m);

        list.RateIfAllToday.Should().Be(Math.Round(59 / 61.0, 4));
        list.RateIfNoneToday.Should().Be(Math.Round(57 / 61.0, 4));
        CloseTodayRules.Build([], 0, 0, Monday, 0.95m).RateIfAllToday.Should().BeNull();
    }

    [Theory]
    [InlineData("2026-12-03", "2026-12-06")]
    [InlineData("2026-12-06", "2026-12-06")]
    [InlineData("2026-12-07", "2026-12-13")]
    public void A_week_runs_from_monday_to_sunday(string today, string sunday)
    {
        CloseTodayRules.WeekEnd(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(sunday, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_ticket_past_its_deadline_has_no_chance_and_one_without_history_an_even_one()
    {
        var now = Local(11, 30, 12);
        var history = new HandlingSample("unit", [(2, 10), (100, 10)]);

        ClosingChance.Of([history], now, now.AddHours(-0.5), new HandlingPosition(1, 0)).Should().Be(new ClosingChance(0, ClosingChance.Past));
        ClosingChance.Of([new HandlingSample("unit", [(2, 3)])], now, now.AddHours(10), new HandlingPosition(1, 10)).Should().Be(new ClosingChance(0.5, null));
        ClosingChance.Of([history], now, now.AddHours(10), new HandlingPosition(1, 10)).Should().Be(new ClosingChance(0.5, "unit"),
            "10 of the 20 comparable past tickets took longer than 11 h");
        ClosingChance.Of([history], now, now.AddDays(10), new HandlingPosition(1, 110)).Should().Be(new ClosingChance(1, "unit"),
            "the clock's own hours count, not those to the deadline: none of the 20 took longer than 111 h");
    }
}
