using System.Collections.Immutable;
using Dispatch.EventSourcing;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>A visit's state, rebuilt by folding its events in order. Immutable: Apply returns the next state.</summary>
public sealed record RehabState : IFoldedState<RehabState, RehabEvent>
{
    public static readonly RehabState Empty = new();

    public Guid Id { get; init; }
    public int Version { get; init; }
    public bool Exists => Version > 0;
    public string Number { get; init; } = "";
    public PersonView Person { get; init; } = null!;
    public string PersonId { get; init; } = "";
    public string ServiceType { get; init; } = "";
    public string ProviderCode { get; init; } = "";

    /// <summary>承办人 inside the provider.</summary>
    public Items.ItemAssignee? Assignee { get; init; }

    /// <summary>Files added, oldest first (the bytes are in the attachment store).</summary>
    public ImmutableList<Items.ItemAttachment> Attachments { get; init; } = [];
    public TicketLink? Ticket { get; init; }
    public Guid? PlanId { get; init; }
    public int? PlanSequence { get; init; }
    public string? Note { get; init; }
    public RehabClockRules Rules { get; init; } = null!;
    public string Fingerprint { get; init; } = "";
    public string Status { get; init; } = RehabVisitStatus.Requested;
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the provider accepted the request; for a visit requested before acceptance existed, its request time.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Whether this visit owes the first-visit clock (the first of a request or plan); it starts on acceptance.</summary>
    public bool OwesFirstVisit { get; init; }

