using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>
/// Amending (调整计划), pausing (暂停) and resuming (恢复) a plan of weekly Monday visits at 10:00 from 2 March 2026: which
/// visits are added, moved and cancelled, which never change, and what is refused.
/// </summary>
public sealed class RehabPlanChangeRulesTests
{
    private static readonly Actor ProviderStaff = new("p", Roles.UnitStaff, VisitBuilder.Provider, Places.Nanhu);
    private static readonly Actor Supervisor = new("s", Roles.Supervisor, null, Places.Nanhu);
    private static readonly Guid PlanId = Guid.Parse("5f0c1e8a-2b7d-4c3e-9f10-00000000aa01");

    /// <summary>Tuesday 3 March 2026, 09:00: the first visit (Monday 2 March) is done, the others lie ahead.</summary>
    private static readonly DateTimeOffset Now = Shanghai.At(2026, 3, 3, 9);

    private static PlanState Plan(int count = 4)
    {
        var windows = PlanSchedule.Expand(new VisitWindow(Shanghai.At(2026, 3, 2, 10), Shanghai.At(2026, 3, 2, 12)), 7, count, Shanghai.Calendar);
        var visits = windows.Select((w, i) => new PlannedVisit(i + 1, PlanVisitIds.Of(PlanId, i + 1), w.Start, w.End)).ToImmutableList();
        return PlanState.Empty
            .Apply(PlanId, 1, new PlanCreated(new PersonView("王芳", "13812345678", null, null, Places.Nanhu, null, null), "phone:13812345678",
                "rehabilitation_training", VisitBuilder.Provider, "weekly", 120, visits, null, "fingerprint"), Shanghai.At(2026, 2, 27, 9))
            .Apply(PlanId, 2, new PlanVisitsOpened([.. visits.Select(v => $"JXKF-{v.Sequence}")]), Shanghai.At(2026, 2, 27, 9));
    }

    /// <summary>The first visit completed, every later one scheduled where the plan put it.</summary>
    private static Dictionary<int, PlanVisitFacts> Facts(PlanState plan) => plan.Current.ToDictionary(e => e.Visit.Sequence, e =>
        new PlanVisitFacts(e.Visit.Sequence, e.Visit.Sequence == 1 ? RehabVisitStatus.Completed : RehabVisitStatus.Scheduled, e.Visit.Window));

    private static (PlanAmended? Amended, DomainError? Refused) Amend(PlanState plan, AmendPlan command) =>
        RehabPlanRules.Amend(plan, ProviderStaff, command, null, Facts(plan), Now, Shanghai.Calendar);

    private static IEnumerable<DateTimeOffset> Starts(IEnumerable<PlannedVisit> visits) => visits.Select(v => v.WindowStart);

    [Fact]
    public void More_visits_are_added_after_the_last_one_at_the_plans_frequency_with_new_sequences_and_nothing_else_moves()
    {
        var (amended, refused) = Amend(Plan(), new AmendPlan { Count = 6, Reason = " 康复评估后增加训练 " });

        refused.Should().BeNull();
        amended!.Reason.Should().Be("康复评估后增加训练");
        amended.FromCount.Should().Be(4);
        amended.Count.Should().Be(6);
        amended.Added.Select(v => v.Sequence).Should().Equal(5, 6);
        Starts(amended.Added).Should().Equal(Shanghai.At(2026, 3, 30, 10), Shanghai.At(2026, 4, 3, 10)); // Monday 6 April is Qingming
        amended.Added.Select(v => v.VisitId).Should().Equal(PlanVisitIds.Of(PlanId, 5), PlanVisitIds.Of(PlanId, 6));
        amended.Moved.Should().BeEmpty();
        amended.Cancelled.Should().BeEmpty();
        var after = Plan().Apply(PlanId, 3, amended, Now);
        after.View().Count.Should().Be(6);
        after.Pending.Should().NotBeNull("the new visits are not opened yet");
    }

    [Fact]
    public void Fewer_visits_cancel_the_latest_ones_not_yet_started_and_the_done_visit_still_counts()
    {
        var (amended, _) = Amend(Plan(), new AmendPlan { Count = 2, Reason = "服务对象要求减少" });

        amended!.Cancelled.Should().Equal(3, 4);
        amended.Added.Should().BeEmpty();
        amended.Moved.Should().BeEmpty();
        var view = Plan().Apply(PlanId, 3, amended, Now).View();
        view.Count.Should().Be(2);
        view.Visits.Where(v => v.DroppedBy is not null).Select(v => v.Sequence).Should().Equal(3, 4);
    }

