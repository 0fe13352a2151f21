using Dispatch.Identity;
using Dispatch.Errors;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>受理: a hotline request waits for the provider's acceptance, and the first-visit clock runs from it.</summary>
public sealed class RehabAcceptanceTests
{
    private static readonly DateTimeOffset Wednesday = Shanghai.At(2026, 3, 4, 9);
    private static readonly Actor Provider = new("staff-rehab-1", Roles.UnitStaff, VisitBuilder.Provider, Places.Nanhu);

    [Fact]
    public void A_request_awaiting_acceptance_runs_no_first_visit_clock()
    {
        var requested = VisitBuilder.Requested().Build();

        requested.Status.Should().Be(RehabVisitStatus.Requested);
        requested.AcceptedAt.Should().BeNull();
        requested.FirstVisit.Should().BeNull();
    }

    [Fact]
    public void The_first_visit_is_due_five_working_days_after_acceptance_not_after_the_request()
    {
        var requested = VisitBuilder.Requested().At(Wednesday); // requested Monday 2 March, accepted Wednesday 4 March 09:00

        var accepted = requested.Applying(RehabRules.Accept(requested.Build(), Provider, new VisitNote(null), Wednesday));

        accepted.Build().Status.Should().Be(RehabVisitStatus.Accepted);
        accepted.Build().AcceptedAt.Should().Be(Wednesday);
        accepted.Clocks.Evaluate(accepted.Build().FirstVisit!).DueAt.Should().Be(Shanghai.At(2026, 3, 11, 9));
    }

    [Fact]
    public void The_providers_staff_accept_and_nobody_else_does()
    {
        var requested = VisitBuilder.Requested();

        RehabRules.Accept(requested.Build(), Actors.Operator, new VisitNote(null), VisitBuilder.Start).ShouldBeRefused(DomainErrorKind.Forbidden);
        RehabRules.Accept(requested.Build(), Actors.NanhuSupervisor, new VisitNote(null), VisitBuilder.Start).ShouldBeRefused(DomainErrorKind.Forbidden);
        RehabRules.Accept(requested.Build(), Actors.Admin, new VisitNote(null), VisitBuilder.Start).Error.Should().BeNull();
    }

    [Fact]
    public void An_overlong_note_is_refused_and_nothing_is_recorded()
    {
        var change = RehabRules.Accept(VisitBuilder.Requested().Build(), Provider, new VisitNote(new string('注', 1001)), VisitBuilder.Start);

        change.ShouldBeRefused(DomainErrorKind.Validation);
        change.Events.Should().BeEmpty();
    }

    [Fact]
    public void A_window_the_request_asked_for_is_scheduled_on_acceptance()
    {
        var asked = new VisitWindow(VisitBuilder.WindowStart, VisitBuilder.WindowStart.AddHours(2));
        var requested = VisitBuilder.Requested(asked: asked);

        var accepted = requested.Applying(RehabRules.Accept(requested.Build(), Provider, new VisitNote(null), VisitBuilder.Start)).Build();

        accepted.Status.Should().Be(RehabVisitStatus.Scheduled);
        accepted.Window.Should().Be(asked);
        accepted.AskedWindow.Should().BeNull();
    }

    [Fact]
    public void A_window_asked_for_that_has_passed_leaves_the_accepted_visit_to_be_scheduled()
    {
        var asked = new VisitWindow(VisitBuilder.WindowStart, VisitBuilder.WindowStart.AddHours(2));
        var late = VisitBuilder.Requested(asked: asked).At(VisitBuilder.WindowStart.AddHours(3));

        var accepted = late.Applying(RehabRules.Accept(late.Build(), Provider, new VisitNote(null), late.Now)).Build();

        accepted.Status.Should().Be(RehabVisitStatus.Accepted);
        accepted.Window.Should().BeNull();
        RehabRules.AllowedActions(accepted).Should().Contain(RehabActions.Schedule);
    }

    [Fact]
    public void A_visit_requested_before_the_acceptance_step_counts_as_accepted_then_and_keeps_its_clock()
    {
        var stored = VisitBuilder.StoredBeforeAcceptance().Build();

        stored.Status.Should().Be(RehabVisitStatus.Accepted);
        stored.AcceptedAt.Should().Be(VisitBuilder.Start);
        stored.FirstVisit!.StartedAt.Should().Be(VisitBuilder.Start);
        RehabRules.AllowedActions(stored).Should().NotContain(RehabActions.Accept);
    }

    [Fact]
    public void A_later_visit_of_a_plan_owes_no_first_visit_clock_on_acceptance() =>
        VisitBuilder.Requested(firstVisit: false).Accept().Build().FirstVisit.Should().BeNull();

    [Fact]
    public void The_clock_keeps_the_lengths_of_the_version_the_visit_was_received_under() =>
        VisitBuilder.AcceptedRequest().Build().FirstVisit!.Length.Should().Be(SlaDuration.WorkingDays(5));

    [Fact]
    public void The_acceptance_is_stored_under_its_own_event_type() =>
        RehabStream.EventType(new VisitAccepted(null)).Should().Be("accepted");
}
