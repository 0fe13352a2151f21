using Dispatch.Sla;

namespace Dispatch.Items;

/// <summary>A supervision order as the API shows it, with its reply clock read now.</summary>
public static class SupervisionViews
{
    public static SupervisionView Of(SupervisionOrder order, IClockReader clocks)
    {
        var view = new SupervisionView(order.OrderId, order.Cause, order.Note, order.IssuedAt)
        {
            Level = order.Level,
            Reply = order.Reply?.Text,
            RepliedAt = order.Reply?.At,
            RepliedBy = order.Reply?.ByUserId,
            Escalations = [.. order.Escalations.Select(e => new SupervisionStepView(e.Level, e.At))],
        };
        if (order.ReplyClock is not { } clock)
        {
            return view;
        }
        var reading = clocks.Evaluate(clock);
        var state = order.Reply is not null ? SupervisionOrderStates.Replied
            : reading.State == ClockState.Overdue ? SupervisionOrderStates.Overdue
            : SupervisionOrderStates.Open;
        return view with { State = state, DueAt = reading.DueAt };
    }
}
