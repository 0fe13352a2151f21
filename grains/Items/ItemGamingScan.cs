using Dispatch.EventSourcing;
using Dispatch.Stats;

namespace Dispatch.Items;

/// <summary>
/// Reads a write's events one by one against the item just before each (the stored state folded through the write's
/// earlier events), so that a rule sees the clocks as they stood when the event happened. Pure.
/// </summary>
public static class ItemGamingScan
{
    /// <param name="signals">The signals one event raises, from the item before it, the item after it and the event's version.</param>
    public static IReadOnlyList<GamingSignal> Signals<TState, TEvent>(
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
