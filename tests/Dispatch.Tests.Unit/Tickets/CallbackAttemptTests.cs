using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Items;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// 回访 attempts: spaced two working hours apart; the third failed attempt records the written notice (书面告知) sent to the
/// caller instead, and the ticket may then be closed. Resolved on Thursday 5 March 2026 at 15:00 in Jiaxing.
/// </summary>
public sealed class CallbackAttemptTests
{
    private static readonly DateTimeOffset ResolvedAt = Shanghai.At(2026, 3, 5, 15);
    private static readonly WrittenNotice Notice = new("mail", new DateOnly(2026, 3, 9), "EMS 5678");
    private static readonly WrittenNoticeInput NoticeInput = new("mail", new DateOnly(2026, 3, 9), "EMS 5678");

    private static TicketBuilder Resolved() => TicketBuilder.Registered().Dispatched().Signed().At(ResolvedAt).Resolved();

    private static Change<TicketEvent> Attempt(TicketBuilder ticket, DateTimeOffset at, bool reached = false, WrittenNoticeInput? notice = null) =>
        TicketRules.RecordCallback(ticket.Build(), Actors.Operator, new RecordCallback(reached, reached ? "satisfied" : null, null, notice), TicketClocks.At(at));

    /// <summary>A failed attempt made at <paramref name="at"/> by the rules, folded at that instant.</summary>
    private static TicketBuilder Missed(TicketBuilder ticket, DateTimeOffset at, WrittenNoticeInput? notice = null) =>
        ticket.At(at).Applying(Attempt(ticket, at, notice: notice));

    [Fact]
    public void A_resolved_ticket_owes_its_first_callback_from_the_moment_of_resolution()
    {
        var resolved = Resolved().Build();

        resolved.AwaitsCallback.Should().BeTrue();
        resolved.NextCallbackAt.Should().Be(ResolvedAt);
        resolved.FailedCallbacks.Should().Be(0);
        resolved.CallbackNoticeDue.Should().BeFalse();
    }

    [Fact]
    public void A_failed_attempt_at_eleven_schedules_the_next_after_the_lunch_break() =>
        Attempt(Resolved(), Shanghai.At(2026, 3, 6, 11))
            .ShouldRecord(new CallbackRecorded(false, null, null, Shanghai.At(2026, 3, 6, 14, 30)));

    [Fact]
    public void A_failed_attempt_late_on_friday_schedules_the_next_on_monday_morning() =>
        Attempt(Resolved(), Shanghai.At(2026, 3, 6, 17))
            .ShouldRecord(new CallbackRecorded(false, null, null, Shanghai.At(2026, 3, 9, 10)));

    [Fact]
    public void The_ticket_shows_the_failed_attempts_and_the_next_attempt_time()
    {
        var missed = Missed(Resolved(), Shanghai.At(2026, 3, 6, 11)).Build();

        missed.FailedCallbacks.Should().Be(1);
        missed.NextCallbackAt.Should().Be(Shanghai.At(2026, 3, 6, 14, 30));
        missed.Callback!.Running.Should().BeTrue("the callback is still owed");
    }

    [Fact]
    public void Another_failed_attempt_before_the_next_attempt_time_is_refused()
    {
        var missed = Missed(Resolved(), Shanghai.At(2026, 3, 6, 11));

        var refused = Attempt(missed, Shanghai.At(2026, 3, 6, 14)).ShouldConflict("callback_too_soon");

        refused.MessageZh.Should().Contain("2026-03-06 14:30");
    }

    [Fact]
    public void The_next_failed_attempt_is_recorded_once_its_time_has_come()
    {
        var missed = Missed(Resolved(), Shanghai.At(2026, 3, 6, 11));

        Attempt(missed, Shanghai.At(2026, 3, 6, 14, 30)).ShouldRecord(new CallbackRecorded(false, null, null, Shanghai.At(2026, 3, 6, 16, 30)));
    }

    [Fact]
    public void A_caller_reached_before_the_next_attempt_time_is_recorded_at_once() =>
        Attempt(Missed(Resolved(), Shanghai.At(2026, 3, 6, 11)), Shanghai.At(2026, 3, 6, 11, 30), reached: true)
            .ShouldRecord(new CallbackRecorded(true, "satisfied", null));

