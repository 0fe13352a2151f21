using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Tickets;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.LegalAid;

/// <summary>
/// A case's statutory clocks on a fake clock and the shipped 2026 calendar: due dates across the Spring Festival, and
/// deadlines firing through the shared deadline watcher for a case nobody touches, also across a silo restart.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LegalAidDeadlineTests(PostgresFixture database)
{
    private static readonly Actor Operator = new("legal-deadline-operator", Roles.Operator, null, null);
    private static readonly Actor Station = new("legal-deadline-staff", Roles.UnitStaff, "330411-LEGAL", "330411");

    // Thursday 12 February 2026, 10:00 in Jiaxing: the last full week before the Spring Festival (15-23 February off).
    private static readonly DateTimeOffset ThursdayBeforeFestival = new DateTimeOffset(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task A_case_opened_from_a_ticket_and_accepted_on_a_working_day_is_due_exactly_seven_working_days_later()
    {
        var clock = new FakeTimeProvider(ThursdayBeforeFestival);
        var cluster = await DispatchTestCluster.StartAsync(await database.CreateIsolatedDatabaseAsync(), time: clock);
        try
        {
            var ticketId = await RegisterTicketAsync(cluster);
            var legalAid = cluster.Client.GetGrain<ILegalAidCaseGrain>(Guid.NewGuid());
            var opened = await legalAid.OpenFromTicket(ticketId, new LegalAidApplication { CaseType = "labour_dispute" }, Operator);
            opened.Error.Should().BeNull();
            opened.Value!.Case.StationCode.Should().Be("330411-LEGAL");

            var accepted = await legalAid.Accept(new CaseNote(null), Station, null);

            // Fri 13, Sat 14 (make-up day), [15-23 off], Tue 24, Wed 25, Thu 26, Fri 27, Sat 28 (make-up day).
            accepted.Value!.Deadlines.Decision!.DueAt.Should().Be(Local(2026, 2, 28, 10));
            accepted.Value.Deadlines.Decision.State.Should().Be("running");
            accepted.Value.Ticket!.TicketId.Should().Be(ticketId);
            var ticket = (await cluster.Client.GetGrain<ITicketGrain>(ticketId).Get(Operator)).Value!;
            ticket.Links.Should().ContainSingle(l => l.Id == accepted.Value.Id && l.ItemType == ItemTypes.LegalAidCase && l.Number == accepted.Value.Number);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Waiting_for_documents_moves_the_decision_by_the_working_days_waited()
    {
        var clock = new FakeTimeProvider(ThursdayBeforeFestival);
        var cluster = await DispatchTestCluster.StartAsync(await database.CreateIsolatedDatabaseAsync(), time: clock);
        try
        {
            var legalAid = await AcceptedCaseAsync(cluster);
            clock.SetUtcNow(Local(2026, 2, 24, 10));
            (await legalAid.RequestDocuments(new RequestDocuments("劳动合同复印件", null), Station, null)).Value!
                .Deadlines.Decision!.State.Should().Be("paused");
            clock.SetUtcNow(Local(2026, 2, 26, 10));

            var resumed = (await legalAid.ReceiveDocuments(new CaseNote(null), Station, null)).Value!;

            resumed.Deadlines.Decision!.DueAt.Should().Be(Local(2026, 3, 3, 10));
            resumed.Deadlines.Decision.PausedHours.Should().Be(15);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_untouched_cases_decision_warns_then_goes_overdue_through_the_shared_watcher()
    {
        var clock = new FakeTimeProvider(ThursdayBeforeFestival);
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var cluster = await DispatchTestCluster.StartAsync(connectionString, time: clock);
        try
        {
            var legalAid = await AcceptedCaseAsync(cluster);
            var id = legalAid.GetPrimaryKey();
            (await NextChangeAsync(connectionString, id)).Should().NotBeNull("a running clock is in the shared index");

            clock.SetUtcNow(Local(2026, 2, 27, 9)); // past 75% of the seven working days
            await TickAsync(cluster, id);
            var warned = (await legalAid.Get(Operator)).Value!;
            warned.Deadlines.Decision!.State.Should().Be("warning");
            warned.SupervisionOrders.Should().BeEmpty();

            clock.SetUtcNow(Local(2026, 3, 2, 9)); // Monday after the make-up Saturday
            await TickAsync(cluster, id);
            var overdue = (await legalAid.Get(Operator)).Value!;
            overdue.Deadlines.Decision!.State.Should().Be("overdue");
            var order = overdue.SupervisionOrders.Should().ContainSingle(o => o.Cause == "overdue").Subject;
            (await ReadModelOverdueAsync(connectionString, id)).Should().BeTrue();
            // The overdue clock changes no more by itself; the order it issued waits for the station's reply.
            order.Level.Should().Be("unit");
            // Stored in microseconds: the first instant after the due time reads as the due time.
            (await NextChangeAsync(connectionString, id)).Should().BeCloseTo(order.DueAt!.Value, TimeSpan.FromMilliseconds(1), "the watcher wakes the case when the reply is due");

            clock.SetUtcNow(order.DueAt.Value.AddMinutes(1));
            await TickAsync(cluster, id);
            var escalated = (await legalAid.Get(Operator)).Value!.SupervisionOrders.Single(o => o.OrderId == order.OrderId);
            escalated.Level.Should().Be("county", "unanswered at its due time the order goes to the county");
            escalated.DueAt.Should().BeAfter(order.DueAt.Value);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_case_and_its_deadline_survive_a_silo_restart()
    {
        var clock = new FakeTimeProvider(ThursdayBeforeFestival);
        var serviceId = "legal-restart-" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var first = await DispatchTestCluster.StartAsync(connectionString, serviceId, time: clock);
        var id = (await AcceptedCaseAsync(first)).GetPrimaryKey();
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        clock.SetUtcNow(Local(2026, 3, 2, 9));
        var second = await DispatchTestCluster.StartAsync(connectionString, serviceId, time: clock);
        try
        {
            await TickAsync(second, id);
            var view = (await second.Client.GetGrain<ILegalAidCaseGrain>(id).Get(Operator)).Value!;
            view.Status.Should().Be("under_review");
            view.Deadlines.Decision!.State.Should().Be("overdue");
            view.SupervisionOrders.Should().ContainSingle(o => o.Cause == "overdue");
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static async Task<ILegalAidCaseGrain> AcceptedCaseAsync(TestCluster cluster)
    {
        var legalAid = cluster.Client.GetGrain<ILegalAidCaseGrain>(Guid.NewGuid());
        var opened = await legalAid.Open(new LegalAidApplication
        {
            Applicant = new PersonInput { Name = "周强", Phone = "13700002222", CountyCode = "330411" },
            CaseType = "personal_injury",
            Summary = "工伤赔偿被拒，申请法律援助。",
        }, Operator);
        opened.Error.Should().BeNull();
        (await legalAid.Accept(new CaseNote(null), Station, null)).Error.Should().BeNull();
        return legalAid;
    }

    private static async Task<Guid> RegisterTicketAsync(TestCluster cluster)
    {
        var id = Guid.NewGuid();
        var registered = await cluster.Client.GetGrain<ITicketGrain>(id).Register(new TicketIntake
        {
            Channel = "phone", Kind = "help", Topic = "rights_protection", Urgency = "normal", CallerName = "钱六",
            CallerPhone = "13700003333", CountyCode = "330411", Content = "被拖欠工资，想申请法律援助。" + id,
        }, Operator);
        registered.Error.Should().BeNull();
        return id;
    }

    private static async Task TickAsync(TestCluster cluster, Guid id) =>
        await InsideSilo.TickWatcherAsync(cluster.Client, id);

    private static async Task<bool> ReadModelOverdueAsync(string connectionString, Guid id)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select overdue from legal_aid_cases where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<DateTimeOffset?> NextChangeAsync(string connectionString, Guid id)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select next_change from clock_watch where item_type = 'legal_aid_case' and item_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }
}
