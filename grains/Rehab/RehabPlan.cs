using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Dispatch.EventSourcing;
using Dispatch.People;
using Dispatch.Routing;
using Dispatch.Tickets;

namespace Dispatch.Rehab;

/// <summary>Everything that can happen to a plan. Stored as JSON with a "type" discriminator; never changed once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlanCreated), "created")]
[JsonDerivedType(typeof(PlanVisitsOpened), "visits_opened")]
[JsonDerivedType(typeof(PlanEnded), "ended")]
[JsonDerivedType(typeof(PlanAmended), "amended")]
[JsonDerivedType(typeof(PlanPaused), "paused")]
[JsonDerivedType(typeof(PlanResumed), "resumed")]
[JsonDerivedType(typeof(PlanChangeApplied), "change_applied")]
public abstract record PlanEvent;

/// <param name="Routing">Why this provider among several serving the person's county; null when it was named or the only one.</param>
public sealed record PlanCreated(
    PersonView Person, string PersonId, string ServiceType, string ProviderCode, string Frequency, int WindowMinutes,
    ImmutableList<PlannedVisit> Visits, string? Note, string Fingerprint, RoutingChoice? Routing = null) : PlanEvent;

/// <summary>
/// Visit actors of the plan exist; their numbers for the plan's view. Without <paramref name="Sequences"/> (as at creation)
/// the numbers are those of the plan's first visits in order; with them, of those plan sequences.
/// </summary>
public sealed record PlanVisitsOpened(ImmutableList<string> Numbers, ImmutableList<int>? Sequences = null) : PlanEvent;

/// <summary>终止: the plan ends; its visits that can still be called off are cancelled with the reason.</summary>
public sealed record PlanEnded(string Reason) : PlanEvent;

/// <summary>
/// 调整计划: from now on the plan has <paramref name="Count"/> visits at <paramref name="Frequency"/>, each
/// <paramref name="WindowMinutes"/> long (<paramref name="TimeOfDay"/>: the new local start time, when changed). Recorded
/// before any visit is touched: <paramref name="Added"/> are opened (new sequences, ids derived from them),
/// <paramref name="Moved"/> rescheduled to their new window, <paramref name="Cancelled"/> cancelled with the reason.
/// </summary>
public sealed record PlanAmended(
    string Reason, int FromCount, int Count, string FromFrequency, string Frequency, int FromWindowMinutes, int WindowMinutes, string? TimeOfDay,
    ImmutableList<PlannedVisit> Added, ImmutableList<PlannedVisit> Moved, ImmutableList<int> Cancelled) : PlanEvent;

/// <summary>暂停 from a local date, until one (inclusive) or open-ended; <paramref name="Cancelled"/> are the visits it calls off.</summary>
public sealed record PlanPaused(DateOnly From, DateOnly? Until, string Reason, ImmutableList<int> Cancelled) : PlanEvent;

/// <summary>恢复: the plan continues; <paramref name="Added"/> replace the visits the pause called off, after the plan's last visit.</summary>
public sealed record PlanResumed(string Reason, ImmutableList<PlannedVisit> Added) : PlanEvent;

/// <summary>Every visit the last change asked for was opened, moved or cancelled; <paramref name="Unassigned"/>: moved without their worker.</summary>
public sealed record PlanChangeApplied(ImmutableList<int> Unassigned) : PlanEvent;

/// <summary>One occurrence of a plan: its visit actor's id and window.</summary>
public sealed record PlannedVisit(int Sequence, Guid VisitId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd)
{
    public VisitWindow Window => new(WindowStart, WindowEnd);
}

/// <summary>An occurrence as the plan knows it: its window as planned, its number once opened, and whether a change called it off.</summary>
public sealed record PlanEntry(PlannedVisit Visit, string? Number = null, string? DroppedBy = null)
{
    public bool Dropped => DroppedBy is not null;
}

/// <summary>A change of the plan (amended, paused, resumed) and whether its visits have all been dealt with.</summary>
public sealed record PlanChange(string Kind, DateTimeOffset At, string Reason, ImmutableList<PlannedVisit> Added, ImmutableList<PlannedVisit> Moved,
    ImmutableList<int> Cancelled, ImmutableList<int> Unassigned, bool Applied);

/// <summary>A plan's state, folded from its events.</summary>
public sealed record PlanState : IFoldedState<PlanState, PlanEvent>
{
    public static readonly PlanState Empty = new();

    public const string StreamType = ItemTypes.RehabPlan;

    public const string DroppedByAmendment = "amended";
    public const string DroppedByPause = "paused";

    public static readonly StreamKind<PlanState, PlanEvent> Kind = new(StreamType, Empty, EventJson.Options, e => e switch
    {
        PlanCreated => "created",
        PlanVisitsOpened => "visits_opened",
        PlanEnded => "ended",
        PlanAmended => "amended",
        PlanPaused => "paused",
        PlanResumed => "resumed",
        PlanChangeApplied => "change_applied",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    });

    public Guid Id { get; init; }
    public int Version { get; init; }
    public bool Exists => Version > 0;
    public PlanCreated Plan { get; init; } = null!;
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Every occurrence ever planned, in sequence order (those a change called off included).</summary>
    public ImmutableList<PlanEntry> Entries { get; init; } = [];