    [Fact]
    public void The_count_cannot_fall_below_the_visits_that_began_or_ended()
    {
        var (_, refused) = Amend(Plan(), new AmendPlan { Count = 1, Reason = "x" });
        var started = Facts(Plan());
        started[2] = started[2] with { Status = RehabVisitStatus.CheckedIn };
        var (_, belowTwo) = RehabPlanRules.Amend(Plan(), ProviderStaff, new AmendPlan { Count = 1, Reason = "x" }, null, started, Now, Shanghai.Calendar);

        refused.Should().BeNull("one visit done: a plan of one is possible");
        belowTwo!.Fields.Should().ContainSingle().Which.Code.Should().Be("below_started");
    }

    [Fact]
    public void A_new_time_moves_every_visit_not_yet_started_to_that_local_time_and_never_the_done_or_started_ones()
    {
        var facts = Facts(Plan());
        facts[2] = facts[2] with { Status = RehabVisitStatus.Missed };
        var (amended, _) = RehabPlanRules.Amend(Plan(), ProviderStaff, new AmendPlan { TimeOfDay = "14:30", WindowMinutes = 90, Reason = "家属下午在家" },
            null, facts, Now, Shanghai.Calendar);

        amended!.Moved.Select(v => v.Sequence).Should().Equal(3, 4);
        Starts(amended.Moved).Should().Equal(Shanghai.At(2026, 3, 16, 14, 30), Shanghai.At(2026, 3, 23, 14, 30));
        amended.Moved.Should().OnlyContain(v => v.WindowEnd - v.WindowStart == TimeSpan.FromMinutes(90));
        amended.TimeOfDay.Should().Be("14:30");
        amended.WindowMinutes.Should().Be(90);
        amended.Added.Should().BeEmpty();
        amended.Cancelled.Should().BeEmpty();
    }

    [Fact]
    public void A_new_frequency_lays_the_future_out_again_from_the_first_visit_not_yet_started()
    {
        var (amended, _) = Amend(Plan(), new AmendPlan { Frequency = "fortnightly", Reason = "病情稳定，改为两周一次" });

        amended!.Moved.Select(v => v.Sequence).Should().Equal(3, 4); // visit 2 keeps its day, the later ones spread out
        Starts(amended.Moved).Should().Equal(Shanghai.At(2026, 3, 23, 10), Shanghai.At(2026, 4, 3, 10)); // 6 April is Qingming
        amended.Frequency.Should().Be("fortnightly");
        Plan().Apply(PlanId, 3, amended, Now).View().Frequency.Should().Be("fortnightly");
    }

    [Fact]
    public void A_repeat_of_an_amendment_already_made_changes_nothing()
    {
        var plan = Plan();
        var (amended, _) = Amend(plan, new AmendPlan { Count = 5, Reason = "增加一次" });
        var after = plan.Apply(PlanId, 3, amended!, Now).Apply(PlanId, 4, new PlanVisitsOpened(["JXKF-5"], [5]), Now)
            .Apply(PlanId, 5, new PlanChangeApplied([]), Now);

        var again = Amend(after, new AmendPlan { Count = 5, Reason = "增加一次" });

        again.Amended.Should().BeNull();
        again.Refused.Should().BeNull();
        after.Pending.Should().BeNull();
        after.View().Visits.Single(v => v.Sequence == 5).Number.Should().Be("JXKF-5");
    }

    [Fact]
    public void An_amendment_needs_a_reason_and_something_to_change_and_valid_values()
    {
        Amend(Plan(), new AmendPlan { Count = 5 }).Refused!.Fields.Should().ContainSingle().Which.Field.Should().Be("reason");
        Amend(Plan(), new AmendPlan { Reason = "x" }).Refused!.Fields.Should().ContainSingle().Which.Code.Should().Be("nothing_to_change");
        Amend(Plan(), new AmendPlan { Count = 53, Frequency = "daily", TimeOfDay = "25:00", WindowMinutes = 5, Reason = "x" })
            .Refused!.Fields.Select(e => e.Field).Should().BeEquivalentTo(["count", "frequency", "timeOfDay", "windowMinutes"]);
    }

    [Fact]
    public void Who_may_change_a_plan_and_when_an_ended_or_paused_plan_refuses()
    {
        var plan = Plan();
        RehabPlanRules.Amend(plan, Supervisor, new AmendPlan { Count = 5, Reason = "x" }, null, Facts(plan), Now, Shanghai.Calendar)
            .Refused!.Kind.Should().Be(DomainErrorKind.Forbidden);
        RehabPlanRules.Amend(plan, ProviderStaff, new AmendPlan { Count = 5, Reason = "x" }, 1, Facts(plan), Now, Shanghai.Calendar)
            .Refused!.Kind.Should().Be(DomainErrorKind.StaleVersion);
        Amend(plan.Apply(PlanId, 3, new PlanEnded("入住养老机构"), Now), new AmendPlan { Count = 5, Reason = "x" }).Refused!.Code.Should().Be("plan_ended");
        Amend(plan.Apply(PlanId, 3, new PlanPaused(new DateOnly(2026, 3, 4), null, "住院", []), Now), new AmendPlan { Count = 5, Reason = "x" })
            .Refused!.Code.Should().Be("plan_paused");
    }