    /// <summary>The window a hotline request asked for, until acceptance schedules it.</summary>
    public VisitWindow? AskedWindow { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public VisitWindow? Window { get; init; }
    public ImmutableList<Reschedule> Reschedules { get; init; } = [];
    public Worker? Worker { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }
    public string? RecordNotes { get; init; }
    public string? MissedReason { get; init; }
    public string? CancelReason { get; init; }

    /// <summary>The last time a window was missed; kept after a reschedule.</summary>
    public DateTimeOffset? MissedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public ImmutableList<SupervisionOrder> SupervisionOrders { get; init; } = [];
    public ClockRecord? FirstVisit { get; init; }
    public ClockRecord? WindowClock { get; init; }
    public ClockRecord? Record { get; init; }

    public string CountyCode => Person.CountyCode;

    /// <summary>The worker's time is taken by this visit: booked, under way or done.</summary>
    public bool Books => Worker is not null && Window is not null
        && Status is RehabVisitStatus.Assigned or RehabVisitStatus.CheckedIn or RehabVisitStatus.Completed;

    public bool RecordPending => Status == RehabVisitStatus.Completed && RecordedAt is null;

    public IEnumerable<ClockRecord> Clocks => new[] { FirstVisit, WindowClock, Record }.OfType<ClockRecord>();

    public RehabState Apply(Guid id, int version, RehabEvent e, DateTimeOffset at) =>
        Fold(this with { Id = id, Version = version, UpdatedAt = at }, e, at);

    private static RehabState Fold(RehabState s, RehabEvent e, DateTimeOffset at) => e switch
    {
        VisitRequested r => s with
        {
            Number = r.Number, Person = r.Person, PersonId = r.PersonId, ServiceType = r.ServiceType, ProviderCode = r.ProviderCode,
            Ticket = r.Ticket, PlanId = r.PlanId, PlanSequence = r.PlanSequence, Note = r.Note, Rules = r.Rules, Fingerprint = r.Fingerprint,
            RequestedAt = r.RequestedAt, OwesFirstVisit = r.FirstVisit, AskedWindow = r.AskedWindow,
            // A request stored before the acceptance step counts as accepted when made, with the clock it started then.
            Status = r.AwaitsAcceptance ? RehabVisitStatus.Requested : RehabVisitStatus.Accepted,
            AcceptedAt = r.AwaitsAcceptance ? null : r.RequestedAt,
            FirstVisit = r.FirstVisit && !r.AwaitsAcceptance ? ClockRecord.Start(RehabClockNames.FirstVisit, r.Rules.FirstVisit, r.RequestedAt) : null,
        },
        VisitAccepted => s with
        {
            Status = RehabVisitStatus.Accepted, AcceptedAt = at,
            FirstVisit = s.OwesFirstVisit ? s.FirstVisit ?? ClockRecord.Start(RehabClockNames.FirstVisit, s.Rules.FirstVisit, at) : null,
        },
        VisitScheduled w => s with
        {
            Status = RehabVisitStatus.Scheduled, Window = new VisitWindow(w.WindowStart, w.WindowEnd), WindowClock = WindowClockOf(w.WindowStart, w.WindowEnd),
            AskedWindow = null,
        },
        VisitRescheduled w => s with
        {
            Status = w.KeepsWorker ? RehabVisitStatus.Assigned : RehabVisitStatus.Scheduled,
            Worker = w.KeepsWorker ? s.Worker : null,
            Reschedules = s.Reschedules.Add(new Reschedule(s.Window, new VisitWindow(w.WindowStart, w.WindowEnd), w.Reason, at)),
            Window = new VisitWindow(w.WindowStart, w.WindowEnd),
            WindowClock = WindowClockOf(w.WindowStart, w.WindowEnd),
            MissedReason = null,
        },
        WorkerAssigned a => s with { Status = RehabVisitStatus.Assigned, Worker = new Worker(a.WorkerId, a.WorkerName) },
        VisitCheckedIn => s with { Status = RehabVisitStatus.CheckedIn, CheckedInAt = at, FirstVisit = s.FirstVisit?.Stop(at) },
        VisitCompleted c => Completed(s with { Status = RehabVisitStatus.Completed, CompletedAt = at, WindowClock = s.WindowClock?.Stop(at) }, c.Notes, at),
        VisitRecordFiled r => s with { RecordedAt = at, RecordNotes = r.Notes, Record = s.Record?.Stop(at) },
        // The first visit is still owed: its clock keeps running until a rescheduled visit happens.
        VisitMissed m => s with { Status = RehabVisitStatus.Missed, MissedReason = m.Reason, MissedAt = at, WindowClock = s.WindowClock?.Fail(at) },
        VisitCancelled c => s with
        {
            Status = RehabVisitStatus.Cancelled, CancelReason = c.Reason, CancelledAt = at,
            FirstVisit = s.FirstVisit?.Stop(at), WindowClock = s.WindowClock?.Stop(at), Record = s.Record?.Stop(at),
        },
        VisitSupervisionOrdered o => s with { SupervisionOrders = s.SupervisionOrders.Add(SupervisionOrder.Issued(o.OrderId, o.Cause, o.Note, o.ReplyWithin, at)) },
        VisitSupervisionReplied r => s with { SupervisionOrders = Items.SupervisionOrders.Map(s.SupervisionOrders, r.OrderId, o => o.Replied(r.Reply, r.UserId, at)) },
        VisitSupervisionEscalated up => s with { SupervisionOrders = Items.SupervisionOrders.Map(s.SupervisionOrders, up.OrderId, o => o.Escalated(up.Level, up.ReplyWithin, at)) },
        VisitNoteAdded => s,
        VisitAssigneeSet a => s with { Assignee = new Items.ItemAssignee(a.UserId, a.Name) },
        VisitAssigneeCleared => s with { Assignee = null },
        VisitAttachmentAdded a => s with
        {
            Attachments = Items.ItemAttachmentRules.Added(s.Attachments, a.AttachmentId, a.FileName, a.ContentType, a.Size, a.Sha256, a.Note, a.UploadedBy, a.UploaderName, at),
        },
        VisitClockWarned w => s.MapClock(w.Clock, c => c with { Warned = true }),
        VisitClockOverdue o => s.MapClock(o.Clock, c => c with { OverdueRaised = true }),
        _ => throw new InvalidOperationException($"Unknown visit event {e.GetType().Name}."),
    };

    private static RehabState Completed(RehabState s, string? notes, DateTimeOffset at)
    {
        var record = ClockRecord.Start(RehabClockNames.Record, s.Rules.Record, at);
        return notes is null
            ? s with { Record = record }
            : s with { Record = record.Stop(at), RecordedAt = at, RecordNotes = notes };
    }

    /// <summary>The window is its own clock: from the window's start, its length in elapsed hours.</summary>
    private static ClockRecord WindowClockOf(DateTimeOffset start, DateTimeOffset end) =>
        ClockRecord.Start(RehabClockNames.Window, SlaDuration.Hours((decimal)(end - start).TotalHours), start);

    public RehabState MapClock(string name, Func<ClockRecord, ClockRecord> map) => name switch
    {
        RehabClockNames.FirstVisit when FirstVisit is not null => this with { FirstVisit = map(FirstVisit) },
        RehabClockNames.Window when WindowClock is not null => this with { WindowClock = map(WindowClock) },
        RehabClockNames.Record when Record is not null => this with { Record = map(Record) },
        _ => this,
    };
}

public sealed record VisitWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(VisitWindow other) => Start < other.End && other.Start < End;
}

public sealed record Reschedule(VisitWindow? From, VisitWindow To, string Reason, DateTimeOffset At);

public sealed record Worker(string Id, string Name);
