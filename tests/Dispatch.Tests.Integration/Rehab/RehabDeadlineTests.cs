using Dispatch.Identity;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Rehab;

/// <summary>Visits and plans on a fake clock and PostgreSQL: deadlines through the shared watcher, plans and bookings across a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RehabDeadlineTests(PostgresFixture database)
{
    private static readonly Actor Operator = new("rehab-deadline-operator", Roles.Operator, null, null);
    private static readonly Actor Provider = new("rehab-deadline-staff", Roles.UnitStaff, "330424-REHAB-1", "330424");

    // Thursday 24 September 2026, 10:00 in Jiaxing, before Mid-Autumn (25-27 September) and National Day (1-7 October).
    private static readonly DateTimeOffset BeforeHolidays = Local(2026, 9, 24, 10);

    [Fact]
    public async Task An_untouched_requests_first_visit_goes_overdue_five_working_days_after_acceptance_through_the_shared_watcher()
    {
        var clock = new FakeTimeProvider(BeforeHolidays);
        var cluster = await DispatchTestCluster.StartAsync(await database.CreateIsolatedDatabaseAsync(), time: clock);
        try
        {
            var visit = cluster.Client.GetGrain<IRehabVisitGrain>(Guid.NewGuid());
            var requested = await visit.Request(new VisitRequest { Person = Person(), ServiceType = "assessment" }, Operator);
            requested.Value!.Visit.Deadlines.FirstVisit.Should().BeNull("no clock runs before the provider accepts the request");

            // Accepted on Monday 28 September 10:00 (after Mid-Autumn): Tue 29, Wed 30, [1-7 October off], Thu 8, Fri 9, Sat 10 (调休).
            clock.SetUtcNow(Local(2026, 9, 28, 10));
            var accepted = await visit.Accept(new VisitNote(null), Provider, null);
            accepted.Value!.Deadlines.FirstVisit!.DueAt.Should().Be(Local(2026, 10, 10, 10));

            clock.SetUtcNow(Local(2026, 10, 9, 11));
            await TickAsync(cluster, visit.GetPrimaryKey());
            (await visit.Get(Operator)).Value!.Deadlines.FirstVisit!.State.Should().NotBe("overdue", "five working days from the request would be over now");

            clock.SetUtcNow(Local(2026, 10, 10, 11));
            await TickAsync(cluster, visit.GetPrimaryKey());

            var overdue = (await visit.Get(Operator)).Value!;
            overdue.Deadlines.FirstVisit!.State.Should().Be("overdue");
            overdue.SupervisionOrders.Should().ContainSingle(o => o.Cause == "overdue" && o.Note == "首次上门时限已超期。");
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_plans_twelve_visit_actors_and_a_workers_booking_survive_a_silo_restart()
    {
        var clock = new FakeTimeProvider(BeforeHolidays);
        var serviceId = "rehab-restart-" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var first = await DispatchTestCluster.StartAsync(connectionString, serviceId, time: clock);
        var planId = Guid.NewGuid();
        var created = await first.Client.GetGrain<IRehabPlanGrain>(planId).Create(new PlanRequest
        {
            Person = Person(), ServiceType = "rehabilitation_training", FirstWindowStart = Local(2026, 9, 28, 9), Frequency = "weekly", Count = 12,
        }, Provider);
        created.Error.Should().BeNull();
        var visits = created.Value!.Plan.Visits;
        var booked = await first.Client.GetGrain<IRehabVisitGrain>(visits[0].VisitId).Assign(new AssignWorker("W-RESTART", "孙丽"), Provider, null);
        booked.Error.Should().BeNull();
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await DispatchTestCluster.StartAsync(connectionString, serviceId, time: clock);
        try
        {
            var views = await Task.WhenAll(visits.Select(v => second.Client.GetGrain<IRehabVisitGrain>(v.VisitId).Get(Provider)));
            views.Should().HaveCount(12).And.OnlyContain(v => v.Succeeded && v.Value!.PlanId == planId);
            views.Select(v => v.Value!.PlanSequence).Should().Equal(Enumerable.Range(1, 12).Cast<int?>());
            views[1].Value!.WindowStart.Should().Be(Local(2026, 9, 30, 9), "Monday 5 October is a holiday: the visit moves to Wednesday 30 September");
            views[0].Value!.Deadlines.FirstVisit.Should().NotBeNull();
            views[1].Value!.Deadlines.FirstVisit.Should().BeNull();

            var overlapping = second.Client.GetGrain<IRehabVisitGrain>(Guid.NewGuid());
            await overlapping.Request(new VisitRequest { Person = Person("13600004444"), ServiceType = "assessment", WindowStart = Local(2026, 9, 28, 10) }, Provider);
            var refused = await overlapping.Assign(new AssignWorker("W-RESTART", "孙丽"), Provider, null);
            refused.Error!.Code.Should().Be("worker_double_booked");
            (await second.Client.GetGrain<IRehabPlanGrain>(planId).Get(Provider)).Value!.Visits.Should().OnlyContain(v => v.Number != null);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Visit_grains_racing_for_one_worker_cannot_both_book_overlapping_windows()
    {
        var clock = new FakeTimeProvider(BeforeHolidays);
        var cluster = await DispatchTestCluster.StartAsync(await database.CreateIsolatedDatabaseAsync(), silos: 2, time: clock);
        try
        {
            var visits = Enumerable.Range(0, 8).Select(_ => cluster.Client.GetGrain<IRehabVisitGrain>(Guid.NewGuid())).ToList();
            await Task.WhenAll(visits.Select((v, i) => v.Request(new VisitRequest
            {
                Person = Person($"136000055{i:D2}"), ServiceType = "assessment", WindowStart = Local(2026, 9, 29, 9).AddMinutes(15 * i),
            }, Provider)));

            var outcomes = await Task.WhenAll(visits.Select(v => v.Assign(new AssignWorker("W-GRAINS", "周敏"), Provider, null)));

            outcomes.Count(o => o.Succeeded).Should().Be(1);
            outcomes.Where(o => !o.Succeeded).Should().OnlyContain(o => o.Error!.Code == "worker_double_booked");
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static PersonInput Person(string phone = "13600003333") => new() { Name = "吴伟", Phone = phone, CountyCode = "330424" };

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static async Task TickAsync(TestCluster cluster, Guid id) =>
        await InsideSilo.TickWatcherAsync(cluster.Client, id);
}
