using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>Each step of a visit: what it records and where it leaves the visit, its worker and its clocks.</summary>
public sealed class RehabTransitionTests
{
    private static readonly Actor Provider = new("staff-rehab-1", Roles.UnitStaff, VisitBuilder.Provider, Places.Nanhu);
    private static readonly BookingConflict Taken = new(Guid.NewGuid(), "JXKF-20260302-000007", "W001", "张丽", "2026-03-04 09:00–11:00");

    [Fact]
    public void Scheduling_gives_the_visit_its_window_with_the_default_length_from_the_rules()
    {
        var requested = VisitBuilder.AcceptedRequest();

        var scheduled = requested.Applying(RehabRules.Schedule(requested.Build(), Provider, new ScheduleVisit(VisitBuilder.WindowStart, null, null), requested.Now)).Build();

        scheduled.Status.Should().Be(RehabVisitStatus.Scheduled);
        scheduled.Window.Should().Be(new VisitWindow(VisitBuilder.WindowStart, VisitBuilder.WindowStart.AddHours(2)));
        scheduled.WindowClock.Should().Match<ClockRecord>(c => c.StartedAt == VisitBuilder.WindowStart && c.Length == SlaDuration.Hours(2));
    }

    [Fact]
    public void A_window_must_start_in_the_future_and_last_half_an_hour_to_eight_hours()
    {
        var requested = VisitBuilder.AcceptedRequest();

        RehabRules.Schedule(requested.Build(), Provider, new ScheduleVisit(VisitBuilder.Start.AddHours(-1), null, null), requested.Now)
            .ShouldReportFields(("windowStart", "in_past"));
        RehabRules.Schedule(requested.Build(), Provider, new ScheduleVisit(VisitBuilder.WindowStart, 600, null), requested.Now)
            .ShouldReportFields(("windowMinutes", "invalid_value"));
        RehabRules.Schedule(requested.Build(), Provider, new ScheduleVisit(null, null, null), requested.Now)
            .ShouldReportFields(("windowStart", "required"));
    }

    [Fact]
    public void Assigning_books_the_worker_for_the_window()
    {
        var scheduled = VisitBuilder.AcceptedRequest().Scheduled();

        var assigned = scheduled.Applying(RehabRules.Assign(scheduled.Build(), Provider, new AssignWorker(" W001 ", "张丽"), null)).Build();

        assigned.Status.Should().Be(RehabVisitStatus.Assigned);
        assigned.Worker.Should().Be(new Worker("W001", "张丽"));
        assigned.Books.Should().BeTrue();
    }

    [Fact]
    public void A_worker_already_booked_in_an_overlapping_window_is_refused_with_a_clear_bilingual_409()
    {
        var scheduled = VisitBuilder.AcceptedRequest().Scheduled();

        var error = RehabRules.Assign(scheduled.Build(), Provider, new AssignWorker("W001", "张丽"), Taken).ShouldConflict("worker_double_booked");

        error.MessageZh.Should().Contain("张丽").And.Contain("JXKF-20260302-000007").And.Contain("2026-03-04 09:00–11:00").And.Contain("不能重复预约");
        error.MessageEn.Should().Contain("already booked").And.Contain("JXKF-20260302-000007").And.Contain("overlap");
        error.CurrentStatus.Should().Be(RehabVisitStatus.Scheduled);
    }

    [Fact]
    public void A_worker_needs_a_plain_id_and_a_name()
    {
        var scheduled = VisitBuilder.AcceptedRequest().Scheduled();

        RehabRules.Assign(scheduled.Build(), Provider, new AssignWorker("W 001", null), null)
            .ShouldReportFields(("workerId", "invalid_format"), ("workerName", "required"));
    }

    [Fact]
    public void Rescheduling_keeps_the_earlier_window_in_the_history_and_the_worker_when_free()
    {
        var assigned = VisitBuilder.AcceptedRequest().Scheduled().Assigned();
        var later = Shanghai.At(2026, 3, 5, 14);

        var moved = assigned.Applying(RehabRules.Reschedule(assigned.Build(), Provider, new ScheduleVisit(later, 90, "本人周三复诊"), assigned.Now, null)).Build();

        moved.Status.Should().Be(RehabVisitStatus.Assigned);
        moved.Worker!.Id.Should().Be("W001");
        moved.Window.Should().Be(new VisitWindow(later, later.AddMinutes(90)));
        moved.Reschedules.Should().ContainSingle(r => r.From!.Start == VisitBuilder.WindowStart && r.To.Start == later && r.Reason == "本人周三复诊");
        moved.WindowClock!.StartedAt.Should().Be(later);
    }

    [Fact]
    public void Rescheduling_needs_a_reason_and_a_worker_free_in_the_new_window()
    {
        var assigned = VisitBuilder.AcceptedRequest().Scheduled().Assigned();

        RehabRules.Reschedule(assigned.Build(), Provider, new ScheduleVisit(VisitBuilder.WindowStart.AddDays(1), null, null), assigned.Now, null)
            .ShouldReportFields(("reason", "required"));
        RehabRules.Reschedule(assigned.Build(), Provider, new ScheduleVisit(VisitBuilder.WindowStart.AddDays(1), null, "改期"), assigned.Now, Taken)
            .ShouldConflict("worker_double_booked");
    }