    [Fact]
    public void A_pause_cancels_the_visits_not_yet_started_whose_window_falls_in_it_and_a_paused_plan_shows_from_and_until()
    {
        var plan = Plan();
        var (paused, refused) = RehabPlanRules.Pause(plan, ProviderStaff, new PausePlan(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 16), " 住院治疗 "),
            null, Facts(plan), Now, Shanghai.Calendar);

        refused.Should().BeNull();
        paused!.Cancelled.Should().Equal(2, 3);
        paused.Reason.Should().Be("住院治疗");
        var view = plan.Apply(PlanId, 3, paused, Now).View();
        view.Status.Should().Be(RehabPlanStatus.Paused);
        view.PausedFrom.Should().Be(new DateOnly(2026, 3, 9));
        view.PausedUntil.Should().Be(new DateOnly(2026, 3, 16));
        view.PausedVisits.Should().Be(2);
        view.Count.Should().Be(4, "the two visits the pause called off are owed until it resumes");
    }

    [Fact]
    public void A_pause_from_a_past_day_or_ending_before_it_begins_or_of_a_paused_plan_is_refused()
    {
        var plan = Plan();
        RehabPlanRules.Pause(plan, ProviderStaff, new PausePlan(new DateOnly(2026, 3, 2), null, "x"), null, Facts(plan), Now, Shanghai.Calendar)
            .Refused!.Fields.Should().ContainSingle().Which.Code.Should().Be("in_past");
        RehabPlanRules.Pause(plan, ProviderStaff, new PausePlan(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 8), null), null, Facts(plan), Now, Shanghai.Calendar)
            .Refused!.Fields.Select(e => e.Field).Should().BeEquivalentTo(["until", "reason"]);
        var paused = plan.Apply(PlanId, 3, new PlanPaused(new DateOnly(2026, 3, 9), null, "住院", [2, 3, 4]), Now);
        RehabPlanRules.Pause(paused, ProviderStaff, new PausePlan(new DateOnly(2026, 3, 9), null, "x"), null, Facts(paused), Now, Shanghai.Calendar)
            .Refused!.Code.Should().Be("plan_paused");
    }

    [Fact]
    public void Resuming_opens_as_many_visits_as_the_pause_cancelled_after_the_plans_last_visit_and_keeps_its_count()
    {
        var plan = Plan();
        var paused = plan.Apply(PlanId, 3, new PlanPaused(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 16), "住院", [2, 3]), Now)
            .Apply(PlanId, 4, new PlanChangeApplied([]), Now);
        var later = Shanghai.At(2026, 3, 17, 9);

        var (resumed, refused) = RehabPlanRules.Resume(paused, ProviderStaff, new ResumePlan("已出院"), null, Facts(paused), later, Shanghai.Calendar);

        refused.Should().BeNull();
        resumed!.Added.Select(v => v.Sequence).Should().Equal(5, 6);
        Starts(resumed.Added).Should().Equal(Shanghai.At(2026, 3, 30, 10), Shanghai.At(2026, 4, 3, 10)); // after visit 4 on 23 March
        var view = paused.Apply(PlanId, 5, resumed, later).View();
        view.Status.Should().Be(RehabPlanStatus.Active);
        view.Count.Should().Be(4);
        RehabPlanRules.Resume(plan, ProviderStaff, new ResumePlan("x"), null, Facts(plan), later, Shanghai.Calendar).Refused!.Code.Should().Be("plan_not_paused");
        RehabPlanRules.Resume(paused, ProviderStaff, new ResumePlan(" "), null, Facts(paused), later, Shanghai.Calendar).Refused!.Kind.Should().Be(DomainErrorKind.Validation);
    }

    [Fact]
    public void An_open_ended_pause_resumed_later_continues_on_the_plans_weekday_after_now()
    {
        var plan = Plan();
        var paused = plan.Apply(PlanId, 3, new PlanPaused(new DateOnly(2026, 3, 4), null, "住院", [2, 3, 4]), Now);

        var (resumed, _) = RehabPlanRules.Resume(paused, ProviderStaff, new ResumePlan("已出院"), null, Facts(paused), Shanghai.At(2026, 4, 14, 9), Shanghai.Calendar);

        Starts(resumed!.Added).Should().Equal(Shanghai.At(2026, 4, 20, 10), Shanghai.At(2026, 4, 27, 10), Shanghai.At(2026, 4, 30, 10)); // 4 May is Labour Day
    }
}
