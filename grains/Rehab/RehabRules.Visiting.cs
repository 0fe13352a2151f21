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

    /// <summary>
    /// 督办 by a supervisor whose scope covers the visit: it asks the provider for a written reply within the unit level's
    /// reply time (supervision.json); unanswered, it escalates to the county and then the city.
    /// </summary>
    public static Change<RehabEvent> Supervise(RehabState s, Actor actor, VisitNote command, Guid orderId, IClockReader clocks)
    {
        if (Gate(s, actor, RehabActions.Supervise, () => RehabAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        return Invalid(Check("note", command.Note, TextLimits.Note, true, "督办意见", "note")) is { } invalid
            ? invalid
            : Change<RehabEvent>.Of(Order(s, orderId, SupervisionCauses.Manual, command.Note!.Trim(), clocks));
    }

    /// <summary>督办回复: the provider's staff answer an open order in writing, which closes it.</summary>
    public static Change<RehabEvent> ReplyToOrder(RehabState s, Actor actor, ReplyToOrder command)
    {
        if (Gate(s, actor, RehabActions.SupervisionReply, () => RehabAccess.IsProvider(actor, s)) is { } refused)
        {
            return refused;
        }
        var (order, reply, invalid) = SupervisionOrders.Answer(s.SupervisionOrders, command.OrderId, command.Reply, Words);
        if (invalid is not null)
        {
            return invalid;
        }
        return order!.Open
            ? Change<RehabEvent>.Of(new VisitSupervisionReplied(order.OrderId, reply!, actor.UserId))
            : Conflict(s, SupervisionOrders.NotOpenCode, SupervisionOrders.NotOpen.Zh, SupervisionOrders.NotOpen.En);
    }

    /// <summary>An order of this cause, asking the provider holding the visit for a reply.</summary>
    private static VisitSupervisionOrdered Order(RehabState s, Guid orderId, string cause, string? note, IClockReader clocks) =>
        new(orderId, cause, note, SupervisionOrders.ReplyWithin(s.ProviderCode, clocks));

    /// <summary>
    /// Warnings and overdue for clocks that reached those points (overdue also issues a supervision order), and each open
    /// order unanswered at its due time going one level up (also on a cancelled visit: the order waits for its reply).
    /// </summary>
    public static IReadOnlyList<RehabEvent> ClockEvents(RehabState s, IClockReader clocks, Func<Guid> newOrderId)
    {
        if (!s.Exists)
        {
            return [];
        }
        var shapes = new ClockEventShapes<RehabEvent>(
            clock => new VisitClockWarned(clock), clock => new VisitClockOverdue(clock), (id, cause, note) => Order(s, id, cause, note, clocks));
        IEnumerable<RehabEvent> alarms = s.Status == RehabVisitStatus.Cancelled ? [] : Items.ClockEvents.Due(s.Clocks, clocks, Words, shapes, newOrderId);
        return [.. alarms, .. SupervisionOrders.Due(s.SupervisionOrders, clocks).Select(e => new VisitSupervisionEscalated(e.OrderId, e.Cause, e.Level, e.ReplyWithin))];
    }
}
