using Dispatch.Identity;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Sla;
using Dispatch.Tickets;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Tickets;

/// <summary>Deadlines fire by themselves, on a fake clock, for tickets nobody touches, also across a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TicketDeadlineTests(PostgresFixture database)
{
    private string connectionString = "";

    private static readonly Actor Operator = new("deadline-test-operator", Roles.Operator, null, null);

    // Monday 2 March 2026, 09:00 in Jiaxing: an ordinary working day.
    private static readonly DateTimeOffset MondayMorning = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task An_untouched_ticket_warns_then_goes_overdue_with_a_supervision_order()
    {
        var clock = new FakeTimeProvider(MondayMorning);
        await OnOwnClusterAsync(clock, async cluster =>
        {
            var id = await RegisterAndDispatchAsync(cluster);
            var ticket = cluster.Client.GetGrain<ITicketGrain>(id);
            (await ticket.Get(Operator)).Value!.Deadlines.SignFor!.State.Should().Be("running");

            clock.SetUtcNow(MondayMorning.AddHours(7.5)); // 16:30: 6 of 7.5 working hours used, past the 75% warning point
            await TickAsync(cluster, id);
            var warned = (await ticket.Get(Operator)).Value!;
            warned.Deadlines.SignFor!.State.Should().Be("warning");
            warned.SupervisionOrders.Should().BeEmpty();

            clock.SetUtcNow(MondayMorning.AddDays(1).AddHours(1)); // Tuesday 10:00: past the one-working-day sign-for limit
            await TickAsync(cluster, id);
            var overdue = (await ticket.Get(Operator)).Value!;
            overdue.Deadlines.SignFor!.State.Should().Be("overdue");
            overdue.SupervisionOrders.Should().ContainSingle(o => o.Cause == "overdue");
            (await ReadModelOverdueAsync(id)).Should().BeTrue();
        });
    }

    [Fact]
    public async Task Deadlines_fire_after_a_real_silo_restart_from_the_read_model()
    {
        var clock = new FakeTimeProvider(MondayMorning);
        var serviceId = "deadline-" + Guid.NewGuid().ToString("N")[..8];
        connectionString = await database.CreateIsolatedDatabaseAsync();
        var first = await DispatchTestCluster.StartAsync(connectionString, serviceId, time: clock);
        var id = await RegisterAndDispatchAsync(first);
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        clock.SetUtcNow(MondayMorning.AddDays(1).AddHours(1));
        var second = await DispatchTestCluster.StartAsync(connectionString, serviceId, time: clock);
        try
        {
            await TickAsync(second, id);
            var view = (await second.Client.GetGrain<ITicketGrain>(id).Get(Operator)).Value!;
            view.Deadlines.SignFor!.State.Should().Be("overdue");
            view.SupervisionOrders.Should().ContainSingle(o => o.Cause == "overdue");
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Callback_attempts_are_spaced_in_working_time_and_the_third_failure_records_the_written_notice()
    {
        var clock = new FakeTimeProvider(MondayMorning);
        await OnOwnClusterAsync(clock, async cluster =>
        {
            var id = await RegisterAndDispatchAsync(cluster);
            var ticket = cluster.Client.GetGrain<ITicketGrain>(id);
            var staff = new Actor("callback-test-staff", Roles.UnitStaff, "330411-CENTRE", "330411");
            (await ticket.Sign(staff, null)).Error.Should().BeNull();
            clock.SetUtcNow(MondayMorning.AddHours(2)); // 11:00
            (await ticket.Resolve(new ReplyToCaller("已告知换领所需材料。"), staff, null)).Error.Should().BeNull();
            (await CallbackRowAsync(id)).Should().Be((0, (DateTimeOffset?)MondayMorning.AddHours(2)), "the first callback is owed from resolution");

            var missed = await ticket.RecordCallback(new RecordCallback(false, null, "无人接听"), Operator, null);
            missed.Value!.NextCallbackAt.Should().Be(MondayMorning.AddHours(5.5), "11:00 plus two working hours across the lunch break is 14:30");
            (await CallbackRowAsync(id)).Should().Be((1, (DateTimeOffset?)MondayMorning.AddHours(5.5)));
            (await ticket.RecordCallback(new RecordCallback(false, null, null), Operator, null)).Error!.Code.Should().Be("callback_too_soon");

            clock.SetUtcNow(MondayMorning.AddHours(5.5));
            var second = (await ticket.RecordCallback(new RecordCallback(false, null, null), Operator, null)).Value!;
            second.CallbackNoticeDue.Should().BeTrue();
            second.AllowedActions.Should().NotContain(TicketActions.Close);

            clock.SetUtcNow(MondayMorning.AddHours(7.5));
            var notice = new WrittenNoticeInput("mail", new DateOnly(2026, 3, 2), "EMS 0001");
            (await ticket.RecordCallback(new RecordCallback(false, null, null), Operator, null)).Error!.Fields.Should().ContainSingle(f => f.Field == "notice");
            var told = (await ticket.RecordCallback(new RecordCallback(false, null, null, notice), Operator, null)).Value!;
            told.NextCallbackAt.Should().BeNull();
            told.Callbacks.Should().HaveCount(3).And.Subject.Last().Notice.Should().Be(new NoticeView("mail", new DateOnly(2026, 3, 2), "EMS 0001"));
            (await CallbackRowAsync(id)).Should().Be((3, (DateTimeOffset?)null), "told in writing, the ticket leaves the callback queue");
            (await ticket.Close(new TicketNote("三次未联系上，已书面告知。"), Operator, null)).Value!.Status.Should().Be(TicketStatus.Closed);
        });
    }

    [Fact]
    public async Task An_unanswered_supervision_order_escalates_to_the_county_then_the_city_through_the_watcher()
    {
        var clock = new FakeTimeProvider(MondayMorning);
        await OnOwnClusterAsync(clock, async cluster =>
        {
            var id = await RegisterAndDispatchAsync(cluster);
            var ticket = cluster.Client.GetGrain<ITicketGrain>(id);
            var supervisor = new Actor("escalation-test-supervisor", Roles.Supervisor, null, "330411");
            var staff = new Actor("escalation-test-staff", Roles.UnitStaff, "330411-CENTRE", "330411");
            (await ticket.Sign(staff, null)).Error.Should().BeNull();
            var ordered = (await ticket.Supervise(new TicketNote("请说明办理进展"), supervisor, null)).Value!.SupervisionOrders.Single();
            ordered.DueAt.Should().Be(MondayMorning.AddDays(3), "three working days from Monday 09:00 is Thursday 09:00");
            (await OpenOrderAsync(ordered.OrderId)).Should().Be(("unit", MondayMorning.AddDays(3)));

            clock.SetUtcNow(MondayMorning.AddDays(3).AddMinutes(1));
            await TickAsync(cluster, id);
            // The handling clock ran out at the same time and brought an order of its own: follow the supervisor's.
            var atCounty = (await ticket.Get(supervisor)).Value!.SupervisionOrders.Single(o => o.OrderId == ordered.OrderId);
            atCounty.Level.Should().Be("county");
            atCounty.DueAt.Should().Be(MondayMorning.AddDays(7).AddMinutes(1), "two working days from Thursday 09:01 is Monday 09:01");
            (await OpenOrderAsync(ordered.OrderId)).Should().Be(("county", MondayMorning.AddDays(7).AddMinutes(1)));

            clock.SetUtcNow(MondayMorning.AddDays(7).AddMinutes(2));
            await TickAsync(cluster, id);
            var atCity = (await ticket.Get(supervisor)).Value!.SupervisionOrders.Single(o => o.OrderId == ordered.OrderId);
            atCity.Level.Should().Be("city");
            atCity.Escalations.Select(e => e.Level).Should().Equal("county", "city");

            var replied = (await ticket.ReplyToOrder(new ReplyToOrder(atCity.OrderId, "已约谈经办人，本周内办结。"), staff, null)).Value!;
            replied.SupervisionOrders.Single(o => o.OrderId == ordered.OrderId).State.Should().Be("replied");
            (await OpenOrderAsync(ordered.OrderId)).Should().BeNull("a replied order leaves the supervisors' list");
        });
    }

    /// <summary>Runs <paramref name="test"/> against a cluster of its own on <paramref name="clock"/>, in a database of its own.</summary>
    private async Task OnOwnClusterAsync(FakeTimeProvider clock, Func<TestCluster, Task> test)
    {
        connectionString = await database.CreateIsolatedDatabaseAsync();
        var cluster = await DispatchTestCluster.StartAsync(connectionString, time: clock);
        try
        {
            await test(cluster);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private async Task<(string Level, DateTimeOffset DueAt)?> OpenOrderAsync(Guid orderId)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select level, due_at from supervision_orders where order_id = $1 and replied_at is null");
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    private async Task<(int Failed, DateTimeOffset? NextAt)> CallbackRowAsync(Guid id)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select callback_failed_attempts, callback_next_at from tickets where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static async Task<Guid> RegisterAndDispatchAsync(TestCluster cluster)
    {
        var id = Guid.NewGuid();
        var ticket = cluster.Client.GetGrain<ITicketGrain>(id);
        var registered = await ticket.Register(new TicketIntake
        {
            Channel = "phone", Kind = "inquiry", Topic = "certificates", Urgency = "normal", CallerName = "王五",
            CallerPhone = "13700001111", CountyCode = "330411", Content = "咨询残疾人证换领需要哪些材料。" + id,
        }, Operator);
        registered.Error.Should().BeNull();
        var dispatched = await ticket.Dispatch(new DispatchTicket("330411-CENTRE", null), Operator, null);
        dispatched.Error.Should().BeNull();
        return id;
    }

    private static async Task TickAsync(TestCluster cluster, Guid id) =>
        await InsideSilo.TickWatcherAsync(cluster.Client, id);

    private async Task<bool> ReadModelOverdueAsync(Guid id)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select overdue from tickets where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
