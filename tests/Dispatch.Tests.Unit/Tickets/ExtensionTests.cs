using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>延期申请 by the unit and 延期审批 by a supervisor in scope.</summary>
public sealed class ExtensionTests
{
    private static readonly DateTimeOffset Friday = Shanghai.At(2026, 3, 6, 10);

    /// <summary>A normal complaint (10 working days, capped at 10 more), signed at the first dispatch on 2 March 09:00.</summary>
    private static TicketBuilder Signed() => TicketBuilder.Registered("complaint").Dispatched().Signed().At(Friday);

    private static Change<TicketEvent> Ask(TicketState s, int amount, string unit, DateTimeOffset at) => TicketRules.RequestExtension(
        s, Actors.CentreStaff, new RequestExtension(amount, unit, "需等待区民政局出具意见"), TicketBuilder.SecondExtension, TicketClocks.At(at));

    [Fact]
    public void Unit_asks_for_more_time_before_the_handling_deadline() =>
        Ask(Signed().Build(), 3, "working_days", Friday)
            .ShouldRecord(new ExtensionRequested(TicketBuilder.SecondExtension, SlaDuration.WorkingDays(3), "需等待区民政局出具意见"));

    [Fact]
    public void Requested_extension_is_pending_and_does_not_move_the_deadline_yet()
    {
        var requested = Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).Build();

        requested.Extensions.Should().ContainSingle().Which.Approved.Should().BeNull();
        TicketRules.HasPendingExtension(requested).Should().BeTrue();
        TicketClocks.Handling(requested, Friday).DueAt.Should().Be(Shanghai.At(2026, 3, 16, 9));
    }

    [Fact]
    public void County_supervisor_approves_the_pending_extension() =>
        TicketRules.DecideExtension(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).Build(), Actors.NanhuSupervisor,
                new DecideExtension(TicketBuilder.FirstExtension, true, null), TicketClocks.Later)
            .ShouldRecord(new ExtensionDecided(TicketBuilder.FirstExtension, true, null));

    [Fact]
    public void Approved_extension_moves_the_handling_due_time() =>
        TicketClocks.Handling(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).ExtensionDecided(approved: true).Build(), Friday)
            .DueAt.Should().Be(Shanghai.At(2026, 3, 19, 9));

    [Fact]
    public void Rejected_extension_leaves_the_handling_due_time() =>
        TicketClocks.Handling(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).ExtensionDecided(approved: false).Build(), Friday)
            .DueAt.Should().Be(Shanghai.At(2026, 3, 16, 9));

    [Fact]
    public void Decided_extension_is_no_longer_pending() =>
        TicketRules.HasPendingExtension(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).ExtensionDecided(approved: false).Build())
            .Should().BeFalse();

    [Fact]
    public void Rejecting_an_extension_needs_a_note() =>
        TicketRules.DecideExtension(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).Build(), Actors.NanhuSupervisor,
                new DecideExtension(null, false, " "), TicketClocks.Later)
            .ShouldReportFields(("note", "required"));

    [Fact]
    public void A_decision_must_say_approved_or_not() =>
        TicketRules.DecideExtension(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).Build(), Actors.NanhuSupervisor,
                new DecideExtension(null, null, null), TicketClocks.Later)
            .ShouldReportFields(("approved", "required"));

    [Fact]
    public void A_decision_on_another_request_than_the_pending_one_is_a_field_error() =>
        TicketRules.DecideExtension(Signed().ExtensionRequested(SlaDuration.WorkingDays(3)).Build(), Actors.NanhuSupervisor,
                new DecideExtension(TicketBuilder.SecondExtension, true, null), TicketClocks.Later)
            .ShouldReportFields(("requestId", "unknown_request"));

    [Fact]
    public void Extension_asked_after_the_handling_deadline_is_refused()
    {
        var overdue = Shanghai.At(2026, 3, 16, 10);

        var error = Ask(Signed().At(overdue).Build(), 2, "working_days", overdue).ShouldConflict("deadline_passed");

        error.CurrentStatus.Should().Be(TicketStatus.Signed);
    }

    [Fact]
    public void Extension_asked_on_the_last_working_day_before_the_deadline_is_accepted() =>
        Ask(Signed().Build(), 2, "working_days", Shanghai.At(2026, 3, 13, 17)).Error.Should().BeNull();

    [Fact]
    public void Extension_up_to_the_rules_cap_is_accepted() =>
        Ask(Signed().Build(), 10, "working_days", Friday).Error.Should().BeNull();

    [Fact]
    public void Extension_beyond_the_rules_cap_is_refused() =>
        Ask(Signed().Build(), 11, "working_days", Friday).ShouldReportFields(("amount", "over_cap"));

    [Fact]
    public void Extensions_already_granted_count_towards_the_cap() =>
        Ask(Signed().ExtensionRequested(SlaDuration.WorkingDays(8)).ExtensionDecided(approved: true).Build(), 3, "working_days", Friday)
            .ShouldReportFields(("amount", "over_cap"));

    [Fact]
    public void Rejected_extensions_do_not_count_towards_the_cap() =>
        Ask(Signed().ExtensionRequested(SlaDuration.WorkingDays(8)).ExtensionDecided(approved: false).Build(), 3, "working_days", Friday)
            .Error.Should().BeNull();

    [Fact]
    public void Extension_in_working_hours_on_a_working_day_clock_is_accepted() =>
        Ask(Signed().Build(), 4, "working_hours", Friday).Error.Should().BeNull();

    [Fact]
    public void Extension_in_calendar_days_on_a_working_day_clock_is_refused() =>
        Ask(Signed().Build(), 3, "calendar_days", Friday).ShouldReportFields(("unit", "incompatible_unit"));

    [Fact]
    public void Extension_in_working_days_on_a_petitions_calendar_day_clock_is_refused() =>
        Ask(TicketBuilder.Registered("petition").Dispatched().Signed().Accepted().At(Friday).Build(), 3, "working_days", Friday)
            .ShouldReportFields(("unit", "incompatible_unit"));

    [Fact]
    public void A_second_extension_while_one_is_pending_is_refused() =>
        Ask(Signed().ExtensionRequested(SlaDuration.WorkingDays(2)).Build(), 2, "working_days", Friday).ShouldConflict("extension_pending");

    [Fact]
    public void Extension_needs_a_positive_amount_and_a_reason() =>
        TicketRules.RequestExtension(Signed().Build(), Actors.CentreStaff, new RequestExtension(0, "working_days", null),
                TicketBuilder.SecondExtension, TicketClocks.At(Friday))
            .ShouldReportFields(("reason", "required"), ("amount", "invalid_value"));

    [Fact]
    public void Extension_in_an_unknown_unit_is_a_field_error() =>
        Ask(Signed().Build(), 2, "fortnights", Friday).ShouldReportFields(("unit", "unknown_value"));
}
