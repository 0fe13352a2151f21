using Dispatch.Items;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>
/// A visit in a given state, built by folding real events through <see cref="RehabState.Apply"/>. The builder's instant
/// starts on Monday 2 March 2026 09:00 in Jiaxing; the default window is Wednesday 4 March 10:00-12:00.
/// </summary>
internal sealed record VisitBuilder(RehabState State, DateTimeOffset Now)
{
    public static readonly Guid VisitId = Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-0000000051a1");
    public static readonly DateTimeOffset Start = Shanghai.At(2026, 3, 2, 9);
    public static readonly DateTimeOffset WindowStart = Shanghai.At(2026, 3, 4, 10);
    public const string Provider = "330402-REHAB-1";

    public static RehabClockRules Rules { get; } = RehabClockRules.From(TicketClocks.Settings.RulesAt(Start));

    /// <summary>A request through the hotline, awaiting the provider's acceptance (受理), optionally asking for a window.</summary>
    public static VisitBuilder Requested(DateTimeOffset? at = null, bool firstVisit = true, VisitWindow? asked = null) =>
        Opened(at, firstVisit, awaitsAcceptance: true, asked);

    /// <summary>A request the provider accepted at the same instant.</summary>
    public static VisitBuilder AcceptedRequest(DateTimeOffset? at = null, bool firstVisit = true) => Requested(at, firstVisit).Accept();

    /// <summary>A request stored before the acceptance step existed (no AwaitsAcceptance in its event).</summary>
    public static VisitBuilder StoredBeforeAcceptance(DateTimeOffset? at = null) => Opened(at, true, awaitsAcceptance: false, null);

    private static VisitBuilder Opened(DateTimeOffset? at, bool firstVisit, bool awaitsAcceptance, VisitWindow? asked) =>
        new VisitBuilder(RehabState.Empty, at ?? Start).With(
            new VisitRequested("JXKF-20260302-000001", new PersonView("王芳", "13812345678", null, null, Places.Nanhu, null, "南湖区东栅街道 8 号"),
                "phone:13812345678", "rehabilitation_training", Provider, null, null, null, firstVisit, at ?? Start, null, Rules, "fingerprint",
                awaitsAcceptance, asked));

    public VisitBuilder Accept() => With(new VisitAccepted(null));

    public VisitBuilder At(DateTimeOffset instant) => this with { Now = instant };

    public VisitBuilder Scheduled(DateTimeOffset? start = null, int minutes = 120) =>
        With(new VisitScheduled(start ?? WindowStart, (start ?? WindowStart).AddMinutes(minutes)));

    public VisitBuilder Assigned(string worker = "W001") => With(new WorkerAssigned(worker, "张丽"));

    public VisitBuilder CheckedIn() => With(new VisitCheckedIn(null));

    public VisitBuilder Completed(string? notes = null) => With(new VisitCompleted(notes));

    public VisitBuilder Missed() => With(new VisitMissed("家中无人"));

    public VisitBuilder Cancelled() => With(new VisitCancelled("本人住院"));

    public VisitBuilder Applying(Change<RehabEvent> change)
    {
        change.Error.Should().BeNull("the change is expected to succeed");
        return change.Events.Aggregate(this, (builder, e) => builder.With(e));
    }

    public VisitBuilder With(RehabEvent e) => this with { State = State.Apply(VisitId, State.Version + 1, e, Now) };

    public RehabState Build() => State;

    public ClockReader Clocks => TicketClocks.At(Now);
}
