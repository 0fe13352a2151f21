using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// A ticket in a given state, built by folding real events through <see cref="TicketState.Apply"/>. Every event happens at
/// the builder's instant, which starts on Monday 2 March 2026 09:00 in Jiaxing (a month without holidays) and moves only
/// when a test says so with <see cref="At"/>. Immutable: each step returns a new builder.
/// </summary>
internal sealed record TicketBuilder(TicketState State, DateTimeOffset Now)
{
    public static readonly Guid TicketId = Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-000000000001");
    public static readonly DateTimeOffset Start = Shanghai.At(2026, 3, 2, 9);
    public const string Number = "JX12385-20260302-000001";
    public static readonly Guid FirstExtension = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    public static readonly Guid SecondExtension = Guid.Parse("e0000000-0000-0000-0000-000000000002");

    /// <summary>Registered by the operator; a normal complaint from 南湖区 unless told otherwise.</summary>
    public static TicketBuilder Registered(string kind = "complaint", string urgency = "normal", string county = Places.Nanhu) =>
        new TicketBuilder(TicketState.Empty, Start).With(new TicketRegistered(
            Number, Details(kind, urgency, county), "phone:13812345678", TicketClocks.Rules(kind, urgency), 0, "fingerprint"));

    /// <summary>Registered like <see cref="Registered"/> as the caller's call after <paramref name="earlier"/> on the topic within 30 days.</summary>
    public static TicketBuilder RegisteredAgain(params string[] earlier) =>
        new TicketBuilder(TicketState.Empty, Start).With(new TicketRegistered(
            Number, Details("complaint", "normal", Places.Nanhu), "phone:13812345678", TicketClocks.Rules("complaint", "normal"), earlier.Length, "fingerprint",
            Recent: new RecentCalls(30, earlier.Length, [.. earlier])));

    /// <summary>Registered like <see cref="Registered"/>, with the intake's details changed (the contact, the channel...).</summary>
    public static TicketBuilder RegisteredWith(Func<TicketDetails, TicketDetails> change) =>
        new TicketBuilder(TicketState.Empty, Start).With(new TicketRegistered(
            Number, change(Details("complaint", "normal", Places.Nanhu)), "item:0b6c3f0e5d1a4c8e9a57000000000001", TicketClocks.Rules("complaint", "normal"), 0, "fingerprint"));

    /// <summary>A review (复查) or re-review (复核) of <paramref name="reviewedNumber"/>, registered and sent to its body at once.</summary>
    public static TicketBuilder RegisteredReview(string stage, string body = "330400-CENTRE", string reviewedNumber = "JX12385-20260101-000009") =>
        new TicketBuilder(TicketState.Empty, Start)
            .With(new TicketRegistered(Number, Details("petition", "normal", Places.Nanhu), "phone:13812345678", TicketClocks.Rules("petition", "normal"), 0,
                "fingerprint", new PetitionOpening(stage, Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-000000000009"), reviewedNumber, null)))
            .With(new TicketDispatched(body, true, false, null));

    public static readonly WrittenNotice Notice = new("mail", new DateOnly(2026, 3, 2), "EMS 1234");

    public TicketBuilder At(DateTimeOffset instant) => this with { Now = instant };

    /// <summary>受理 by the handling unit, the petitioner told by post.</summary>
    public TicketBuilder Accepted() => With(new AcceptanceDecided(true, null, null, Notice with { SentOn = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(8)).Date) }, State.UnitCode!));

    public TicketBuilder NotAccepted() => With(new AcceptanceDecided(false, "legal_channel", "请依法通过行政复议途径解决。",
        Notice with { SentOn = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(8)).Date) }, State.UnitCode!));

    /// <summary>The written answer, sent by post today; a review's also upholds or changes.</summary>
    public TicketBuilder Answered(string? outcome = null) => With(new TicketResolved("经核实，已按政策落实补贴。",
        Notice with { SentOn = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(8)).Date) }, outcome));

    public TicketBuilder AnsweredOnSpot() => With(new TicketAnsweredOnSpot("已告知办理残疾人证所需材料。"));

    public TicketBuilder Dispatched(string unit = Units.NanhuCentre) => With(new TicketDispatched(unit, false, State.AwaitingRuling, null));

    public TicketBuilder Signed() => With(new TicketSigned());

    public TicketBuilder Returned(string reason = "not_our_responsibility") => With(new TicketReturned(State.UnitCode!, reason, null));

    public TicketBuilder Transferred(string toUnit) => With(new TicketTransferred(State.UnitCode!, toUnit, null));

    public TicketBuilder Suspended() => With(new TicketSuspended("awaiting_citizen_documents", null));

    public TicketBuilder Resumed() => With(new TicketResumed(null));

    public TicketBuilder ExtensionRequested(SlaDuration amount, Guid? requestId = null) =>
        With(new ExtensionRequested(requestId ?? FirstExtension, amount, "需等待区民政局出具意见"));

    /// <summary>Decides the extension that is waiting.</summary>
    public TicketBuilder ExtensionDecided(bool approved) =>
        With(new ExtensionDecided(State.Extensions.Single(e => e.Approved is null).RequestId, approved, approved ? null : "理由不充分"));

    public TicketBuilder Resolved() => With(new TicketResolved("已协调街道核实，补贴已于本周发放。"));

    public TicketBuilder CalledBack(string satisfaction = "satisfied") => With(new CallbackRecorded(true, satisfaction, null));

    /// <summary>A failed attempt as recorded before the spacing rule (no next attempt scheduled), or the last one with its written notice.</summary>
    public TicketBuilder CallbackMissed(WrittenNotice? notice = null) => With(new CallbackRecorded(false, null, null, null, notice));

    public TicketBuilder Reopened() => With(new TicketReopened("来电人对答复不满意"));

    public TicketBuilder Closed() => With(new TicketClosed(null));

    public TicketBuilder MergedInto(Guid target, string targetNumber) => With(new TicketMerged(target, targetNumber));

    /// <summary>The events a successful decision recorded, folded at the builder's instant.</summary>
    public TicketBuilder Applying(Change<TicketEvent> decision)
    {
        decision.Error.Should().BeNull("the decision is expected to succeed");
        return decision.Events.Aggregate(this, (builder, e) => builder.With(e));
    }

    /// <summary>Applies what the rules decide about the current state (and fails when they refuse).</summary>
    public TicketBuilder Apply(Func<TicketState, Change<TicketEvent>> decide) => Applying(decide(State));

    public TicketBuilder With(TicketEvent e) => this with { State = State.Apply(TicketId, State.Version + 1, e, Now) };

    public TicketState Build() => State;

    private static TicketDetails Details(string kind, string urgency, string county) => new(
        "phone", kind, "social_security", urgency, "张秀英", "13812345678", null, null, county, null,
        "禾兴南路 100 号", "残疾人两项补贴未按时发放", "来电人反映本月残疾人两项补贴尚未到账，希望尽快核实。");
}
