using System.Collections.Immutable;
using Dispatch.Errors;

namespace Dispatch.Sla;

/// <summary>
/// The working-day calendar as the silos use it: each year's status (official: the State Council notice is loaded;
/// provisional: days off derived from the holiday statute; missing: Monday-Friday only), its days off and make-up
/// working days, and how far ahead it can be trusted. A stateless worker: every silo answers from what it loaded.
/// </summary>
[Alias("Dispatch.Sla.ICalendarGrain")]
public interface ICalendarGrain : IGrainWithIntegerKey
{
    /// <summary>The years, from today through <paramref name="days"/> days ahead, that are not official.</summary>
    [Alias("YearsNotOfficial")]
    Task<ImmutableArray<CalendarYearOutlook>> YearsNotOfficial(int days);

    /// <summary>Every year the calendar covers, official or provisional, in order.</summary>
    [Alias("Years")]
    Task<ImmutableArray<CalendarYearOutlook>> Years();

    /// <summary>One year's days off and make-up working days with its status and source.</summary>
    [Alias("Year")]
    Task<Outcome<CalendarYearView>> Year(int year);

    /// <summary>Every published version of a year, oldest first, with who published it, when and why.</summary>
    [Alias("History")]
    Task<Outcome<ImmutableArray<CalendarChangeView>>> History(int year);

    /// <summary>County closures, newest day first; withdrawn ones only when asked.</summary>
    [Alias("Closures")]
    Task<ImmutableArray<CountyClosureView>> Closures(bool includeWithdrawn);
}

/// <param name="Status">official, provisional or missing.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarYearOutlook")]
public sealed record CalendarYearOutlook([property: Id(0)] int Year, [property: Id(1)] string Status);

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarYearView")]
public sealed record CalendarYearView(
    [property: Id(0)] int Year,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Source,
    [property: Id(3)] ImmutableArray<CalendarDayView> DaysOff,
    [property: Id(4)] ImmutableArray<CalendarDayView> MakeUpWorkingDays);

/// <summary>A named day: a holiday (or its made-up day off) or a make-up working day (调休上班).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarDayView")]
public sealed record CalendarDayView([property: Id(0)] DateOnly Date, [property: Id(1)] string Name, [property: Id(2)] string? NameEn);
