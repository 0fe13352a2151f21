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
        var order = s.SupervisionOrders.Find(o => o.OrderId == command.OrderId);
        var errors = TextRules.Invalid(
            command.OrderId is null ? new FieldError("orderId", "required", "请指明回复哪一份督办。", "Say which supervision order the reply answers.")
                : order is null ? new FieldError("orderId", "unknown_value", "该工单没有这份督办。", "This ticket has no such supervision order.")
                : null,
            TextRules.Check("reply", command.Reply, TextLimits.Note, true, "督办回复", "reply"));
        if (errors is not null)
        {
            return errors;
        }
        if (!order!.Open)
        {
            return Conflict(s, "order_not_open", "这份督办已回复或无需回复。", "This supervision order was already answered or asks for no reply.");
        }
        return Change<TicketEvent>.Of(new SupervisionReplied(order.OrderId, command.Reply!.Trim(), actor.UserId));
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
}
