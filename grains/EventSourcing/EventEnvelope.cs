using Dispatch.Identity;

namespace Dispatch.EventSourcing;

/// <summary>One recorded change: what happened, to which version it led, who did it and when.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.EventSourcing.EventEnvelope`1")]
public sealed record EventEnvelope<TEvent>(
    [property: Id(0)] int Version,
    [property: Id(1)] TEvent Event,
    [property: Id(2)] Actor Actor,
    [property: Id(3)] DateTimeOffset OccurredAt);
