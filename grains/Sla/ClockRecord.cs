using System.Collections.Immutable;

namespace Dispatch.Sla;

/// <summary>
/// One deadline clock as an item records it (a ticket's handling, a legal-aid decision, a visit window): its length,
/// when it started, pauses, extensions, when its work was done, and which alarms were already raised.
/// </summary>
public sealed record ClockRecord(
    string Name, SlaDuration Length, DateTimeOffset StartedAt, ImmutableList<PauseRecord> Pauses,
    ImmutableList<SlaDuration> Extensions, DateTimeOffset? StoppedAt, bool Warned, bool OverdueRaised)
{
    /// <summary>Stopped without its work being done (a visit that did not happen): shown as missed, never as met.</summary>
    public bool Failed { get; init; }

    public static ClockRecord Start(string name, SlaDuration length, DateTimeOffset at) => new(name, length, at, [], [], null, false, false);

    public bool Running => StoppedAt is null;

    public bool Paused => Pauses.Count > 0 && Pauses[^1].To is null;

    /// <summary>Work done before a clock's start (a visit finished before its window opened) meets it there and then.</summary>
    public ClockRecord Stop(DateTimeOffset at) => StoppedAt is not null ? this
        : at < StartedAt ? this with { StartedAt = at, StoppedAt = at }
        : this with { StoppedAt = at };

    public ClockRecord Fail(DateTimeOffset at) => Running ? Stop(at) with { Failed = true } : this;

    public ClockRecord Pause(DateTimeOffset at) => Running && !Paused ? this with { Pauses = Pauses.Add(new PauseRecord(at, null)) } : this;

    public ClockRecord Resume(DateTimeOffset at) => Paused ? this with { Pauses = Pauses.SetItem(Pauses.Count - 1, Pauses[^1] with { To = at }) } : this;
}

public sealed record PauseRecord(DateTimeOffset From, DateTimeOffset? To);
