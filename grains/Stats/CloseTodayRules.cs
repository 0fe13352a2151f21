using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>An open ticket of a unit due from today to the end of the week, as the close-today list reads it.</summary>
public sealed record CloseTodayCandidate(Guid Id, string Number, string Kind, string Topic, DateTimeOffset DueAt, bool Suspended, ClosingChance Chance);

/// <summary>
/// 今日必办. The month's on-time closure rate counts, by the end of a day, the month so far (N on time of D counted)
/// and every open ticket due by then (resolved or overdue, each is counted). Of the T tickets due today, the unit must
/// resolve by their deadline the least k with (N + k) / (D + T) &gt;= target, at least 0 and at most T (<see cref="MustClose"/>,
/// the snapshot's forecast); this week likewise with the W tickets due from today to Sunday within this month.
/// A ticket's effect is what the month's rate loses if it goes overdue instead of being resolved on time, with the
/// month so far and every listed ticket of this month counted: 1 / (D + W) for a ticket due this month, 0 for one due
/// next month (it does not count this month). The ranking: effect, largest first; then deadline, soonest first; then
/// chance of closing on time (<see cref="ClosingChance"/>), smallest first; then ticket number. The first k of today's
/// tickets in that order are the ones that must close today, the first k of the week's (this month's) those of the week.
/// </summary>
public static class CloseTodayRules
{
    /// <summary>The least k with (onTime + k) / (counted + due) &gt;= target, clamped to 0..due.</summary>
    public static long MustClose(long onTime, long counted, long due, decimal target) => Math.Clamp(Needed(onTime, counted, due, target), 0, due);

    /// <summary>The least k with (onTime + k) / (counted + due) &gt;= target, unclamped (below 0: reached already; above due: out of reach).</summary>
    public static long Needed(long onTime, long counted, long due, decimal target) => (long)Math.Ceiling(target * (counted + due) - onTime);

    /// <summary>The first Sunday on or after <paramref name="today"/>: the end of its Monday-to-Sunday week.</summary>
    public static DateOnly WeekEnd(DateOnly today) => today.AddDays((7 - (int)today.DayOfWeek) % 7);

    public static CloseToday Build(IEnumerable<CloseTodayCandidate> candidates, long onTime, long counted, DateOnly today, decimal target)
    {
        var monthEnd = StatsPeriod.End(StatsPeriod.Month, today);
        var listed = candidates.Select(c => (Item: c, Day: StatsPeriod.LocalDate(c.DueAt))).ToList();
        var dueToday = listed.Count(c => c.Day == today);
        var dueThisWeek = listed.Count(c => c.Day <= monthEnd);
        var effect = counted + dueThisWeek == 0 ? 0 : 1.0 / (counted + dueThisWeek);
        var ranked = listed
            .Select(c => (c.Item, c.Day, InMonth: c.Day <= monthEnd))
            .OrderByDescending(c => c.InMonth ? effect : 0)
            .ThenBy(c => c.Item.DueAt)
            .ThenBy(c => c.Item.Chance.Chance)
            .ThenBy(c => c.Item.Number, StringComparer.Ordinal)
            .ToList();
        var mustToday = MustClose(onTime, counted, dueToday, target);
        var mustWeek = MustClose(onTime, counted, dueThisWeek, target);
        var todaySeen = 0L;
        var weekSeen = 0L;
        var items = ImmutableArray.CreateBuilder<CloseTodayItem>(ranked.Count);
        foreach (var (c, day, inMonth) in ranked)
        {
            var isToday = day == today;
            items.Add(new CloseTodayItem
            {
                Rank = items.Count + 1, Id = c.Id, Number = c.Number, Kind = c.Kind, Topic = c.Topic, DueAt = c.DueAt,
                DueToday = isToday, InThisMonth = inMonth, Suspended = c.Suspended, Effect = inMonth ? Math.Round(effect, 6) : 0,
                Chance = Math.Round(c.Chance.Chance, 4), Basis = c.Chance.Basis,
                MustToday = isToday && todaySeen++ < mustToday,
                MustThisWeek = inMonth && weekSeen++ < mustWeek,
            });
        }
        return new CloseToday
        {
            Today = today, WeekEnd = WeekEnd(today), Target = (double)target, OnTimeSoFar = onTime, CountedSoFar = counted,
            DueToday = dueToday, MustCloseToday = mustToday,
            RateIfAllToday = TicketFigures.Rate(onTime + dueToday, counted + dueToday), RateIfNoneToday = TicketFigures.Rate(onTime, counted + dueToday),
            DueThisWeek = dueThisWeek, MustCloseThisWeek = mustWeek,
            RateIfAllThisWeek = TicketFigures.Rate(onTime + dueThisWeek, counted + dueThisWeek), RateIfNoneThisWeek = TicketFigures.Rate(onTime, counted + dueThisWeek),
            Items = items.MoveToImmutable(),
        };
    }
}
