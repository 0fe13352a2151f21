using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// A petition's statutory days, checked against a day count written here from the rule of procedure law alone: the day
/// a period starts is not counted, and a last day that is a day off moves to the next working day (days off listed by
/// hand from the State Council's 2026 notice).
/// </summary>
public sealed class PetitionDeadlineTests
{
    /// <summary>Days off of 2026 that are not weekends, and weekend days that are working days, per the 2026 notice.</summary>
    private static readonly HashSet<DateOnly> Holidays2026 =
    [
        .. Days(new DateOnly(2026, 1, 1), 3), .. Days(new DateOnly(2026, 2, 15), 9), .. Days(new DateOnly(2026, 4, 4), 3),
        .. Days(new DateOnly(2026, 5, 1), 5), .. Days(new DateOnly(2026, 6, 19), 3), .. Days(new DateOnly(2026, 9, 25), 3),
        .. Days(new DateOnly(2026, 10, 1), 7),
    ];

    private static readonly HashSet<DateOnly> MakeUpDays2026 =
    [
        new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10),
    ];

    private static IEnumerable<DateOnly> Days(DateOnly first, int count) => Enumerable.Range(0, count).Select(first.AddDays);

    private static bool IsDayOff(DateOnly day) => Holidays2026.Contains(day)
        || (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !MakeUpDays2026.Contains(day));

    /// <summary>The end of a period of <paramref name="days"/> days from an event on <paramref name="eventDay"/>: 24:00 local of its last day.</summary>
    private static DateTimeOffset ExpectedEnd(DateOnly eventDay, int days)
    {
        var last = eventDay.AddDays(days);
        while (IsDayOff(last))
        {
            last = last.AddDays(1);
        }
        return Shanghai.At(last.Year, last.Month, last.Day, 0).AddDays(1);
    }

    [Theory]
    [InlineData("2026-03-06T18:30", "received on a Friday evening: day 15 is Saturday 21 March")]
    [InlineData("2026-03-02T00:00", "received at midnight: the day of receipt still does not count")]
    [InlineData("2026-09-18T10:00", "day 15 is Saturday 3 October, inside the National Day holiday")]
    [InlineData("2026-09-25T09:00", "day 15 is Saturday 10 October, a make-up working day")]
    public void The_acceptance_decision_is_due_15_days_after_receipt_rolled_to_a_working_day(string received, string because)
    {
        var at = Local(received);
        var petition = new TicketBuilder(TicketState.Empty, at).With(new TicketRegistered(TicketBuilder.Number,
            TicketBuilder.Registered("petition").Build().Details, "phone:13812345678", TicketClocks.Rules("petition", "normal"), 0, "f")).Build();

        TicketClocks.At(at).Evaluate(petition.Acceptance!).DueAt.Should().Be(ExpectedEnd(DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime), 15), because);
    }

    [Fact]
    public void The_written_reply_is_due_60_days_after_acceptance_and_an_extension_adds_30_before_the_roll_forward()
    {
        var acceptedOn = Local("2026-08-02T15:00"); // day 60 is Thursday 1 October, a holiday; day 90 Saturday 31 October
        var accepted = TicketBuilder.Registered("petition").At(Local("2026-07-28T09:00")).Dispatched().Signed().At(acceptedOn).Accepted().Build();

        TicketClocks.At(acceptedOn).Evaluate(accepted.Handling!).DueAt.Should().Be(ExpectedEnd(new DateOnly(2026, 8, 2), 60));
        var extended = new TicketBuilder(accepted, acceptedOn).ExtensionRequested(SlaDuration.CalendarDays(30)).ExtensionDecided(approved: true).Build();
        TicketClocks.At(acceptedOn).Evaluate(extended.Handling!).DueAt.Should().Be(ExpectedEnd(new DateOnly(2026, 8, 2), 90));
    }

    [Fact]
    public void The_review_window_runs_30_days_from_the_day_the_answer_arrived()
    {
        var answeredOn = Local("2026-09-01T10:00");
        var answered = TicketBuilder.Registered("petition").At(Local("2026-08-20T10:00")).Dispatched().Signed().Accepted()
            .At(answeredOn).Answered().Build();
        var lastDay = ExpectedEnd(new DateOnly(2026, 9, 1), 30); // day 30 is Thursday 1 October: the window ends 24:00 on 8 October

        TicketViews.From(answered, TicketClocks.At(answeredOn)).Petition!.ReviewWindowEndsAt.Should().Be(lastDay);
        TicketRules.PlanReview(answered, Actors.Operator, new RequestReview("申请复查。", null, "visit"), TicketClocks.At(lastDay.AddTicks(-1)))
            .Error.Should().BeNull();
        TicketRules.PlanReview(answered, Actors.Operator, new RequestReview("申请复查。", null, "visit"), TicketClocks.At(lastDay.AddMinutes(1)))
            .Error!.Code.Should().Be("review_window_passed");
    }

    private static DateTimeOffset Local(string text) =>
        new DateTimeOffset(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).ToUniversalTime();
}
