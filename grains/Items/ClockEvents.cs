using Dispatch.Sla;

namespace Dispatch.Items;

/// <summary>How each item's events for its clocks are made, the only part of the alarm rule that differs per item.</summary>
public sealed record ClockEventShapes<TEvent>(
    Func<string, TEvent> Warned, Func<string, TEvent> Overdue, Func<Guid, string, string, TEvent> SupervisionOrdered);

/// <summary>
/// The watcher's rule for every item: a clock that reached its warning point warns (预警) once; one that ran out goes
/// overdue (超期) once and brings an automatic supervision order (督办) naming the clock.
/// </summary>
public static class ClockEvents
{
    public static IReadOnlyList<TEvent> Due<TEvent>(
        IEnumerable<ClockRecord> clocks, IClockReader reader, ItemVocabulary words, ClockEventShapes<TEvent> shapes, Func<Guid> newOrderId)
    {
        var events = new List<TEvent>();
        foreach (var alarm in ClockAlarms.Due(clocks, reader))
        {
            if (alarm.Warn)
            {
                events.Add(shapes.Warned(alarm.Clock));
            }
            if (alarm.Overdue)
            {
                events.Add(shapes.Overdue(alarm.Clock));
                events.Add(shapes.SupervisionOrdered(newOrderId(), SupervisionCauses.Overdue, $"{words.ClockZh(alarm.Clock)}已超期。"));
            }
        }
        return events;
    }
}
