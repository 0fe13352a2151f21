using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>
/// A legal-aid case in a given state, built by folding real events through <see cref="LegalAidState.Apply"/>. Every
/// event happens at the builder's instant, which starts on Monday 2 March 2026 09:00 in Jiaxing and moves only when a
/// test says so with <see cref="At"/>. Immutable: each step returns a new builder.
/// </summary>
internal sealed record CaseBuilder(LegalAidState State, DateTimeOffset Now)
{
    public static readonly Guid CaseId = Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-00000000ca5e");
    public static readonly DateTimeOffset Start = Shanghai.At(2026, 3, 2, 9);
    public const string Number = "JXFY-20260302-000001";
    public const string Station = Tickets.Units.NanhuLegal;

    /// <summary>The clocks of a case received on <see cref="Start"/>: rule version 1 (the 2012 procedural rules and local practice).</summary>
    public static LegalAidClockRules Rules { get; } = LegalAidClockRules.From(TicketClocks.Settings.RulesAt(Start));

    /// <summary>Monday 7 December 2026 09:00 in Jiaxing: a case received then falls under version 2 (《法律援助法》).</summary>
    public static readonly DateTimeOffset UnderTheLaw = Shanghai.At(2026, 12, 7, 9);

    public static LegalAidClockRules LawRules { get; } = LegalAidClockRules.From(TicketClocks.Settings.RulesAt(UnderTheLaw));

    public static CaseBuilder Applied(
        DateTimeOffset? at = null, string county = Places.Nanhu, string station = Station, TicketLink? ticket = null, LegalAidClockRules? rules = null) =>
        new CaseBuilder(LegalAidState.Empty, at ?? Start).With(new CaseOpened(
            Number, new PersonView("李明", "13812345678", null, null, county, null, "南湖区解放路 1 号"), "phone:13812345678",
            "labour_dispute", "用人单位拖欠工资三个月，申请法律援助。", station, false, ticket, rules ?? Rules, "fingerprint"));

    /// <summary>A case received on <see cref="UnderTheLaw"/> with the clocks of the version in force then.</summary>
    public static CaseBuilder AppliedUnderTheLaw() => Applied(UnderTheLaw, rules: LawRules);

    public CaseBuilder At(DateTimeOffset instant) => this with { Now = instant };

    public CaseBuilder Accepted() => With(new CaseAccepted(null));

    public CaseBuilder DocumentsRequested(DateOnly? respondBy = null) => With(new DocumentsRequested("劳动合同复印件、工资流水", null, respondBy));

    public CaseBuilder Withdrawn() => With(new ApplicationWithdrawn(new DateOnly(2026, 3, 6), null));

    public CaseBuilder Terminated() => With(new AidTerminated("own_lawyer_engaged", null));

    public CaseBuilder DocumentsReceived() => With(new DocumentsReceived(null));

    /// <summary>A complete checklist: wages (Art. 31 (5)), a person with a disability without a fixed livelihood (Art. 42 (1)), competent.</summary>
    public static readonly RecordEligibility CompleteChecklist = new()
    {
        Scope = "labour_relation_or_pay", Means = EligibilityVocabulary.NotVerified, ExemptPerson = "vulnerable_without_income", Competent = true,
    };

    public CaseBuilder Eligible() => With(new EligibilityRecorded(
        CompleteChecklist.Scope, CompleteChecklist.Means, null, null, CompleteChecklist.ExemptPerson, true, null));

    public CaseBuilder Granted() => With(new AidGranted(null));

    public CaseBuilder Refused() => With(new AidRefused("申请事项不属于法律援助范围。"));

    public CaseBuilder Objected() => With(new ObjectionRecorded("申请人认为属于劳动报酬纠纷，应予援助。"));

    public CaseBuilder ObjectionDecided(string decision) => With(new ObjectionDecided(decision, "经审查，维持原决定。"));

    public CaseBuilder Assigned(string name = "王律师") => With(new HandlerAssigned(name, "lawyer", "浙江禾城律师事务所", null));

    public CaseBuilder AgreementSigned() => With(new AgreementRecorded(DateOnly.FromDateTime(Now.Date), null));

    public CaseBuilder Concluded() => With(new CaseConcluded("mediated", "经调解，用人单位支付全部欠薪。"));

    public CaseBuilder Archived() => With(new CaseArchived(null));

    /// <summary>The events a successful change recorded, folded at the builder's instant.</summary>
    public CaseBuilder Applying(Change<LegalAidEvent> change)
    {
        change.Error.Should().BeNull("the change is expected to succeed");
        return change.Events.Aggregate(this, (builder, e) => builder.With(e));
    }

    public CaseBuilder With(LegalAidEvent e) => this with { State = State.Apply(CaseId, State.Version + 1, e, Now) };

    public LegalAidState Build() => State;

    public ClockReader Clocks => TicketClocks.At(Now);
}
