using System.Collections.Immutable;
using Dispatch.Calendar;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Scopes;

namespace Dispatch.Rehab;

/// <summary>What a plan's visit is now, as the plan reads it from the visit before a change.</summary>
public sealed record PlanVisitFacts(int Sequence, string Status, VisitWindow? Window);

/// <summary>What may happen to a plan once made, and who may do it. No Orleans, no I/O.</summary>
public static class RehabPlanRules
{
    public static readonly DomainError NotFound = DomainError.NotFound("Rehabilitation plan", "康复计划");

    public static readonly DomainError Ended = DomainError.Conflict("plan_ended", "该康复计划已终止。", "The plan has already ended.");

    public static readonly DomainError AlreadyPaused = DomainError.Conflict("plan_paused", "该康复计划已暂停，请先恢复。", "The plan is paused; resume it first.");

    public static readonly DomainError NotPaused = DomainError.Conflict("plan_not_paused", "该康复计划未暂停，无需恢复。", "The plan is not paused.");

    /// <summary>As with a single visit: the provider's staff, an administrator, or an operator when the person calls it off.</summary>
    public static bool MayEnd(Actor actor, string providerCode) =>
        actor.Role is Roles.Admin or Roles.Operator || ActorScope.Of(actor).IsStaffOf(providerCode);

    /// <summary>终止计划: refused outside the user's scope (404), for other roles (403), at another version, once ended, or without a reason.</summary>
    public static (PlanEnded? Ended, DomainError? Refused) End(PlanState s, Actor actor, EndPlan command, int? expectedVersion)
    {
        if (Gate(s, actor, expectedVersion, "终止", "end") is { } refused)
        {
            return (null, refused);
        }
        if (TextRules.Invalid(TextRules.Check("reason", command.Reason, TextLimits.Note, true, "终止原因", "reason")) is { } invalid)
        {
            return (null, invalid);
        }
        return (new PlanEnded(command.Reason!.Trim()), null);
    }

    /// <summary>
    /// Who may change a plan and when: outside the user's scope 404, other roles 403, another version 412, an ended plan
    /// 409 plan_ended. The same for ending, amending, pausing and resuming.
    /// </summary>
    public static DomainError? Gate(PlanState s, Actor actor, int? expectedVersion, string whatZh, string whatEn)
    {
        if (!s.Exists || !RehabAccess.CanSee(actor, s.Plan.ProviderCode, s.Plan.Person.CountyCode))
        {
            return NotFound;
        }
        if (!MayEnd(actor, s.Plan.ProviderCode))
        {
            return DomainError.Forbidden($"只有康复机构、话务员和系统管理员可以{whatZh}康复计划。", $"Only the provider, operators and administrators {whatEn} a plan.");
        }
        if (expectedVersion is { } expected && expected != s.Version)
        {
            return DomainError.Stale(s.Version);
        }
        return s.Ended ? Ended : null;
    }

    /// <summary>A visit the plan may still move or call off: scheduled (with or without a worker) and not yet begun.</summary>
    public static bool NotStarted(PlanVisitFacts? visit, DateTimeOffset now) =>
        visit is { Status: RehabVisitStatus.Scheduled or RehabVisitStatus.Assigned, Window: { } window } && window.Start > now;