    [Fact]
    public void After_two_failed_attempts_the_next_failure_must_record_the_written_notice()
    {
        var twice = Missed(Missed(Resolved(), Shanghai.At(2026, 3, 6, 9)), Shanghai.At(2026, 3, 6, 14));

        twice.Build().CallbackNoticeDue.Should().BeTrue();
        Attempt(twice, Shanghai.At(2026, 3, 9, 9)).ShouldReportFields(("notice", "required"));
    }

    [Fact]
    public void A_written_notice_is_not_taken_with_an_earlier_failed_attempt() =>
        Attempt(Resolved(), Shanghai.At(2026, 3, 6, 9), notice: NoticeInput).ShouldReportFields(("notice", "not_applicable"));

    [Fact]
    public void The_last_failed_attempt_records_the_written_notice_and_schedules_no_further_attempt()
    {
        var twice = Missed(Missed(Resolved(), Shanghai.At(2026, 3, 6, 9)), Shanghai.At(2026, 3, 6, 14));

        Attempt(twice, Shanghai.At(2026, 3, 9, 9), notice: NoticeInput).ShouldRecord(new CallbackRecorded(false, null, null, null, Notice));
    }

    [Fact]
    public void After_the_written_notice_the_ticket_leaves_the_queue_and_may_be_closed()
    {
        var told = Missed(Missed(Missed(Resolved(), Shanghai.At(2026, 3, 6, 9)), Shanghai.At(2026, 3, 6, 14)), Shanghai.At(2026, 3, 9, 9), NoticeInput).Build();

        told.CallbackNotice.Should().Be(Notice);
        told.AwaitsCallback.Should().BeFalse();
        told.NextCallbackAt.Should().BeNull();
        TicketRules.AllowedActions(told).Should().Contain(TicketActions.Close);
    }

    [Fact]
    public void No_failed_attempt_is_taken_after_the_written_notice()
    {
        var told = Missed(Missed(Missed(Resolved(), Shanghai.At(2026, 3, 6, 9)), Shanghai.At(2026, 3, 6, 14)), Shanghai.At(2026, 3, 9, 9), NoticeInput);

        Attempt(told, Shanghai.At(2026, 3, 10, 9)).ShouldConflict("callback_attempts_used");
    }

    [Fact]
    public void Three_failed_attempts_recorded_before_the_rule_take_the_written_notice_with_one_more()
    {
        var legacy = Resolved().At(Shanghai.At(2026, 3, 6, 9)).CallbackMissed().CallbackMissed().CallbackMissed();

        legacy.Build().CallbackNoticeDue.Should().BeTrue();
        Attempt(legacy, Shanghai.At(2026, 3, 9, 9), notice: NoticeInput).ShouldRecord(new CallbackRecorded(false, null, null, null, Notice));
    }

    [Fact]
    public void The_written_notice_cannot_be_dated_after_today()
    {
        var twice = Missed(Missed(Resolved(), Shanghai.At(2026, 3, 6, 9)), Shanghai.At(2026, 3, 6, 14));

        Attempt(twice, Shanghai.At(2026, 3, 9, 9), notice: NoticeInput with { SentOn = new DateOnly(2026, 3, 10) })
            .ShouldReportFields(("notice.sentOn", "out_of_range"));
    }

    [Fact]
    public void Reopening_starts_a_new_count_of_attempts()
    {
        var reopened = Missed(Resolved(), Shanghai.At(2026, 3, 6, 9)).At(Shanghai.At(2026, 3, 6, 14)).CalledBack("unsatisfied").Reopened()
            .Signed().At(Shanghai.At(2026, 3, 10, 9)).Resolved().Build();

        reopened.FailedCallbacks.Should().Be(0);
        reopened.NextCallbackAt.Should().Be(Shanghai.At(2026, 3, 10, 9));
    }

    [Fact]
    public void The_spacing_is_two_working_hours() =>
        TicketLimits.CallbackAttemptSpacing.Should().Be(SlaDuration.WorkingHours(2));
}
