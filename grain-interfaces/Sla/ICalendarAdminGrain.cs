using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Sla;

/// <summary>
/// Administers the working calendar: publishes a year's State Council notice, adds and withdraws county closures, and
/// previews what a change would do to the open clocks. Administrators only; one activation serialises every write.
/// Each change is appended to the calendar log with who, when and why, and every silo takes it up.
/// </summary>
[Alias("Dispatch.Sla.ICalendarAdminGrain")]
public interface ICalendarAdminGrain : IGrainWithIntegerKey
{
    [Alias("PublishYear")] Task<Outcome<CalendarChangeView>> PublishYear(int year, CalendarYearDraft draft, Actor actor);

    /// <summary>Asks every open clocked item: at scale longer than a request's usual grain-call time-out.</summary>
    [Alias("PreviewYear"), ResponseTimeout("00:02:00")] Task<Outcome<CalendarPreviewView>> PreviewYear(int year, CalendarYearDraft draft, Actor actor);

    [Alias("AddClosure")] Task<Outcome<CountyClosureView>> AddClosure(CountyClosureDraft draft, Actor actor);

    [Alias("PreviewClosure"), ResponseTimeout("00:02:00")] Task<Outcome<CalendarPreviewView>> PreviewClosure(CountyClosureDraft draft, Actor actor);

    [Alias("WithdrawClosure")] Task<Outcome<CountyClosureView>> WithdrawClosure(Guid closureId, ClosureWithdrawal withdrawal, Actor actor);
}

/// <summary>A State Council notice as an administrator enters it (PUT /api/calendars/{year}).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarYearDraft")]
public sealed record CalendarYearDraft(
    [property: Id(0)] ImmutableArray<HolidayBlockDraft> HolidayBlocks,
    [property: Id(1)] ImmutableArray<MakeUpDayDraft> MakeUpWorkingDays,
    [property: Id(2)] string? Source,
    [property: Id(3)] string? Reason);

/// <summary>One block of days off: a name (zh, en) and its first and last date (yyyy-MM-dd).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.HolidayBlockDraft")]
public sealed record HolidayBlockDraft([property: Id(0)] string? Name, [property: Id(1)] string? NameEn, [property: Id(2)] string? From, [property: Id(3)] string? To);

/// <summary>A make-up working day (调休上班): a Saturday or Sunday (yyyy-MM-dd) that is worked.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.MakeUpDayDraft")]
public sealed record MakeUpDayDraft([property: Id(0)] string? Date, [property: Id(1)] string? Name, [property: Id(2)] string? NameEn);

/// <summary>A county closure as an administrator enters it: the county, the day (yyyy-MM-dd) and why (in Chinese).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CountyClosureDraft")]
public sealed record CountyClosureDraft([property: Id(0)] string? CountyCode, [property: Id(1)] string? Date, [property: Id(2)] string? Reason);

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.ClosureWithdrawal")]
public sealed record ClosureWithdrawal([property: Id(0)] string? Reason);

/// <summary>A change an administrator is about to make, sent to the open items so each can say how its clocks would move.</summary>
/// <param name="Id">Names the proposal, so a silo builds its calendar once for all items.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarProposal")]
public sealed record CalendarProposal(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int? Year,
    [property: Id(3)] CalendarYearDraft? YearDraft,
    [property: Id(4)] CountyClosureDraft? Closure);

/// <summary>One running clock of an open item, before and after a proposed calendar change.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.ClockShiftView")]
public sealed record ClockShiftView(
    [property: Id(0)] string ItemType,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] string Clock,
    [property: Id(3)] DateTimeOffset DueBefore,
    [property: Id(4)] DateTimeOffset DueAfter,
    [property: Id(5)] double ShiftHours,
    [property: Id(6)] string StateBefore,
    [property: Id(7)] string StateAfter);

/// <summary>
/// What a calendar change would do now: how many running clocks of open items it moves, by how much (earliest and latest
/// shift, in hours), which would become overdue at once, and the moved clocks themselves (at most <see cref="Listed"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarPreviewView")]
public sealed record CalendarPreviewView(
    [property: Id(0)] int OpenItems,
    [property: Id(1)] int RunningClocks,
    [property: Id(2)] int ClocksMoved,
    [property: Id(3)] double LargestEarlierHours,
    [property: Id(4)] double LargestLaterHours,
    [property: Id(5)] ImmutableArray<ClockShiftView> BecomeOverdue,
    [property: Id(6)] ImmutableArray<ClockShiftView> Moved,
    [property: Id(7)] int Listed);

/// <summary>A county closure: a day off for one county's units, with who added it and, once withdrawn, who withdrew it.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CountyClosureView")]
public sealed record CountyClosureView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string CountyCode,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string Reason,
    [property: Id(4)] string AddedBy,
    [property: Id(5)] DateTimeOffset AddedAt,
    [property: Id(6)] string? WithdrawnBy,
    [property: Id(7)] DateTimeOffset? WithdrawnAt,
    [property: Id(8)] string? WithdrawalReason);

/// <summary>One audited change of the calendar: a published year (its blocks, make-up days and notice text) or a closure added or withdrawn.</summary>
/// <param name="Kind">year_published, closure_added or closure_withdrawn.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.CalendarChangeView")]
public sealed record CalendarChangeView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Kind,
    [property: Id(2)] int? Year,
    [property: Id(3)] string Reason,
    [property: Id(4)] string ChangedBy,
    [property: Id(5)] string ChangedRole,
    [property: Id(6)] DateTimeOffset ChangedAt,
    [property: Id(7)] string? Source,
    [property: Id(8)] ImmutableArray<HolidayBlockView> HolidayBlocks,
    [property: Id(9)] ImmutableArray<CalendarDayView> MakeUpWorkingDays,
    [property: Id(10)] Guid? ClosureId,
    [property: Id(11)] string? CountyCode,
    [property: Id(12)] DateOnly? Date);

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.HolidayBlockView")]
public sealed record HolidayBlockView([property: Id(0)] string Name, [property: Id(1)] string? NameEn, [property: Id(2)] DateOnly From, [property: Id(3)] DateOnly To);