    /// <summary>The plan's frequency and window length now (an amendment may change them).</summary>
    public string Frequency { get; init; } = "";
    public int WindowMinutes { get; init; }
    public bool VisitsOpened { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? EndReason { get; init; }
    public bool Ended => EndedAt is not null;
    public PlanPaused? Pause { get; init; }
    public bool Paused => Pause is not null;
    public ImmutableList<PlanChange> Changes { get; init; } = [];

    /// <summary>The last change, when a crash left some of its visits not yet opened, moved or cancelled.</summary>
    public PlanChange? Pending => Changes.Count > 0 && !Changes[^1].Applied ? Changes[^1] : null;

    /// <summary>The plan's visits: every occurrence no change called off.</summary>
    public IEnumerable<PlanEntry> Current => Entries.Where(e => !e.Dropped);

    public int NextSequence => Entries.Count == 0 ? 1 : Entries.Max(e => e.Visit.Sequence) + 1;

    public PlanState Apply(Guid id, int version, PlanEvent e, DateTimeOffset at) => e switch
    {
        PlanCreated c => this with
        {
            Id = id, Version = version, Plan = c, CreatedAt = at, Frequency = c.Frequency, WindowMinutes = c.WindowMinutes,
            Entries = [.. c.Visits.Select(v => new PlanEntry(v))],
        },
        PlanVisitsOpened o => this with { Version = version, VisitsOpened = true, Entries = Numbered(o) },
        PlanEnded ended => this with { Version = version, EndedAt = at, EndReason = ended.Reason },
        PlanAmended a => this with
        {
            Version = version, Frequency = a.Frequency, WindowMinutes = a.WindowMinutes,
            Entries = [.. Entries.Select(entry => Amended(entry, a)), .. a.Added.Select(v => new PlanEntry(v))],
            Changes = Changes.Add(new PlanChange("amended", at, a.Reason, a.Added, a.Moved, a.Cancelled, [], false)),
        },
        PlanPaused p => this with
        {
            Version = version, Pause = p,
            Entries = [.. Entries.Select(entry => p.Cancelled.Contains(entry.Visit.Sequence) ? entry with { DroppedBy = DroppedByPause } : entry)],
            Changes = Changes.Add(new PlanChange("paused", at, p.Reason, [], [], p.Cancelled, [], false)),
        },
        PlanResumed r => this with
        {
            Version = version, Pause = null,
            Entries = [.. Entries, .. r.Added.Select(v => new PlanEntry(v))],
            Changes = Changes.Add(new PlanChange("resumed", at, r.Reason, r.Added, [], [], [], false)),
        },
        PlanChangeApplied applied => this with
        {
            Version = version,
            Changes = Changes.SetItem(Changes.Count - 1, Changes[^1] with { Applied = true, Unassigned = applied.Unassigned }),
        },
        _ => throw new InvalidOperationException($"Unknown plan event {e.GetType().Name}."),
    };

    private ImmutableList<PlanEntry> Numbered(PlanVisitsOpened o)
    {
        var sequences = o.Sequences ?? [.. Entries.Take(o.Numbers.Count).Select(e => e.Visit.Sequence)];
        var numbers = sequences.Zip(o.Numbers).ToDictionary(p => p.First, p => p.Second);
        return [.. Entries.Select(e => numbers.TryGetValue(e.Visit.Sequence, out var number) ? e with { Number = number } : e)];
    }

    private static PlanEntry Amended(PlanEntry entry, PlanAmended a) =>
        a.Cancelled.Contains(entry.Visit.Sequence) ? entry with { DroppedBy = DroppedByAmendment }
        : a.Moved.FirstOrDefault(m => m.Sequence == entry.Visit.Sequence) is { } moved ? entry with { Visit = moved }
        : entry;

    public RehabPlanView View() => new()
    {
        Id = Id,
        Person = Plan.Person,
        PersonId = Plan.PersonId,
        ServiceType = Plan.ServiceType,
        ProviderCode = Plan.ProviderCode,
        Frequency = Frequency,
        // A pause keeps the plan's number: the visits it called off are owed until it resumes.
        Count = Current.Count() + (Pause?.Cancelled.Count ?? 0),
        WindowMinutes = WindowMinutes,
        CreatedAt = CreatedAt,
        Visits = [.. Entries.Select(e => new PlanVisitView(e.Visit.Sequence, e.Visit.VisitId, e.Number, e.Visit.WindowStart, e.Visit.WindowEnd, e.DroppedBy))],
        Version = Version,
        Status = Ended ? RehabPlanStatus.Ended : Paused ? RehabPlanStatus.Paused : RehabPlanStatus.Active,
        EndedAt = EndedAt,
        EndReason = EndReason,
        PausedFrom = Pause?.From,
        PausedUntil = Pause?.Until,
        PauseReason = Pause?.Reason,
        PausedVisits = Pause?.Cancelled.Count ?? 0,
        Changes = [.. Changes.Select(c => new PlanChangeView(c.Kind, c.At, c.Reason, [.. c.Added.Select(v => v.Sequence)], [.. c.Moved.Select(v => v.Sequence)],
            [.. c.Cancelled], [.. c.Unassigned], c.Applied))],
    };

    public PlanSlot Slot(PlannedVisit visit) => new(Id, visit.Sequence, Plan.Person, Plan.PersonId, Plan.ServiceType, Plan.ProviderCode,
        visit.WindowStart, visit.WindowEnd, CreatedAt, Plan.Note);
}

/// <summary>A plan's visits have ids derived from the plan and their place in it, so expanding twice reaches the same actors.</summary>
public static class PlanVisitIds
{
    public static Guid Of(Guid planId, int sequence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"dispatch-12385/rehab_plan_visit\n{planId:N}\n{sequence}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
