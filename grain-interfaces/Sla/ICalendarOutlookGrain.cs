using System.Collections.Immutable;

namespace Dispatch.Sla;

/// <summary>
/// How far the working calendar can be trusted: the years of the coming days that have no published State Council
/// notice yet (provisional, derived from the statute) or no calendar at all (missing, Monday-Friday only).
/// </summary>
[Alias("Dispatch.Sla.ICalendarOutlookGrain")]
public interface ICalendarOutlookGrain : IGrainWithIntegerKey
{
    /// <summary>The years, from today through <paramref name="days"/> days ahead, that are not official.</summary>
    [Alias("YearsNotOfficial")]
    Task<ImmutableArray<CalendarYearOutlook>> YearsNotOfficial(int days);
}

/// <param name="Status">provisional or missing.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarYearOutlook")]
public sealed record CalendarYearOutlook([property: Id(0)] int Year, [property: Id(1)] string Status);
