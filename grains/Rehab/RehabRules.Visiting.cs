using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Tickets;
using static Dispatch.Items.TextRules;

namespace Dispatch.Rehab;

/// <summary>At the person's home and after: check-in, completion, the record, a missed visit, cancellation, supervision.</summary>
public static partial class RehabRules
{
    /// <summary>到达签到: from an hour before the window opens; the first-visit clock stops.</summary>
    public static Change<RehabEvent> CheckIn(RehabState s, Actor actor, VisitNote command, DateTimeOffset now)
    {
        if (Gate(s, actor, RehabActions.CheckIn, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        if (now < s.Window!.Start - EarlyCheckIn)
        {
            return Conflict(s, "too_early", "距上门时段开始还早于 1 小时，不能签到。", "Check-in opens one hour before the window starts.");
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(new VisitCheckedIn(Trimmed(command.Note)));
    }

    /// <summary>完成服务: the window clock stops; the record clock starts unless the notes come with it.</summary>
    public static Change<RehabEvent> Complete(RehabState s, Actor actor, VisitRecord command)
    {
        if (Gate(s, actor, RehabActions.Complete, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("notes", command.Notes, TextLimits.LongText, false, "服务记录", "visit notes")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(new VisitCompleted(Trimmed(command.Notes)));
    }

    /// <summary>服务记录: what was done, within one working day of the visit.</summary>
    public static Change<RehabEvent> Record(RehabState s, Actor actor, VisitRecord command)
    {
        if (Gate(s, actor, RehabActions.Record, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("notes", command.Notes, TextLimits.LongText, true, "服务记录", "visit notes")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(new VisitRecordFiled(command.Notes!.Trim()));
    }

    /// <summary>未上门: only once the window has opened (before that, reschedule or cancel); the worker is free again.</summary>
    public static Change<RehabEvent> Miss(RehabState s, Actor actor, VisitReason command, DateTimeOffset now)
    {
        if (Gate(s, actor, RehabActions.Miss, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        if (now < s.Window!.Start)
        {
            return Conflict(s, "window_not_started", "上门时段尚未开始，不能登记未上门；如需调整请改期或取消。",
                "The window has not started; reschedule or cancel the visit instead of recording it as missed.");
        }
        return Invalid(Check("reason", command.Reason, TextLimits.Note, true, "未上门原因", "reason")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(new VisitMissed(command.Reason!.Trim()));
    }

    public static Change<RehabEvent> Cancel(RehabState s, Actor actor, VisitReason command)
    {
        if (Gate(s, actor, RehabActions.Cancel, () => RehabAccess.MayCancel(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("reason", command.Reason, TextLimits.Note, true, "取消原因", "reason")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(new VisitCancelled(command.Reason!.Trim()));
    }

    public static Change<RehabEvent> Supervise(RehabState s, Actor actor, VisitNote command, Guid orderId)
    {
        if (Gate(s, actor, RehabActions.Supervise, () => RehabAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, true, "督办意见", "note")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(new VisitSupervisionOrdered(orderId, SupervisionCauses.Manual, command.Note!.Trim()));
    }

    private static readonly ClockEventShapes<RehabEvent> ClockShapes = new(
        clock => new VisitClockWarned(clock), clock => new VisitClockOverdue(clock), (id, cause, note) => new VisitSupervisionOrdered(id, cause, note));

    /// <summary>Warnings and overdue for clocks that reached those points; overdue also issues a supervision order.</summary>
    public static IReadOnlyList<RehabEvent> ClockEvents(RehabState s, IClockReader clocks, Func<Guid> newOrderId) =>
        !s.Exists || s.Status == RehabVisitStatus.Cancelled ? [] : Items.ClockEvents.Due(s.Clocks, clocks, Words, ClockShapes, newOrderId);
}
