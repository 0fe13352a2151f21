using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Sla;

namespace Dispatch.Items;

/// <summary>
/// A supervision order (督办) as an item records it. An order issued while a unit holds the item asks that unit for a
/// written reply (督办回复) by a due time (<see cref="ReplyClock"/>); unanswered, it escalates unit -> county -> city, each
/// step with a new reply clock. An order without a reply clock (issued with no unit to answer, or before orders asked for
/// replies) is a record only.
/// </summary>
public sealed record SupervisionOrder(Guid OrderId, string Cause, string? Note, DateTimeOffset IssuedAt)
{
    /// <summary>Where the order stands: unit, county or city (<see cref="SupervisionLevels"/>); null without a reply clock.</summary>
    public string? Level { get; init; }

    /// <summary>The reply's clock at the current level, started at issue or at the last escalation.</summary>
    public ClockRecord? ReplyClock { get; init; }

    public SupervisionReply? Reply { get; init; }

    public ImmutableList<SupervisionStep> Escalations { get; init; } = [];

    /// <summary>Waiting for the unit's written reply.</summary>
    public bool Open => ReplyClock is not null && Reply is null;

    /// <summary>An order asking for a reply, as issued now at the unit level with the rules' reply time.</summary>
    public static SupervisionOrder Issued(Guid orderId, string cause, string? note, SlaDuration? replyWithin, DateTimeOffset at) =>
        new(orderId, cause, note, at)
        {
            Level = replyWithin is null ? null : SupervisionLevels.Unit,
            ReplyClock = replyWithin is { } length ? ClockRecord.Start(ClockName, length, at) : null,
        };

    public SupervisionOrder Replied(string text, string byUserId, DateTimeOffset at) =>
        this with { Reply = new SupervisionReply(text, byUserId, at), ReplyClock = ReplyClock?.Stop(at) };

    public SupervisionOrder Escalated(string level, SlaDuration replyWithin, DateTimeOffset at) =>
        this with { Level = level, ReplyClock = ClockRecord.Start(ClockName, replyWithin, at), Escalations = Escalations.Add(new SupervisionStep(level, at)) };

    /// <summary>The reply clock's name in views and the watcher's evaluation.</summary>
    public const string ClockName = "supervision_reply";
}

/// <summary>The unit's written reply (督办回复): what it said, who wrote it, when.</summary>
public sealed record SupervisionReply(string Text, string ByUserId, DateTimeOffset At);

/// <summary>One escalation: the level the order went to, and when.</summary>
public sealed record SupervisionStep(string Level, DateTimeOffset At);

/// <summary>One escalation the watcher owes now: the order goes to this level with this reply time.</summary>
public sealed record SupervisionEscalation(Guid OrderId, string Cause, string Level, SlaDuration ReplyWithin);

/// <summary>
/// The rules of supervision orders every item shares: which orders escalate now, when the next one will, and the order
/// an item issues (with a reply clock when a unit holds it). Pure: the reader supplies the instant, calendar and rules.
/// </summary>
public static class SupervisionOrders
{
    /// <summary>Open orders whose reply is overdue at a level below the city: each goes one level up with that level's reply time.</summary>
    public static IReadOnlyList<SupervisionEscalation> Due(IEnumerable<SupervisionOrder> orders, IClockReader reader)
    {
        var due = new List<SupervisionEscalation>();
        foreach (var order in orders.Where(o => MayEscalate(o) && reader.Evaluate(o.ReplyClock!).State == ClockState.Overdue))
        {
            var level = SupervisionLevels.Next(order.Level!)!;
            due.Add(new SupervisionEscalation(order.OrderId, order.Cause, level, reader.Supervision.ReplyAt(level)));
        }
        return due;
    }

    /// <summary>
    /// When the watcher must look again: the first instant after the due time of an open reply below the city (an order
    /// has no warning point), or now for one already overdue; null when no order can escalate.
    /// </summary>
    public static DateTimeOffset? NextChange(IEnumerable<SupervisionOrder> orders, IClockReader reader) =>
        orders.Where(MayEscalate)
            .Select(o => reader.Evaluate(o.ReplyClock!))
            .Select(v => v.State == ClockState.Overdue ? reader.Now : v.DueAt.AddTicks(1))
            .Cast<DateTimeOffset?>()
            .Min();

    private static bool MayEscalate(SupervisionOrder o) => o.Open && o.Level is { } level && SupervisionLevels.Next(level) is not null;

    /// <summary>The reply time of a new order: the unit level's when a unit holds the item to answer it, else none.</summary>
    public static SlaDuration? ReplyWithin(string? unitCode, IClockReader reader) =>
        unitCode is null ? null : reader.Supervision.ReplyAt(SupervisionLevels.Unit);

    /// <summary>The open order of a cause, if any: the ladder raises at most one open order per item and cause.</summary>
    public static bool HasOpen(IEnumerable<SupervisionOrder> orders, string cause) => orders.Any(o => o.Open && o.Cause == cause);

    /// <summary>The orders with one of them changed (a reply, an escalation); an unknown id leaves them as they are.</summary>
    public static ImmutableList<SupervisionOrder> Map(ImmutableList<SupervisionOrder> orders, Guid orderId, Func<SupervisionOrder, SupervisionOrder> map) =>
        orders.FindIndex(o => o.OrderId == orderId) is var i and >= 0 ? orders.SetItem(i, map(orders[i])) : orders;

    /// <summary>
    /// 督办回复 on any item: the order the reply names and the checked reply text, or the field errors (no order named, the
    /// item has no such order, no text or too long). Whether the order still waits for a reply is the caller's 409.
    /// </summary>
    public static (SupervisionOrder? Order, string? Reply, DomainError? Invalid) Answer(
        IEnumerable<SupervisionOrder> orders, Guid? orderId, string? reply, ItemVocabulary words)
    {
        var order = orderId is null ? null : orders.FirstOrDefault(o => o.OrderId == orderId);
        var invalid = TextRules.Invalid(
            orderId is null ? new FieldError("orderId", "required", "请指明回复哪一份督办。", "Say which supervision order the reply answers.")
                : order is null ? new FieldError("orderId", "unknown_value", $"该{words.Name.Zh}没有这份督办。", $"This {words.Name.En} has no such supervision order.")
                : null,
            TextRules.Check("reply", reply, TextLimits.Note, true, "督办回复", "reply"));
        return invalid is null ? (order, reply!.Trim(), null) : (null, null, invalid);
    }

    /// <summary>The 409 for a reply to an order that was answered already or asks for none.</summary>
    public const string NotOpenCode = "order_not_open";

    public static readonly (string Zh, string En) NotOpen = ("这份督办已回复或无需回复。", "This supervision order was already answered or asks for no reply.");
}
