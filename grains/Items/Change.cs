using Dispatch.Errors;

namespace Dispatch.Items;

/// <summary>The outcome of asking an item's life cycle for a change: the events to record, or why not.</summary>
public sealed record Change<TEvent>(IReadOnlyList<TEvent> Events, DomainError? Error)
{
    public static Change<TEvent> Of(params TEvent[] events) => new(events, null);

    public static implicit operator Change<TEvent>(DomainError error) => new([], error);
}
