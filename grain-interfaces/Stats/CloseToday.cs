using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>
/// 今日必办: a unit's open tickets due today and later this week (Asia/Shanghai days, Monday to Sunday), ranked by their
/// effect on this month's on-time closure rate, with how many must be resolved by their deadline today and this week so
/// that the month's rate (the month so far plus those deadlines) reaches the target, and the rate if all or none are.
/// The rules are in <c>CloseTodayRules</c>; <see cref="MustCloseToday"/> is the snapshot's forecast figure.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.CloseToday")]
public sealed record CloseToday
{
    [Id(0)] public string Scope { get; init; } = "";
    [Id(1)] public DateTimeOffset At { get; init; }
    [Id(2)] public DateOnly Today { get; init; }

    /// <summary>The Sunday that ends this week (included).</summary>
    [Id(3)] public DateOnly WeekEnd { get; init; }
    [Id(4)] public double Target { get; init; }

    /// <summary>This month's on-time numerator and denominator so far (the counters).</summary>
    [Id(5)] public long OnTimeSoFar { get; init; }
    [Id(6)] public long CountedSoFar { get; init; }
    [Id(7)] public long DueToday { get; init; }
    [Id(8)] public long MustCloseToday { get; init; }
    [Id(9)] public double? RateIfAllToday { get; init; }
    [Id(10)] public double? RateIfNoneToday { get; init; }

    /// <summary>Listed tickets due from today to the end of the week and within this month.</summary>
    [Id(11)] public long DueThisWeek { get; init; }
    [Id(12)] public long MustCloseThisWeek { get; init; }
    [Id(13)] public double? RateIfAllThisWeek { get; init; }
    [Id(14)] public double? RateIfNoneThisWeek { get; init; }

    /// <summary>Ranked: effect (largest first), then deadline, then chance of closing on time (smallest first), then number.</summary>
    [Id(15)] public ImmutableArray<CloseTodayItem> Items { get; init; } = [];
}

/// <summary>
/// One listed ticket (number, kind, topic and deadline only: no names, no phone numbers). <see cref="Effect"/> is the
/// fraction of the month's on-time rate lost if it goes overdue rather than being resolved by its deadline (0 when the
/// deadline falls next month); <see cref="Chance"/> the chance of resolving it on time from past handling times
/// (<see cref="Basis"/>: unit, county, city; null without enough history, then counted as an even chance; "past" when the
/// deadline has already passed).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.CloseTodayItem")]
public sealed record CloseTodayItem
{
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public Guid Id { get; init; }
    [Id(2)] public string Number { get; init; } = "";
    [Id(3)] public string Kind { get; init; } = "";
    [Id(4)] public string Topic { get; init; } = "";
    [Id(5)] public DateTimeOffset DueAt { get; init; }
    [Id(6)] public bool DueToday { get; init; }
    [Id(7)] public bool InThisMonth { get; init; }
    [Id(8)] public bool Suspended { get; init; }
    [Id(9)] public double Effect { get; init; }
    [Id(10)] public double Chance { get; init; }
    [Id(11)] public string? Basis { get; init; }

    /// <summary>Among the first <c>MustCloseToday</c> of today's tickets in rank order.</summary>
    [Id(12)] public bool MustToday { get; init; }

    /// <summary>Among the first <c>MustCloseThisWeek</c> of this week's tickets (this month's) in rank order.</summary>
    [Id(13)] public bool MustThisWeek { get; init; }
}