    /// <summary>
    /// 调整计划, going forward. Visits done, under way, past, missed or cancelled never change and count towards
    /// <see cref="AmendPlan.Count"/>; the visits not yet started are the plan's future. With the same frequency, time and
    /// length they stay where they are: more visits are added after the last one at the frequency, fewer cancel the latest.
    /// With a new frequency, time or length the future is laid out again from the first visit not yet started (its date,
    /// the new time), as a plan is made (<see cref="PlanSchedule"/>); each visit not yet started moves to its new window.
    /// Answers (null, null) when the request changes nothing (a repeat of an amendment already made).
    /// </summary>
    public static (PlanAmended? Amended, DomainError? Refused) Amend(PlanState s, Actor actor, AmendPlan command, int? expectedVersion,
        IReadOnlyDictionary<int, PlanVisitFacts> visits, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (Gate(s, actor, expectedVersion, "调整", "amend") is { } refused)
        {
            return (null, refused);
        }
        if (s.Paused)
        {
            return (null, AlreadyPaused);
        }
        var errors = new List<FieldError?>();
        if (command.Count is not null)
        {
            errors.Add(RehabOpening.CountError(command.Count));
        }
        if (command.Frequency is not null)
        {
            errors.Add(TextRules.Choice("frequency", command.Frequency, RehabVocabulary.FrequencyDays.Keys.ToHashSet(), "频次", "frequency"));
        }
        var time = command.TimeOfDay is null ? (TimeOnly?)null : RosterRules.Time("timeOfDay", command.TimeOfDay, "上门时间", "visit time", errors);
        if (command.WindowMinutes is { } windowMinutes)
        {
            errors.Add(RehabRules.WindowMinutesError(windowMinutes));
        }
        if (command.Count is null && command.Frequency is null && command.TimeOfDay is null && command.WindowMinutes is null)
        {
            errors.Add(new FieldError("count", "nothing_to_change", "请至少调整上门次数、频次、上门时间或时段长度中的一项。",
                "Change at least one of the number of visits, the frequency, the visit time or the window length."));
        }
        errors.Add(TextRules.Check("reason", command.Reason, TextLimits.Note, true, "调整原因", "reason"));
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return (null, invalid);
        }
        var future = s.Current.Where(e => NotStarted(visits.GetValueOrDefault(e.Visit.Sequence), now)).ToList();
        var kept = s.Current.Count() - future.Count;
        var count = command.Count ?? s.Current.Count();
        if (count < kept)
        {
            return (null, DomainError.Validation([new FieldError("count", "below_started",
                $"已开始、已结束或已过时段的上门有 {kept} 次，调整后的次数不能少于此数。",
                $"{kept} visits of the plan have begun, ended or passed; the plan cannot have fewer.")]));
        }
        var frequency = command.Frequency ?? s.Frequency;
        var minutes = command.WindowMinutes ?? s.WindowMinutes;
        var interval = RehabVocabulary.FrequencyDays[frequency];
        var slots = count - kept;
        var current = future.Select(e => visits[e.Visit.Sequence].Window!).ToList();
        var relayout = frequency != s.Frequency || minutes != s.WindowMinutes || time is not null;
        List<VisitWindow> windows;
        if (relayout)
        {
            var first = current.Count > 0 ? current[0].Start : After(s, visits, interval, now);
            var start = At(first, time, calendar);
            if (slots > 0 && start <= now)
            {
                return (null, DomainError.Validation([new FieldError("timeOfDay", "in_past",
                    "按此时间，下一次上门已早于当前时间，请另选时间。", "At that time the next visit would start in the past; choose another time.")]));
            }
            windows = slots == 0 ? [] : [.. PlanSchedule.Expand(new VisitWindow(start, start.AddMinutes(minutes)), interval, slots, calendar)];
        }
        else
        {
            windows = [.. current.Take(slots)];
            if (slots > current.Count)
            {
                var next = After(s, visits, interval, now);
                var length = current.Count > 0 ? current[^1].End - current[^1].Start : TimeSpan.FromMinutes(minutes);
                windows.AddRange(PlanSchedule.Expand(new VisitWindow(next, next + length), interval, slots - current.Count, calendar));
            }
        }
        var moved = future.Zip(windows).Where(p => visits[p.First.Visit.Sequence].Window != p.Second)
            .Select(p => p.First.Visit with { WindowStart = p.Second.Start, WindowEnd = p.Second.End }).ToImmutableList();
        var cancelled = future.Skip(slots).Select(e => e.Visit.Sequence).ToImmutableList();
        var added = Opened(s, windows.Skip(future.Count));
        if (moved.IsEmpty && cancelled.IsEmpty && added.IsEmpty && frequency == s.Frequency && minutes == s.WindowMinutes)
        {
            return (null, null);
        }
        return (new PlanAmended(command.Reason!.Trim(), s.Current.Count(), count, s.Frequency, frequency, s.WindowMinutes, minutes,
            time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), added, moved, cancelled), null);
    }

    /// <summary>
    /// 暂停 from a local date (today or later), optionally until one (inclusive): the plan's visits not yet started whose
    /// window begins on a day of the pause are called off (cancelled with the reason). A paused plan cannot be paused again.
    /// </summary>
    public static (PlanPaused? Paused, DomainError? Refused) Pause(PlanState s, Actor actor, PausePlan command, int? expectedVersion,
        IReadOnlyDictionary<int, PlanVisitFacts> visits, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (Gate(s, actor, expectedVersion, "暂停", "pause") is { } refused)
        {
            return (null, refused);
        }
        if (s.Paused)
        {
            return (null, AlreadyPaused);
        }
        var today = calendar.LocalDate(now);
        var errors = new List<FieldError?>
        {
            command.From is null ? new FieldError("from", "required", "请填写暂停开始日期。", "The first day of the pause is required.")
            : command.From < today ? new FieldError("from", "in_past", "暂停开始日期不能早于今天。", "The pause cannot begin before today.")
            : null,
            command.Until is { } until && command.From is { } from && until < from
                ? new FieldError("until", "before_from", "暂停结束日期不能早于开始日期。", "The pause cannot end before it begins.")
                : null,
            TextRules.Check("reason", command.Reason, TextLimits.Note, true, "暂停原因", "reason"),
        };
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return (null, invalid);
        }
        var cancelled = s.Current.Where(e => NotStarted(visits.GetValueOrDefault(e.Visit.Sequence), now)
                && calendar.LocalDate(visits[e.Visit.Sequence].Window!.Start) is var day && day >= command.From && (command.Until is null || day <= command.Until))
            .Select(e => e.Visit.Sequence).ToImmutableList();
        return (new PlanPaused(command.From!.Value, command.Until, command.Reason!.Trim(), cancelled), null);
    }

    /// <summary>
    /// 恢复: the plan keeps its number of visits. As many visits as the pause called off are added after the plan's last
    /// remaining visit, at its frequency, time and window length, the first of them after now.
    /// </summary>
    public static (PlanResumed? Resumed, DomainError? Refused) Resume(PlanState s, Actor actor, ResumePlan command, int? expectedVersion,
        IReadOnlyDictionary<int, PlanVisitFacts> visits, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (Gate(s, actor, expectedVersion, "恢复", "resume") is { } refused)
        {
            return (null, refused);
        }
        if (!s.Paused)
        {
            return (null, NotPaused);
        }
        if (TextRules.Invalid(TextRules.Check("reason", command.Reason, TextLimits.Note, true, "恢复原因", "reason")) is { } invalid)
        {
            return (null, invalid);
        }
        var owed = s.Pause!.Cancelled.Count;
        var next = After(s, visits, RehabVocabulary.FrequencyDays[s.Frequency], now);
        var windows = owed == 0 ? [] : PlanSchedule.Expand(new VisitWindow(next, next.AddMinutes(s.WindowMinutes)), RehabVocabulary.FrequencyDays[s.Frequency], owed, calendar);
        return (new PlanResumed(command.Reason!.Trim(), Opened(s, windows)), null);
    }

    /// <summary>
    /// Where the plan goes on after its visits: one interval after the latest window of its current visits (the first
    /// occurrence when a change called them all off), stepped on by whole intervals until it lies after now.
    /// </summary>
    private static DateTimeOffset After(PlanState s, IReadOnlyDictionary<int, PlanVisitFacts> visits, int interval, DateTimeOffset now)
    {
        var windows = s.Current.Select(e => visits.GetValueOrDefault(e.Visit.Sequence)?.Window ?? e.Visit.Window).ToList();
        var next = windows.Count > 0 ? windows.Max(w => w.Start).AddDays(interval) : s.Entries.Min(e => e.Visit.WindowStart);
        while (next <= now)
        {
            next = next.AddDays(interval);
        }
        return next;
    }

    /// <summary>The same local day at another local time (Jiaxing), or as it is.</summary>
    private static DateTimeOffset At(DateTimeOffset instant, TimeOnly? time, WorkingCalendar calendar) =>
        time is { } at ? calendar.StartOfLocalDay(calendar.LocalDate(instant)).Add(at.ToTimeSpan()) : instant;

    /// <summary>New occurrences after every sequence the plan ever had, with ids derived from the plan and their sequence.</summary>
    private static ImmutableList<PlannedVisit> Opened(PlanState s, IEnumerable<VisitWindow> windows) =>
        [.. windows.Select((w, i) => new PlannedVisit(s.NextSequence + i, PlanVisitIds.Of(s.Id, s.NextSequence + i), w.Start, w.End))];
}
