using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using static Dispatch.Items.TextRules;

namespace Dispatch.Rehab;

/// <summary>Another visit that already holds the worker in an overlapping window; LocalWindow is shown as the user reads time.</summary>
public sealed record BookingConflict(Guid VisitId, string Number, string WorkerId, string WorkerName, string LocalWindow);

/// <summary>Windows and workers: schedule, reschedule, assign.</summary>
public static partial class RehabRules
{
    public const int MaxWorkerNameLength = 50;

    /// <summary>Clocks on different machines differ a little; a window starting this shortly before now is still accepted.</summary>
    public static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A window must last from <see cref="RehabClockRules.MinWindowMinutes"/> to <see cref="RehabClockRules.MaxWindowMinutes"/> minutes.</summary>
    public static FieldError? WindowMinutesError(int minutes, string field = "windowMinutes") =>
        minutes is >= RehabClockRules.MinWindowMinutes and <= RehabClockRules.MaxWindowMinutes
            ? null
            : new FieldError(field, "invalid_value",
                $"上门时段须为 {RehabClockRules.MinWindowMinutes} 到 {RehabClockRules.MaxWindowMinutes} 分钟。",
                $"The window must last {RehabClockRules.MinWindowMinutes} to {RehabClockRules.MaxWindowMinutes} minutes.");

    /// <summary>The window a schedule asks for, or null with field errors added.</summary>
    public static VisitWindow? WindowOf(DateTimeOffset? start, int? minutes, RehabClockRules rules, DateTimeOffset now, List<FieldError> errors,
        string startField = "windowStart", string minutesField = "windowMinutes")
    {
        var length = minutes ?? rules.DefaultWindowMinutes;
        if (WindowMinutesError(length, minutesField) is { } tooShortOrLong)
        {
            errors.Add(tooShortOrLong);
            return null;
        }
        if (start is not { } begins)
        {
            errors.Add(new FieldError(startField, "required", "请填写上门时段的开始时间。", "The start of the window is required."));
            return null;
        }
        if (begins < now - PastTolerance)
        {
            errors.Add(new FieldError(startField, "in_past", "上门时段不能早于当前时间。", "The window cannot start in the past."));
            return null;
        }
        return new VisitWindow(begins.ToUniversalTime(), begins.ToUniversalTime().AddMinutes(length));
    }

