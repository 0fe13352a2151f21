using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Live;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.Items;

/// <summary>
/// What one kind of item (ticket, legal-aid case, visit) supplies to the <see cref="ItemHost{TState, TEvent, TRow}"/>:
/// how it is stored, who sees it, its read-model row and commands, its clocks and what the browsers hear of a change.
/// </summary>
/// <param name="Words">The item's names: its type, and how refusals and "not found" speak of it.</param>
/// <param name="CanSee">Outside the actor's scope the item does not exist.</param>
/// <param name="Project">The read-model row of a state and the commands that store it (row, booking...).</param>
/// <param name="ClockEvents">The warnings, breaches and automatic orders due now (the watcher's call).</param>
/// <param name="Announce">The live change of one commit, from the stored row before, the row after and the events.</param>
/// <param name="Fingerprint">What the opening request was, to tell a repeat from a reused Idempotency-Key.</param>
/// <param name="Explain">A database refusal the item can explain (e.g. a double booking), or null to let it fly.</param>
/// <param name="County">The county whose closures (days off for its units only) the item's clocks observe.</param>
/// <param name="Clocks">Every clock the item records, for a calendar-change preview.</param>
/// <param name="Gaming">How the item's writes show clock gaming (signals written with the events, alerts to supervisors).</param>
/// <param name="Outgoing">The SMS and e-mails a write calls for, from the state before it, its events and the state after;
/// written to the outbox in the write's transaction (see <see cref="Notifications.OutboxRows"/>).</param>
public sealed record ItemParts<TState, TEvent, TRow>(
    StreamKind<TState, TEvent> Kind,
    ItemVocabulary Words,
    Func<Actor, TState, bool> CanSee,
    Func<TState, IClockReader, (TRow Row, IEnumerable<NpgsqlBatchCommand> Commands)> Project,
    Func<TRow, StatsContribution> Contribution,
    Func<TState, IClockReader, DateTimeOffset?> NextClockChange,
    Func<NpgsqlDataSource, Guid, CancellationToken, Task<TRow?>> LoadRow,
    Func<TState, IClockReader, Func<Guid>, IReadOnlyList<TEvent>> ClockEvents,
    Func<TRow?, TRow, IReadOnlyList<TEvent>, IReadOnlyList<CounterChange>, DateTimeOffset, LiveChange?> Announce,
    Func<TState, string> Fingerprint,
    Func<PostgresException, IReadOnlyList<TEvent>, Task<Errors.DomainError?>>? Explain = null,
    Func<TState, string?>? County = null,
    Func<TState, IEnumerable<ClockRecord>>? Clocks = null,
    ItemGaming<TState, TEvent, TRow>? Gaming = null,
    Func<TState, IReadOnlyList<TEvent>, TState, IClockReader, Notifications.OutgoingMessages?>? Outgoing = null)
    where TState : IFoldedState<TState, TEvent>
    where TRow : class;

/// <summary>
/// Clock gaming in an item's writes: <paramref name="Find"/> reads the events against the state before them and the
/// clocks at the write's instant; <paramref name="Item"/> is the item as pushed, for an alert on a write nothing else announces.
/// </summary>
public sealed record ItemGaming<TState, TEvent, TRow>(
    Func<TState, IReadOnlyList<TEvent>, IClockReader, ClockGamingSettings, ClockGamingFindings?> Find,
    Func<TRow, LiveItem> Item);
