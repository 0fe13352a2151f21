using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;

namespace Dispatch.Tickets;

public static partial class TicketRules
{
    /// <summary>
    /// 督办 by a supervisor whose scope covers the ticket. While a unit holds the ticket the order asks it for a written
    /// reply within the unit level's reply time (supervision.json).
    /// </summary>
    public static Change<TicketEvent> Supervise(TicketState s, Actor actor, TicketNote command, Guid orderId, IClockReader clocks)
    {
        if (Gate(s, actor, TicketActions.Supervise, () => TicketAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        if (TextRules.Invalid(TextRules.Check("note", command.Note, TextLimits.Note, true, "督办意见", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(Order(s, orderId, SupervisionCauses.Manual, command.Note!.Trim(), clocks));
    }

    /// <summary>督办回复: the handling unit answers an open order in writing, which closes it.</summary>
    public static Change<TicketEvent> ReplyToOrder(TicketState s, Actor actor, ReplyToOrder command)
    {
        if (Gate(s, actor, TicketActions.SupervisionReply, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        var (order, reply, invalid) = SupervisionOrders.Answer(s.SupervisionOrders, command.OrderId, command.Reply, Words);
        if (invalid is not null)
        {
            return invalid;
        }
        if (!order!.Open)
        {
            return Conflict(s, SupervisionOrders.NotOpenCode, SupervisionOrders.NotOpen.Zh, SupervisionOrders.NotOpen.En);
        }
        return Change<TicketEvent>.Of(new SupervisionReplied(order.OrderId, reply!, actor.UserId));
    }

    /// <summary>催办: a reminder to the unit with a note, by an operator or a supervisor; it has no clock and never escalates.</summary>
    public static Change<TicketEvent> Remind(TicketState s, Actor actor, TicketNote command)
    {
        if (Gate(s, actor, TicketActions.Remind, () => TicketAccess.IsDispatcher(actor) || TicketAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused;
        }
        if (TextRules.Invalid(TextRules.Check("note", command.Note, TextLimits.Note, true, "催办内容", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketReminded(command.Note!.Trim()));
    }

    /// <summary>An order of this cause, asking the unit holding the ticket (if any) for a reply.</summary>
    private static SupervisionOrderIssued Order(TicketState s, Guid orderId, string cause, string? note, IClockReader clocks) =>
        new(orderId, cause, note, SupervisionOrders.ReplyWithin(s.UnitCode, clocks));

    /// <summary>
    /// What the watcher finds due: warnings and overdue for clocks that reached those points (overdue also issues an
    /// order), and each open order unanswered at its due time going one level up.
    /// </summary>
    public static IReadOnlyList<TicketEvent> ClockEvents(TicketState s, IClockReader clocks, Func<Guid> newOrderId)
    {
        if (!s.Exists)
        {
            return [];
        }
        var shapes = new ClockEventShapes<TicketEvent>(
            clock => new ClockWarned(clock), clock => new ClockOverdue(clock), (id, cause, note) => Order(s, id, cause, note, clocks));
        IEnumerable<TicketEvent> alarms = s.Status == TicketStatus.Closed ? [] : Items.ClockEvents.Due(s.Clocks, clocks, Words, shapes, newOrderId);
        return [.. alarms, .. SupervisionOrders.Due(s.SupervisionOrders, clocks).Select(e => new SupervisionEscalated(e.OrderId, e.Cause, e.Level, e.ReplyWithin))];
    }

    /// <summary>
    /// The escalation ladder (supervision.json): a change that reaches a rung (the ticket reopened for the third time, the
    /// caller unsatisfied at the second callback, the first dispatch of a caller's third call on the topic within 30 days)
    /// brings an order by itself, its note naming the events that count. A cause with an order still open raises no second
    /// one; the repeat-caller rung raises one per ticket.
    /// </summary>
    public static Change<TicketEvent> WithLadder(TicketState s, Change<TicketEvent> change, IClockReader clocks, Func<Guid> newOrderId)
    {
        if (change.Error is not null || change.Events.Count == 0 || !s.Exists)
        {
            return change;
        }
        var next = change.Events.Aggregate(s, (state, e) => state.Apply(s.Id, state.Version + 1, e, clocks.Now));
        var raised = Rungs(next, change.Events, clocks)
            .Where(rung => !SupervisionOrders.HasOpen(next.SupervisionOrders, rung.Cause))
            .Select(rung => (TicketEvent)Order(next, newOrderId(), rung.Cause, rung.Evidence, clocks))
            .ToList();
        return raised.Count == 0 ? change : Change<TicketEvent>.Of([.. change.Events, .. raised]);
    }

    private static IEnumerable<(string Cause, string Evidence)> Rungs(TicketState next, IReadOnlyList<TicketEvent> events, IClockReader clocks)
    {
        if (events.Any(e => e is TicketReopened) && clocks.Supervision.Rung(SupervisionCauses.Rework) is { } rework
            && next.ReworkCount >= rework.Count)
        {
            yield return (SupervisionCauses.Rework,
                $"已重办 {next.ReworkCount} 次（达到 {rework.Count} 次自动督办），最近一次 {clocks.LocalTime(clocks.Now):yyyy-MM-dd HH:mm}。" +
                $" Reopened {next.ReworkCount} times (an order from {rework.Count}).");
        }
        // The caller's third call on the topic within the window: asked of the first unit the ticket is dispatched to, once.
        if (events.Any(e => e is TicketDispatched) && next.RecentCalls is { } recent && clocks.Supervision.Rung(SupervisionCauses.RepeatCaller) is { } caller
            && recent.Count + 1 >= caller.Count && !next.SupervisionOrders.Any(o => o.Cause == SupervisionCauses.RepeatCaller))
        {
            var more = recent.Count > recent.Numbers.Count ? $"等 {recent.Count} 张" : "";
            var moreEn = recent.Count > recent.Numbers.Count ? $" and {recent.Count - recent.Numbers.Count} more" : "";
            yield return (SupervisionCauses.RepeatCaller,
                $"来电人 {recent.WithinDays} 天内就同一主题第 {recent.Count + 1} 次来电（达到 {caller.Count} 次自动督办），此前工单：{string.Join("、", recent.Numbers)}{more}。" +
                $" Call {recent.Count + 1} from the caller on this topic within {recent.WithinDays} days (an order from {caller.Count}); earlier tickets: {string.Join(", ", recent.Numbers)}{moreEn}.");
        }
        var unsatisfied = next.Callbacks.Where(c => c.Satisfaction == Unsatisfied).ToList();
        if (events.Any(e => e is CallbackRecorded { Satisfaction: Unsatisfied })
            && clocks.Supervision.Rung(SupervisionCauses.UnsatisfiedCallbacks) is { } callbacks && unsatisfied.Count >= callbacks.Count)
        {
            var when = string.Join("、", unsatisfied.Select(c => $"{clocks.LocalTime(c.At):yyyy-MM-dd HH:mm}"));
            yield return (SupervisionCauses.UnsatisfiedCallbacks,
                $"回访不满意 {unsatisfied.Count} 次（达到 {callbacks.Count} 次自动督办）：{when}。 Unsatisfied at {unsatisfied.Count} callbacks.");
        }
    }

    private const string Unsatisfied = "unsatisfied";
}