    /// <summary>
    /// 受理 by the provider's staff: the first-visit clock starts now. A window the request asked for is scheduled with it
    /// while it still lies ahead; otherwise the provider schedules one.
    /// </summary>
    public static Change<RehabEvent> Accept(RehabState s, Actor actor, VisitNote command, DateTimeOffset now)
    {
        if (Gate(s, actor, RehabActions.Accept, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        if (Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid)
        {
            return invalid;
        }
        var accepted = new VisitAccepted(Trimmed(command.Note));
        return s.AskedWindow is { } asked && asked.Start >= now - PastTolerance
            ? Change<RehabEvent>.Of(accepted, new VisitScheduled(asked.Start, asked.End))
            : Change<RehabEvent>.Of(accepted);
    }

    /// <summary>排期: the visit gets its window and the window clock.</summary>
    public static Change<RehabEvent> Schedule(RehabState s, Actor actor, ScheduleVisit command, DateTimeOffset now)
    {
        if (Gate(s, actor, RehabActions.Schedule, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        var errors = new List<FieldError>();
        var window = WindowOf(command.WindowStart, command.WindowMinutes, s.Rules, now, errors);
        return Invalid([.. errors]) is { } invalid ? invalid : Change<RehabEvent>.Of(new VisitScheduled(window!.Start, window.End));
    }

    /// <summary>
    /// 改期 with a reason; the earlier window stays in the history. An assigned worker goes along when free in the new
    /// window (<paramref name="conflict"/> says when not); a missed visit starts again without a worker.
    /// </summary>
    public static Change<RehabEvent> Reschedule(RehabState s, Actor actor, ScheduleVisit command, DateTimeOffset now, BookingConflict? conflict,
        DomainError? unavailable = null)
    {
        if (Gate(s, actor, RehabActions.Reschedule, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        var errors = new List<FieldError>();
        var window = WindowOf(command.WindowStart, command.WindowMinutes, s.Rules, now, errors);
        if (Check("reason", command.Reason, TextLimits.Note, true, "改期原因", "reason") is { } reason)
        {
            errors.Add(reason);
        }
        if (Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        if (unavailable is not null)
        {
            return Unavailable(s, unavailable);
        }
        if (conflict is not null)
        {
            return DoubleBooked(s, conflict);
        }
        return Change<RehabEvent>.Of(new VisitRescheduled(window!.Start, window.End, command.Reason!.Trim(), KeepsWorker(s)));
    }

    /// <summary>
    /// A plan's amendment moves the visit (改期 with the plan's reason): only a visit of that plan, scheduled and not yet
    /// begun; the worker goes along when <paramref name="workerFree"/>, otherwise the visit is left without one.
    /// </summary>
    public static Change<RehabEvent> MoveForPlan(RehabState s, Actor actor, PlanMoveRequest move, bool workerFree, DateTimeOffset now)
    {
        if (Gate(s, actor, RehabActions.Reschedule, () => RehabAccess.MayCancel(actor, s)) is { } refused)
        {
            return refused;
        }
        if (s.PlanId != move.PlanId || s.Status is not (RehabVisitStatus.Scheduled or RehabVisitStatus.Assigned) || s.Window!.Start <= now)
        {
            return Conflict(s, "visit_started", "该上门服务已开始、已过时段或不属于此计划，计划调整不再改动它。",
                "The visit has begun, its window has passed or it is not of this plan; the plan's change leaves it as it is.");
        }
        return Change<RehabEvent>.Of(new VisitRescheduled(move.WindowStart, move.WindowEnd, move.Reason, KeepsWorker(s) && workerFree));
    }

    /// <summary>Whether a reschedule keeps the worker: only a visit that has one booked.</summary>
    public static bool KeepsWorker(RehabState s) => s.Status == RehabVisitStatus.Assigned && s.Worker is not null;

    /// <summary>
    /// 派人 (or another worker): refused with a 409 when the roster says the worker cannot take the window
    /// (<paramref name="unavailable"/>, see <see cref="RosterRules.Refusal"/>) or the worker is booked for an overlapping window.
    /// </summary>
    public static Change<RehabEvent> Assign(RehabState s, Actor actor, AssignWorker command, BookingConflict? conflict, DomainError? unavailable = null)
    {
        if (Gate(s, actor, RehabActions.Assign, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        if (Invalid(RosterRules.WorkerIdError(command.WorkerId), Check("workerName", command.WorkerName, MaxWorkerNameLength, true, "康复人员姓名", "worker's name")) is { } invalid)
        {
            return invalid;
        }
        if (unavailable is not null)
        {
            return Unavailable(s, unavailable);
        }
        if (conflict is not null)
        {
            return DoubleBooked(s, conflict);
        }
        return Change<RehabEvent>.Of(new WorkerAssigned(command.WorkerId!.Trim(), command.WorkerName!.Trim()));
    }

    public static DomainError DoubleBooked(RehabState s, BookingConflict conflict) => Conflict(s, "worker_double_booked",
        $"康复人员 {conflict.WorkerName}（{conflict.WorkerId}）在 {conflict.LocalWindow} 已有上门服务 {conflict.Number}，时间重叠，不能重复预约。请另选人员或时段。",
        $"Worker {conflict.WorkerName} ({conflict.WorkerId}) is already booked for visit {conflict.Number} at {conflict.LocalWindow} (Asia/Shanghai); " +
        "the windows overlap, so the worker cannot be booked twice. Choose another worker or time.");

    /// <summary>The roster's refusal as a 409 of the visit: its code and message, with the visit's status and allowed actions.</summary>
    public static DomainError Unavailable(RehabState s, DomainError refusal) => Conflict(s, refusal.Code, refusal.MessageZh, refusal.MessageEn);
}
