using Dispatch.Errors;
using Dispatch.Rehab;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>Whether a roster worker can take a window (康复人员名册): weekday, hours, leave, service type, town, left.</summary>
public sealed class RosterRulesTests
{
    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Monday 2026-03-02 07:00 Jiaxing time; the windows below are counted from it.</summary>
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.FromHours(8)));

    private static readonly RosterWorker Worker = new("330421-REHAB-1", "W-1", "张丽", "13612340001", ["rehabilitation_training"],
        ["330421001", "330421002"], [1, 2, 3, 4, 5], new TimeOnly(8, 30), new TimeOnly(17, 30), true,
        [new WorkerLeave(Guid.NewGuid(), new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 5), "年假")], 1);

    /// <summary>A window starting that many hours and minutes after the fake clock's now, lasting two hours.</summary>
    private (DateTimeOffset Start, DateTimeOffset End) Window(int days, int hour, int minute = 0)
    {
        var start = time.GetUtcNow().AddDays(days).AddHours(hour - 7).AddMinutes(minute);
        return (start, start.AddHours(2));
    }

    private DomainError? Check(RosterWorker? worker, (DateTimeOffset Start, DateTimeOffset End) window, string type = "rehabilitation_training",
        string? town = "330421001") => RosterRules.Refusal(worker, "W-1", window.Start, window.End, type, town, Jiaxing);

    [Fact]
    public void A_worker_on_a_working_day_inside_the_hours_of_the_type_and_town_can_take_the_window() =>
        Check(Worker, Window(0, 9)).Should().BeNull();

    [Fact]
    public void A_window_exactly_filling_the_working_day_edges_is_accepted_and_one_minute_over_is_not()
    {
        var start = Window(0, 8, 30).Start;
        RosterRules.Refusal(Worker, "W-1", start, start.AddHours(9), "rehabilitation_training", null, Jiaxing).Should().BeNull();
        RosterRules.Refusal(Worker, "W-1", start, start.AddHours(9).AddMinutes(1), "rehabilitation_training", null, Jiaxing)!
            .Code.Should().Be("worker_outside_hours");
    }

    [Fact]
    public void A_window_before_the_working_day_starts_is_outside_the_hours() =>
        Check(Worker, Window(0, 7))!.Code.Should().Be("worker_outside_hours");

    [Fact]
    public void A_saturday_is_not_a_working_day_of_a_monday_to_friday_worker()
    {
        var refusal = Check(Worker, Window(5, 9))!;
        refusal.Code.Should().Be("worker_not_working_day");
        refusal.MessageZh.Should().Contain("周六");
        refusal.MessageEn.Should().Contain("Saturday");
    }

    [Fact]
    public void A_day_inside_a_leave_is_refused_and_the_day_after_it_is_not()
    {
        Check(Worker, Window(3, 9))!.Code.Should().Be("worker_on_leave");
        Check(Worker, Window(4, 9)).Should().BeNull("the leave ends on Thursday");
    }

    [Fact]
    public void Another_service_type_or_another_town_is_refused_and_a_visit_without_a_town_is_not_checked_for_one()
    {
        Check(Worker, Window(0, 9), type: "psychological_support")!.Code.Should().Be("worker_lacks_service_type");
        Check(Worker, Window(0, 9), town: "330421102")!.Code.Should().Be("worker_outside_towns");
        Check(Worker, Window(0, 9), town: null).Should().BeNull();
    }

    [Fact]
    public void A_worker_who_left_or_is_not_on_the_roster_is_refused_with_a_bilingual_reason()
    {
        var left = Check(Worker with { Active = false }, Window(0, 9))!;
        left.Code.Should().Be("worker_left");
        left.Kind.Should().Be(DomainErrorKind.Conflict);
        var unknown = Check(null, Window(0, 9))!;
        unknown.Code.Should().Be("worker_not_on_roster");
        unknown.MessageZh.Should().Contain("W-1");
        unknown.MessageEn.Should().Contain("W-1");
    }

    [Fact]
    public void A_week_runs_from_local_monday_midnight_to_the_next()
    {
        var (from, to) = RosterRules.LocalWeek(Window(3, 9).Start, Jiaxing);
        from.Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8)));
        to.Should().Be(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void An_entry_is_checked_field_by_field_and_towns_must_be_of_the_county()
    {
        var (worker, errors) = RosterRules.Validate(new WorkerDefinition("W 1", "", "123", ["flying"], ["330402007"], [0], "8:30x", "07:00", null),
            new HashSet<string> { "330421001" });
        worker.Should().BeNull();
        errors.Select(e => e.Field).Should().BeEquivalentTo("workerId", "name", "phone", "serviceTypes", "towns", "workingDays", "dayStart");
        var (valid, none) = RosterRules.Validate(new WorkerDefinition(" W-2 ", " 李强 ", "13612340002", ["assessment", "assessment"], ["330421001"],
            [5, 1, 1], "08:00", "16:00", null), new HashSet<string> { "330421001" });
        none.Should().BeEmpty();
        valid!.WorkerId.Should().Be("W-2");
        valid.ServiceTypes.Should().Equal("assessment");
        valid.WorkingDays.Should().Equal(1, 5);
        valid.Active.Should().BeTrue();
    }

    [Fact]
    public void Leave_needs_both_days_in_order_and_a_reason() =>
        RosterRules.ValidateLeave(new LeaveRequest(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 4), " ")).Select(e => e.Field)
            .Should().BeEquivalentTo("to", "reason");
}
