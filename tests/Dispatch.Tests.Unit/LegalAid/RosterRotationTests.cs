using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.LegalAid;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

using static Dispatch.Tests.Unit.LegalAid.RosterBuilder;

namespace Dispatch.Tests.Unit.LegalAid;

public sealed class RosterRotationTests
{
    private static readonly Dispatch.Identity.Actor Station = Actors.LegalStaff;
    private static readonly DateTimeOffset Monday = CaseBuilder.Start;

    private static RosterCandidate Candidate(RosterMember member, int open = 0, DateTimeOffset? last = null, string? party = null, string? number = null) =>
        new(member, open, last, party, number);

    private static RotationOffer Offer(DateOnly today, params RosterCandidate[] candidates) =>
        RosterRotation.Offer(candidates, "labour_dispute", "李明", "嘉兴某某制衣有限公司", today);

    private static DateOnly Today(FakeTimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    [Fact]
    public void The_member_whose_last_assignment_is_oldest_is_picked_and_ties_go_to_fewer_open_cases()
    {
        var time = new FakeTimeProvider(Monday);
        var recent = Member("张律师");
        var old = Member("王律师");
        var oldBusier = Member("陈律师");

        var offer = Offer(Today(time), Candidate(recent, last: Monday.AddDays(-1)), Candidate(oldBusier, open: 3, last: Monday.AddDays(-9)),
            Candidate(old, open: 1, last: Monday.AddDays(-9)));

        offer.Pick.Should().Be(old.Id);
        offer.Members.Should().OnlyContain(e => e.Skip == null);
    }

    [Fact]
    public void A_member_never_assigned_comes_before_one_assigned_long_ago()
    {
        var never = Member("赵律师");
        var once = Member("钱律师");

        Offer(new DateOnly(2026, 3, 2), Candidate(once, last: Monday.AddYears(-1)), Candidate(never)).Pick.Should().Be(never.Id);
    }

    [Fact]
    public void Leave_counts_on_its_days_only_as_the_clock_moves()
    {
        var time = new FakeTimeProvider(Monday);
        var away = Member("孙律师", RosterVocabulary.OnLeave, leaveFrom: new DateOnly(2026, 3, 2), leaveUntil: new DateOnly(2026, 3, 4));
        var other = Member("周律师");

        var during = Offer(Today(time), Candidate(away), Candidate(other, last: Monday.AddDays(-1)));
        time.Advance(TimeSpan.FromDays(3));
        var after = Offer(Today(time), Candidate(away), Candidate(other, last: Monday.AddDays(-1)));

        during.Pick.Should().Be(other.Id);
        during.Members.Single(e => e.Member.Id == away.Id).Skip.Should().Be(RotationSkips.OnLeave);
        after.Pick.Should().Be(away.Id, "on 5 March the leave is over");
    }

    [Fact]
    public void Members_who_left_or_reached_their_cap_are_skipped_and_say_why()
    {
        var left = Member("吴律师", RosterVocabulary.Left);
        var full = Member("郑律师", cap: 2);
        var free = Member("冯律师");

        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(left), Candidate(full, open: 2), Candidate(free, open: 1, last: Monday));

        offer.Pick.Should().Be(free.Id);
        offer.Members.Select(e => e.Skip).Should().Equal(RotationSkips.Left, RotationSkips.AtCap, null);
    }

    [Fact]
    public void Members_practising_in_the_cases_field_come_first_when_any_does()
    {
        var family = Member("蒋律师", fields: ["marriage_family"]);
        var labour = Member("沈律师", fields: ["labour_dispute"]);

        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(family), Candidate(labour, last: Monday));

