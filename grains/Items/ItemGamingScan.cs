using Dispatch.EventSourcing;
using Dispatch.Stats;

namespace Dispatch.Items;

/// <summary>
/// Reads a write's events one by one against the item just before each (the stored state folded through the write's
/// earlier events), so that a rule sees the clocks as they stood when the event happened. Pure.
/// </summary>
public static class ItemGamingScan
{
    /// <summary>
    /// The findings of one write of a stored item (none when no event raises a signal; the caller leaves out a new item,
    /// which has nothing to game yet), with no returns passed on (only tickets are returned).
    /// </summary>
    public static ClockGamingFindings? Find<TState, TEvent>(
        string itemType, TState before, Guid id, string number, string county, IReadOnlyList<TEvent> events, DateTimeOffset at,
        Func<TState, TState, TEvent, int, IEnumerable<GamingSignal>> signals)
        where TState : IFoldedState<TState, TEvent>
    {
        var found = Signals(id, before, events, at, signals);
        return found.Count == 0 ? null : new ClockGamingFindings(itemType, id, number, county, at, found, []);
    }

    /// <param name="signals">The signals one event raises, from the item before it, the item after it and the event's version.</param>
    private static List<GamingSignal> Signals<TState, TEvent>(
        Guid id, TState before, IReadOnlyList<TEvent> events, DateTimeOffset at, Func<TState, TState, TEvent, int, IEnumerable<GamingSignal>> signals)
        where TState : IFoldedState<TState, TEvent>
    {
        var found = new List<GamingSignal>();
        var state = before;
        foreach (var e in events)
        {
            var version = state.Version + 1;
            var next = state.Apply(id, version, e, at);
            found.AddRange(signals(state, next, e, version));
            state = next;
        }
        return found;
    }
}