    [Fact]
    public void A_missed_visit_is_rescheduled_without_its_worker()
    {
        var missed = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(VisitBuilder.WindowStart.AddHours(3)).Missed();

        var again = missed.Applying(RehabRules.Reschedule(missed.Build(), Provider,
            new ScheduleVisit(Shanghai.At(2026, 3, 6, 9), null, "重新预约"), missed.Now, null)).Build();

        again.Status.Should().Be(RehabVisitStatus.Scheduled);
        again.Worker.Should().BeNull();
        again.Reschedules.Should().ContainSingle();
    }

    [Fact]
    public void Checking_in_opens_an_hour_before_the_window_and_stops_the_first_visit_clock()
    {
        var assigned = VisitBuilder.AcceptedRequest().Scheduled().Assigned();

        RehabRules.CheckIn(assigned.Build(), Provider, new VisitNote(null), VisitBuilder.WindowStart.AddMinutes(-61)).ShouldConflict("too_early");
        var arrived = assigned.At(VisitBuilder.WindowStart.AddMinutes(-30));
        var checkedIn = arrived.Applying(RehabRules.CheckIn(arrived.Build(), Provider, new VisitNote(null), arrived.Now)).Build();

        checkedIn.Status.Should().Be(RehabVisitStatus.CheckedIn);
        checkedIn.FirstVisit!.StoppedAt.Should().Be(VisitBuilder.WindowStart.AddMinutes(-30));
    }

    [Fact]
    public void Completing_without_notes_starts_the_record_clock_and_the_record_stops_it()
    {
        var visiting = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(VisitBuilder.WindowStart.AddMinutes(10)).CheckedIn().At(VisitBuilder.WindowStart.AddMinutes(100));

        var done = visiting.Applying(RehabRules.Complete(visiting.Build(), Provider, new VisitRecord(null)));
        done.Build().RecordPending.Should().BeTrue();
        done.Build().WindowClock!.StoppedAt.Should().Be(VisitBuilder.WindowStart.AddMinutes(100));
        done.Build().Record.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.WorkingDays(1));

        RehabRules.Record(done.Build(), Provider, new VisitRecord(" ")).ShouldReportFields(("notes", "required"));
        var recorded = done.Applying(RehabRules.Record(done.Build(), Provider, new VisitRecord("完成下肢训练。"))).Build();
        recorded.RecordPending.Should().BeFalse();
        recorded.Record!.Running.Should().BeFalse();
        recorded.RecordNotes.Should().Be("完成下肢训练。");
    }

    [Fact]
    public void Completing_with_notes_files_the_record_at_once()
    {
        var visiting = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(VisitBuilder.WindowStart).CheckedIn();

        var done = visiting.Applying(RehabRules.Complete(visiting.Build(), Provider, new VisitRecord("评估完成。"))).Build();

        done.RecordPending.Should().BeFalse();
        RehabRules.AllowedActions(done).Should().BeEmpty();
    }

    [Fact]
    public void A_visit_is_recorded_missed_only_once_its_window_opened_and_then_frees_the_worker()
    {
        var assigned = VisitBuilder.AcceptedRequest().Scheduled().Assigned();

        RehabRules.Miss(assigned.Build(), Provider, new VisitReason("家中无人"), VisitBuilder.Start).ShouldConflict("window_not_started");
        var late = assigned.At(VisitBuilder.WindowStart.AddMinutes(30));
        var missed = late.Applying(RehabRules.Miss(late.Build(), Provider, new VisitReason("家中无人"), late.Now)).Build();

        missed.Status.Should().Be(RehabVisitStatus.Missed);
        missed.Books.Should().BeFalse();
        missed.FirstVisit!.Running.Should().BeTrue("the first visit is still owed");
    }

    [Fact]
    public void Cancelling_needs_a_reason_may_come_from_the_hotline_and_stops_every_clock()
    {
        var scheduled = VisitBuilder.AcceptedRequest().Scheduled();

        RehabRules.Cancel(scheduled.Build(), Actors.Operator, new VisitReason(null)).ShouldReportFields(("reason", "required"));
        var cancelled = scheduled.Applying(RehabRules.Cancel(scheduled.Build(), Actors.Operator, new VisitReason("本人住院"))).Build();

        cancelled.Status.Should().Be(RehabVisitStatus.Cancelled);
        cancelled.Clocks.Should().OnlyContain(c => !c.Running);
    }

    [Fact]
    public void Only_the_providers_staff_do_the_providers_work_and_others_do_not_see_the_visit()
    {
        var scheduled = VisitBuilder.AcceptedRequest().Scheduled();
        var otherProvider = new Actor("x", Roles.UnitStaff, "330411-REHAB-1", Places.Xiuzhou);

        VisitRequests.Take(RehabActions.Assign, scheduled.Build(), otherProvider, scheduled.Now).ShouldBeRefused(DomainErrorKind.NotFound);
        VisitRequests.Take(RehabActions.Assign, scheduled.Build(), Actors.Operator, scheduled.Now).ShouldBeRefused(DomainErrorKind.Forbidden);
        VisitRequests.Take(RehabActions.Assign, scheduled.Build(), Actors.NanhuSupervisor, scheduled.Now).ShouldBeRefused(DomainErrorKind.Forbidden);
        VisitRequests.Take(RehabActions.Supervise, scheduled.Build(), Actors.NanhuSupervisor, scheduled.Now).Error.Should().BeNull();
        VisitRequests.Take(RehabActions.Supervise, scheduled.Build(), Actors.XiuzhouSupervisor, scheduled.Now).ShouldBeRefused(DomainErrorKind.NotFound);
    }
}