        offer.Pick.Should().Be(labour.Id);
        offer.Members.Single(e => e.Member.Id == family.Id).OtherField.Should().BeTrue();
    }

    [Fact]
    public void Without_anyone_in_the_field_every_eligible_member_takes_part()
    {
        var family = Member("韩律师", fields: ["marriage_family"]);

        Offer(new DateOnly(2026, 3, 2), Candidate(family)).Pick.Should().Be(family.Id);
    }

    [Fact]
    public void A_member_with_an_earlier_case_for_or_against_a_party_or_a_declared_conflict_is_skipped()
    {
        var acted = Member("杨律师");
        var declared = Member("朱律师", declared: ["ＬＩ　明", "李明"]);
        var clear = Member("秦律师");

        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(acted, party: "嘉兴某某制衣有限公司", number: "JXFY-20260101-000001"),
            Candidate(declared), Candidate(clear, last: Monday));

        offer.Pick.Should().Be(clear.Id);
        offer.Members[0].Should().Match<RotationEntry>(e => e.Skip == RotationSkips.Conflict && e.ConflictCase == "JXFY-20260101-000001");
        offer.Members[1].Should().Match<RotationEntry>(e => e.Skip == RotationSkips.Conflict && e.ConflictParty == "李明");
    }

    [Theory]
    [InlineData("  李明 ", "李明")]
    [InlineData("ＡＢＣ　公司", "abc 公司")]
    [InlineData("嘉兴１号  厂", "嘉兴1号 厂")]
    public void Party_names_compare_trimmed_and_with_full_width_forms_as_half_width(string written, string other) =>
        PartyNames.Same(written, other).Should().BeTrue();

    [Fact]
    public void Assigning_the_rotations_pick_records_the_member_and_that_it_was_the_pick()
    {
        var granted = CaseBuilder.Applied().Accepted().Granted();
        var pick = Member("王律师");
        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(pick));

        var assigned = granted.Applying(LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(pick.Id), granted.Clocks, offer)).Build();

        assigned.Handler.Should().Match<Handler>(h => h.MemberId == pick.Id && h.RotationPick == true && h.Name == "王律师" && h.Phone == "13900001111");
    }

    [Fact]
    public void Another_member_than_the_pick_needs_a_reason_which_the_event_keeps()
    {
        var granted = CaseBuilder.Applied().Accepted().Granted();
        var pick = Member("王律师");
        var other = Member("张律师");
        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(pick), Candidate(other, last: Monday));

        LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(other.Id), granted.Clocks, offer)
            .ShouldReportFields(("reason", "required"));
        var change = LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(other.Id, "申请人要求女律师"), granted.Clocks, offer);

        change.Events.Should().ContainSingle().Which.Should().Be(
            new HandlerAssigned("张律师", "lawyer", "浙江禾城律师事务所", "13900001111", other.Id, false, "申请人要求女律师"));
    }

    [Fact]
    public void A_conflicted_member_is_refused_naming_the_conflict_and_one_off_the_roster_is_not_found()
    {
        var granted = CaseBuilder.Applied().Accepted().Granted();
        var acted = Member("杨律师");
        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(acted, party: "嘉兴某某制衣有限公司", number: "JXFY-20260101-000001"));

        var refused = LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(acted.Id, "熟悉案情"), granted.Clocks, offer)
            .ShouldBeRefused(DomainErrorKind.Conflict);
        refused.Code.Should().Be("conflict_of_interest");
        refused.MessageZh.Should().Contain("嘉兴某某制衣有限公司").And.Contain("JXFY-20260101-000001");
        LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(Guid.NewGuid()), granted.Clocks, offer)
            .ShouldReportFields(("memberId", "not_on_roster"));
    }

    [Fact]
    public void Nobody_is_assigned_without_a_roster_member()
    {
        var granted = CaseBuilder.Applied().Accepted().Granted();
        var offer = Offer(new DateOnly(2026, 3, 2), Candidate(Member("王律师")));

        var refused = LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(null), granted.Clocks, offer)
            .ShouldBeRefused(DomainErrorKind.Validation);

        refused.Fields.Should().ContainSingle().Which.Should().Match<FieldError>(f => f.Field == "memberId" && f.Code == "member_required"
            && f.MessageZh == "指派须从本站名册中选择；请先将其加入名册。");
    }
}
