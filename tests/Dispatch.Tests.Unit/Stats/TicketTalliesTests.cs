using Dispatch.Stats;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using FluentAssertions;
using static Dispatch.Stats.TicketTallies;
using UnitCodes = Dispatch.Tests.Unit.Tickets.Units;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>How each ticket write moves the counters: the delta rules of every measure.</summary>
public sealed class TicketTalliesTests
{
    private static readonly DateOnly March2 = TicketStory.Day(3, 2);

    [Fact]
    public void Registration_counts_received_and_open_in_the_city_and_the_county_on_its_local_day_month_and_year()
    {
        var story = TicketStory.Registered();

        foreach (var scope in new[] { Scopes.City, Scopes.Nanhu })
        {
            story.Changed(scope, Received, StatsPeriod.Day, March2).Should().Be(1);
            story.Changed(scope, Received, StatsPeriod.Month, March2).Should().Be(1);
            story.Changed(scope, Received, StatsPeriod.Year, March2).Should().Be(1);
            story.Changed(scope, Open, StatsPeriod.Current).Should().Be(1);
        }
        story.Last.Should().NotContain(c => c.Scope.StartsWith("unit:", StringComparison.Ordinal), "a new ticket has no unit yet");
    }

    [Fact]
    public void A_ticket_received_after_four_in_the_afternoon_UTC_counts_on_the_next_day_in_Jiaxing()
    {
        var story = TicketStory.Registered(at: new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero));

