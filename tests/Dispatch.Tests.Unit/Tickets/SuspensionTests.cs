using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>挂起 and 恢复: the clocks stand still while a ticket waits, and that time is not held against the unit.</summary>
public sealed class SuspensionTests
{
    private static readonly DateTimeOffset Tuesday = Shanghai.At(2026, 3, 3, 9);
    private static readonly DateTimeOffset Wednesday = Shanghai.At(2026, 3, 4, 9);
    private static readonly DateTimeOffset Thursday = Shanghai.At(2026, 3, 5, 9);

    private static TicketBuilder Signed() => TicketBuilder.Registered("complaint").Dispatched().Signed();

    [Fact]
    public void Unit_suspends_its_ticket_with_a_reason_code() =>
        TicketRules.Suspend(Signed().Build(), Actors.CentreStaff, new SuspendTicket("awaiting_citizen_documents", " 等待来电人补交残疾人证复印件 "))
            .ShouldRecord(new TicketSuspended("awaiting_citizen_documents", "等待来电人补交残疾人证复印件"));

    [Fact]
    public void Suspended_ticket_shows_why_and_since_when()
    {
        var suspended = Signed().At(Tuesday).Suspended().Build();

        suspended.Suspension.Should().Be(new Suspension("awaiting_citizen_documents", null, Tuesday));
        suspended.Status.Should().Be(TicketStatus.Signed);
    }

    [Fact]
    public void Suspended_ticket_pauses_its_handling_clock() =>
        TicketClocks.Handling(Signed().At(Tuesday).Suspended().Build(), Wednesday).State.Should().Be(ClockState.Paused);

    [Fact]
    public void Suspended_unsigned_ticket_pauses_its_sign_for_clock() =>
        TicketClocks.SignFor(TicketBuilder.Registered().Dispatched().At(Shanghai.At(2026, 3, 2, 10)).Suspended().Build(), Wednesday)
            .State.Should().Be(ClockState.Paused);

    [Fact]
    public void Unit_resumes_its_suspended_ticket() =>
        TicketRules.Resume(Signed().At(Tuesday).Suspended().Build(), Actors.CentreStaff, new TicketNote("材料已补齐"))
            .ShouldRecord(new TicketResumed("材料已补齐"));

    [Fact]
    public void Resumed_ticket_runs_its_handling_clock_again()
    {
        var resumed = Signed().At(Tuesday).Suspended().At(Thursday).Resumed().Build();

        resumed.Suspension.Should().BeNull();
        TicketClocks.Handling(resumed, Thursday.AddHours(1)).State.Should().Be(ClockState.Running);
    }

    [Fact]
    public void Time_suspended_does_not_count_against_the_handling_deadline()
    {
        var resumed = Signed().At(Tuesday).Suspended().At(Thursday).Resumed().Build();

        var handling = TicketClocks.Handling(resumed, Thursday.AddHours(1));

        handling.Used.Should().Be(TimeSpan.FromHours(7.5 + 1));
        handling.PausedTotal.Should().Be(TimeSpan.FromHours(2 * 7.5));
        handling.DueAt.Should().Be(Shanghai.At(2026, 3, 18, 9), "the two working days suspended move the deadline from 16 March");
    }
}
