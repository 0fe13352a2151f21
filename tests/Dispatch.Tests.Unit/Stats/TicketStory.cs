using Dispatch.Identity;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using Microsoft.Extensions.Time.Testing;
using Dispatch.Items;
using UnitCodes = Dispatch.Tests.Unit.Tickets.Units;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// One ticket written the way the grain writes it (<see cref="TicketWrite.Prepare"/>), each write at the fake clock's
/// instant, keeping the counter changes of the last write and the totals of all writes. Starts on Monday 2 March 2026,
/// 09:00 in Jiaxing.
/// </summary>
internal sealed class TicketStory
{
    public static readonly DateTimeOffset Start = Shanghai.At(2026, 3, 2, 9).ToUniversalTime();
    public static readonly Guid Id = Guid.Parse("5a7c0000-0000-4000-8000-000000000001");
    private readonly Dictionary<(string Scope, string Period, DateOnly Start, string Measure), long> totals = [];

    public FakeTimeProvider Clock { get; } = new(Start);
    public TicketState State { get; private set; } = TicketState.Empty;
    public TicketStatsRow? Row { get; private set; }
    public IReadOnlyList<CounterChange> Last { get; private set; } = [];
    public TicketStatsRow? Previous { get; private set; }
    public IReadOnlyList<TicketEvent> LastEvents { get; private set; } = [];

    /// <summary>What the grain would announce for the last write.</summary>
    public Dispatch.Live.LiveChange? Announced => Dispatch.Tickets.TicketLiveChanges.From(Previous, Row!, LastEvents, Last, Clock.GetUtcNow());

    public static TicketStory Registered(string kind = "complaint", string county = Places.Nanhu, int repeats = 0, DateTimeOffset? at = null)
    {
        var story = new TicketStory();
        story.Clock.SetUtcNow((at ?? Start).ToUniversalTime());
        return story.Write(new TicketRegistered("JX12385-20260302-000001",
            new TicketDetails("phone", kind, "social_security", "normal", "张秀英", "13812345678", null, null, county, null, null,
                "残疾人两项补贴未按时发放", "来电人反映本月补贴尚未到账。"),
            "phone:13812345678", TicketClocks.Rules(kind, "normal"), repeats, "fingerprint"));
    }

    public TicketStory After(TimeSpan wait)
    {
        Clock.Advance(wait);
        return this;
    }

    public TicketStory At(DateTimeOffset instant)
    {
        Clock.SetUtcNow(instant.ToUniversalTime());
        return this;
    }

    public TicketStory Dispatched(string unit = UnitCodes.NanhuCentre) => Decide(TicketRules.Dispatch(State, Actors.Operator, new DispatchTicket(unit, null), UnitCodes.Target(unit), false));

    public TicketStory Signed() => Decide(TicketRules.Sign(State, Staff));

    public TicketStory Resolved() => Decide(TicketRules.Resolve(State, Staff, new ReplyToCaller("已办理。"), TicketClocks.At(Clock.GetUtcNow())));

    public TicketStory AnsweredOnSpot() => Decide(TicketRules.AnswerOnSpot(State, Actors.Operator, new ReplyToCaller("已当场答复。")));

    public TicketStory CalledBack(string satisfaction) => Decide(TicketRules.RecordCallback(State, Actors.Operator, new RecordCallback(true, satisfaction, null), TicketClocks.At(Clock.GetUtcNow())));

    public TicketStory Reopened() => Decide(TicketRules.Reopen(State, Actors.Operator, new TicketNote(null)));

    public TicketStory Closed() => Decide(TicketRules.Close(State, Actors.Operator, new TicketNote(null)));

    public TicketStory Returned() => Decide(TicketRules.Return(State, Staff, new ReturnTicket("not_our_responsibility", null), Guid.NewGuid()));

    public TicketStory Transferred(string unit) => Decide(TicketRules.Transfer(State, Staff, new TransferTicket(unit, null), UnitCodes.Target(unit)));

    public TicketStory Suspended(string reason = "awaiting_citizen_documents") => Decide(TicketRules.Suspend(State, Staff, new SuspendTicket(reason, null)));

    public TicketStory Resumed() => Decide(TicketRules.Resume(State, Staff, new TicketNote(null)));

    /// <summary>What the deadline watcher does when it wakes now: records warnings and overdue clocks, if any.</summary>
    public TicketStory WatcherFires()
    {
        var events = TicketRules.ClockEvents(State, TicketClocks.At(Clock.GetUtcNow()), Guid.NewGuid);
        return events.Count == 0 ? this : Write([.. events]);
    }

    public TicketStory Write(params TicketEvent[] events)
    {
        var write = TicketWrite.Prepare(Id, State, Row, events, Actors.Operator, Clock.GetUtcNow(), TicketClocks.Settings);
        State = write.Next;
        Previous = Row;
        Row = write.Row;
        LastEvents = events;
        Last = write.Counters;
        foreach (var change in write.Counters)
        {
            var key = (change.Scope, change.Period, change.Start, change.Measure);
            totals[key] = totals.GetValueOrDefault(key) + change.Delta;
        }
        return this;
    }

    /// <summary>The change the last write made to one counter.</summary>
    public long Changed(string scope, string measure, string period = StatsPeriod.Day, DateOnly? day = null) =>
        Last.Where(c => c.Scope == scope && c.Measure == measure && c.Period == period && c.Start == Bucket(period, day))
            .Sum(c => c.Delta);

    /// <summary>A counter's value after every write so far.</summary>
    public long Total(string scope, string measure, string period = StatsPeriod.Day, DateOnly? day = null) =>
        totals.GetValueOrDefault((scope, period, Bucket(period, day), measure));

    /// <summary>Every counter the ticket holds now, with its value.</summary>
    public IEnumerable<((string Scope, string Period, DateOnly Start, string Measure) Key, long Value)> Totals =>
        totals.Where(t => t.Value != 0).Select(t => (t.Key, t.Value));

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    private DateOnly Bucket(string period, DateOnly? day) =>
        StatsPeriod.Start(period, day ?? StatsPeriod.LocalDate(Clock.GetUtcNow()));

    private Actor Staff => new("staff", Roles.UnitStaff, State.UnitCode, null);

    private TicketStory Decide(Change<TicketEvent> decision)
    {
        if (decision.Error is { } error)
        {
            throw new InvalidOperationException($"The story's step was refused: {error.MessageEn}");
        }
        return Write([.. decision.Events]);
    }
}

internal static class Scopes
{
    public const string City = "city";
    public const string Nanhu = "county:330402";
    public const string Xiuzhou = "county:330411";
    public const string NanhuCentre = "unit:330402-CENTRE";
    public const string NanhuLegal = "unit:330402-LEGAL";
}