        story.Changed(Scopes.City, Received, StatsPeriod.Day, TicketStory.Day(4, 1)).Should().Be(1);
        story.Changed(Scopes.City, Received, StatsPeriod.Month, TicketStory.Day(4, 1)).Should().Be(1);
        story.Changed(Scopes.City, Received, StatsPeriod.Month, TicketStory.Day(3, 31)).Should().Be(0);
    }

    [Fact]
    public void Dispatch_adds_the_ticket_to_its_unit_without_counting_it_again_in_the_city()
    {
        var story = TicketStory.Registered().After(TimeSpan.FromMinutes(5)).Dispatched();

        story.Changed(Scopes.City, Received, StatsPeriod.Day, March2).Should().Be(0);
        story.Changed(Scopes.NanhuCentre, Received, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.NanhuCentre, Open, StatsPeriod.Current).Should().Be(1);
        story.Changed(Scopes.City, Dispatched, StatsPeriod.Day, March2).Should().Be(1);
    }

    [Fact]
    public void A_transfer_moves_the_ticket_from_one_unit_to_the_other_and_leaves_the_city_as_it_was()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Transferred(UnitCodes.NanhuLegal);

        story.Changed(Scopes.NanhuCentre, Received, StatsPeriod.Day, March2).Should().Be(-1);
        story.Changed(Scopes.NanhuLegal, Received, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.NanhuLegal, Open, StatsPeriod.Current).Should().Be(1);
        story.Last.Should().NotContain(c => c.Scope == Scopes.City || c.Scope == Scopes.Nanhu);
    }

    [Fact]
    public void Signing_before_the_sign_for_deadline_counts_a_timely_sign_for_on_the_day_received()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(2)).Signed();

        story.Changed(Scopes.City, Signed, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, SignedOnTime, StatsPeriod.Day, March2).Should().Be(1);
    }

    [Fact]
    public void Signing_after_the_sign_for_deadline_counts_a_sign_for_but_not_a_timely_one()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromDays(3)).Signed();

        story.Changed(Scopes.City, Signed, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, SignedOnTime, StatsPeriod.Day, March2).Should().Be(0);
    }

    [Fact]
    public void A_transfer_asks_for_a_new_signature_so_the_earlier_one_stops_counting()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(1)).Transferred(UnitCodes.NanhuLegal);

        story.Changed(Scopes.City, Signed, StatsPeriod.Day, March2).Should().Be(-1);
        story.Total(Scopes.City, Signed, StatsPeriod.Day, March2).Should().Be(0);
    }

    [Fact]
    public void Resolving_by_the_deadline_counts_on_time_on_the_day_resolved_and_on_the_due_day_once_per_month()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(2)).Signed().After(TimeSpan.FromDays(1)).Resolved();
        var due = StatsPeriod.LocalDate(story.Row!.HandlingDueAt!.Value);
        var resolved = TicketStory.Day(3, 3);
        due.Should().NotBe(resolved).And.BeAfter(resolved);

        foreach (var day in new[] { resolved, due })
        {
            story.Changed(Scopes.City, OnTimeCounted, StatsPeriod.Day, day).Should().Be(1);
            story.Changed(Scopes.City, OnTime, StatsPeriod.Day, day).Should().Be(1);
        }
        story.Changed(Scopes.City, OnTimeCounted, StatsPeriod.Month, resolved).Should().Be(1, "both days are in March");
        story.Changed(Scopes.NanhuCentre, OnTime, StatsPeriod.Year, resolved).Should().Be(1);
        story.Changed(Scopes.City, Resolved, StatsPeriod.Day, resolved).Should().Be(1);
        story.Changed(Scopes.City, ReceivedResolved, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, Open, StatsPeriod.Current).Should().Be(-1);
        story.Changed(Scopes.City, OpenDue, StatsPeriod.Day, due).Should().Be(-1);
    }

    [Fact]
    public void An_open_ticket_waits_in_open_due_on_its_due_day_until_the_watcher_records_the_deadline_passing()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        var dueAt = story.Row!.HandlingDueAt!.Value;
        var dueDay = StatsPeriod.LocalDate(dueAt);
        story.Total(Scopes.City, OpenDue, StatsPeriod.Day, dueDay).Should().Be(1);
        story.Total(Scopes.City, OnTimeCounted, StatsPeriod.Day, dueDay).Should().Be(0);

        story.At(dueAt.AddTicks(1)).WatcherFires();

        story.Total(Scopes.City, OpenDue, StatsPeriod.Day, dueDay).Should().Be(0);
        story.Total(Scopes.City, OnTimeCounted, StatsPeriod.Day, dueDay).Should().Be(1, "an overdue ticket counts against the period of its deadline");
        story.Total(Scopes.City, OnTime, StatsPeriod.Day, dueDay).Should().Be(0);
    }

    [Fact]
    public void Resolving_late_counts_against_the_day_of_the_deadline_and_the_day_resolved_and_never_as_on_time()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        var dueAt = story.Row!.HandlingDueAt!.Value;
        story.At(dueAt.AddTicks(1)).WatcherFires().After(TimeSpan.FromDays(2)).Resolved();
        var resolvedDay = StatsPeriod.LocalDate(story.Clock.GetUtcNow());

        story.Total(Scopes.City, OnTimeCounted, StatsPeriod.Day, StatsPeriod.LocalDate(dueAt)).Should().Be(1);
        story.Total(Scopes.City, OnTimeCounted, StatsPeriod.Day, resolvedDay).Should().Be(1);
        story.Totals.Should().NotContain(t => t.Key.Measure == OnTime);
    }

    [Fact]
    public void A_warning_counts_the_ticket_at_risk_and_running_out_moves_it_to_overdue_until_resolved()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed();
        var handling = TicketClocks.Handling(story.State, story.Clock.GetUtcNow());

        story.At(handling.WarnAt).WatcherFires();
        story.Changed(Scopes.City, AtRisk, StatsPeriod.Current).Should().Be(1);
        story.Changed(Scopes.NanhuCentre, AtRisk, StatsPeriod.Current).Should().Be(1);

        story.At(handling.DueAt.AddTicks(1)).WatcherFires();
        story.Changed(Scopes.City, AtRisk, StatsPeriod.Current).Should().Be(-1);
        story.Changed(Scopes.City, Overdue, StatsPeriod.Current).Should().Be(1);

        story.After(TimeSpan.FromHours(1)).Resolved();
        story.Changed(Scopes.City, Overdue, StatsPeriod.Current).Should().Be(-1);
    }

    [Fact]
    public void A_reached_callback_counts_on_the_day_resolved_and_basically_satisfied_counts_as_satisfied()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(3)).Resolved()
            .After(TimeSpan.FromDays(1)).CalledBack("basically_satisfied");

        story.Changed(Scopes.City, CalledBack, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, Satisfied, StatsPeriod.Day, March2).Should().Be(1);
    }

    [Fact]
    public void An_unsatisfied_caller_counts_as_called_back_only_and_reopening_undoes_the_resolution_and_counts_rework()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(3)).Resolved()
            .After(TimeSpan.FromHours(20)).CalledBack("unsatisfied");
        story.Changed(Scopes.City, CalledBack, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, Satisfied, StatsPeriod.Day, March2).Should().Be(0);

        story.After(TimeSpan.FromMinutes(10)).Reopened();

        story.Changed(Scopes.City, Resolved, StatsPeriod.Day, March2).Should().Be(-1);
        story.Changed(Scopes.City, CalledBack, StatsPeriod.Day, March2).Should().Be(-1);
        story.Changed(Scopes.City, Reworked, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, Open, StatsPeriod.Current).Should().Be(1);
    }

    [Fact]
    public void An_answer_on_the_spot_counts_first_contact_resolution_and_stays_out_of_on_time_closure()
    {
        var story = TicketStory.Registered(kind: "inquiry").After(TimeSpan.FromMinutes(3)).AnsweredOnSpot();

        story.Changed(Scopes.City, OnSpot, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, Resolved, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, ReceivedResolved, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.City, Open, StatsPeriod.Current).Should().Be(-1);
        story.Totals.Should().NotContain(t => t.Key.Measure == OnTimeCounted || t.Key.Measure.StartsWith(HandlingTimeBuckets.MeasurePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_return_counts_in_the_return_rate_and_takes_the_ticket_away_from_the_unit()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Returned();

        story.Changed(Scopes.City, Returned, StatsPeriod.Day, March2).Should().Be(1);
        story.Changed(Scopes.NanhuCentre, Received, StatsPeriod.Day, March2).Should().Be(-1);
        story.Changed(Scopes.NanhuCentre, Open, StatsPeriod.Current).Should().Be(-1);
        story.Total(Scopes.City, Dispatched, StatsPeriod.Day, March2).Should().Be(1, "it was dispatched once, whatever happened next");
    }

    [Fact]
    public void A_suspension_is_counted_under_its_reason_while_it_lasts()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(1)).Suspended("awaiting_other_agency");
        story.Changed(Scopes.NanhuCentre, SuspendedPrefix + "awaiting_other_agency", StatsPeriod.Current).Should().Be(1);

        story.After(TimeSpan.FromDays(1)).Resumed();
        story.Changed(Scopes.NanhuCentre, SuspendedPrefix + "awaiting_other_agency", StatsPeriod.Current).Should().Be(-1);
    }

    [Fact]
    public void Closing_counts_closed_on_the_local_day_of_closing()
    {
        var story = TicketStory.Registered(kind: "inquiry").AnsweredOnSpot().At(new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero)).Closed();

        story.Changed(Scopes.City, Closed, StatsPeriod.Day, TicketStory.Day(3, 5)).Should().Be(1);
    }

    [Fact]
    public void The_handling_time_from_first_dispatch_to_resolution_goes_to_its_histogram_bucket_on_the_day_resolved()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(29.5)).Resolved();

        story.Changed(Scopes.City, HandlingTimeBuckets.MeasurePrefix + "30", StatsPeriod.Day, TicketStory.Day(3, 3)).Should().Be(1);
    }

    [Fact]
    public void A_repeat_call_counts_in_the_repeat_call_rate()
    {
        TicketStory.Registered(repeats: 2).Changed(Scopes.City, RepeatCall, StatsPeriod.Day, March2).Should().Be(1);
        TicketStory.Registered(repeats: 0).Changed(Scopes.City, RepeatCall, StatsPeriod.Day, March2).Should().Be(0);
    }

    [Fact]
    public void A_write_that_changes_no_measure_changes_no_counter()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed()
            .After(TimeSpan.FromHours(1)).Write(new ExtensionRequested(Guid.NewGuid(), new Dispatch.Sla.SlaDuration(2, Dispatch.Sla.SlaUnit.WorkingDays), "需要协调"));

        story.Last.Should().BeEmpty();
    }

    [Fact]
    public void A_city_level_ticket_counts_in_the_city_level_county_scope()
    {
        TicketStory.Registered(county: Places.City).Changed("county:330400", Received, StatsPeriod.Day, March2).Should().Be(1);
    }

    [Fact]
    public void Counter_changes_come_in_key_order_so_the_folder_locks_counter_rows_in_a_fixed_order()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(3)).Resolved();

        story.Last.Select(c => c.ItemType).Distinct().Should().ContainSingle();
        story.Last.Select(c => (c.Scope, c.Period, c.Start, c.Measure)).Should().BeInAscendingOrder(Comparer<(string, string, DateOnly, string)>.Create(
            (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is not 0 and var s ? s
                : string.CompareOrdinal(a.Item2, b.Item2) is not 0 and var p ? p
                : a.Item3.CompareTo(b.Item3) is not 0 and var d ? d
                : string.CompareOrdinal(a.Item4, b.Item4)));
    }

    [Fact]
    public void A_whole_life_cycle_leaves_exactly_what_the_final_row_alone_would_count()
    {
        var story = TicketStory.Registered().Dispatched().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromHours(1)).Suspended()
            .After(TimeSpan.FromDays(2)).Resumed().After(TimeSpan.FromDays(1)).Resolved().After(TimeSpan.FromHours(5)).CalledBack("unsatisfied")
            .Reopened().After(TimeSpan.FromHours(1)).Signed().After(TimeSpan.FromDays(1)).Resolved().CalledBack("satisfied").Closed();

        var fresh = CounterDelta.Between(null, StatsContribution.Of(story.Row!))
            .Select(c => ((c.Scope, c.Period, c.Start, c.Measure), c.Delta));
        story.Totals.Should().BeEquivalentTo(fresh);
    }
}
