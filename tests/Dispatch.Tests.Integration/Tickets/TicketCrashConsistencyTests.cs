using Dispatch.Identity;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Tickets;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Tickets;

[Collection(PostgresCollection.Name)]
public sealed class TicketCrashConsistencyTests(PostgresFixture database)
{
    private static readonly Actor Operator = new("crash-test-operator", Roles.Operator, null, null);
    private static readonly Actor Staff = new("crash-test-staff", Roles.UnitStaff, "330482-CENTRE", null);

    [Fact]
    public async Task The_read_model_equals_the_grain_state_after_the_silo_is_killed_mid_write()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var serviceId = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
        var first = await DispatchTestCluster.StartAsync(connectionString, serviceId);
        foreach (var id in ids)
        {
            (await first.Client.GetGrain<ITicketGrain>(id).Register(Intake(id), Operator)).Error.Should().BeNull();
        }

        // Drive every ticket through several writes and kill the silo while they are in flight.
        var work = ids.Select(id => DriveAsync(first.Client.GetGrain<ITicketGrain>(id))).ToList();
        await Eventually.Get(() => TotalEventsAsync(connectionString), n => n >= ids.Count * 2, TimeSpan.FromSeconds(30), "some writes in flight");
        await first.KillSiloAsync(first.Primary!);
        await Task.WhenAll(work.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        await first.DisposeAsync();

        var second = await DispatchTestCluster.StartAsync(connectionString, serviceId);
        try
        {
            var rows = await ReadModelAsync(connectionString);
            foreach (var id in ids)
            {
                var view = (await second.Client.GetGrain<ITicketGrain>(id).Get(Operator)).Value!;
                rows.Should().ContainKey(id);
                rows[id].Should().Be((view.Version, view.Status), because: $"ticket {view.Number} must agree with its events");
                (await EventCountAsync(connectionString, id)).Should().Be(view.Version);
            }
            // The measures' counters were written in the same transactions, so they agree with the read model exactly.
            (await Stats.MeasuresSql.CompareAsync(connectionString)).Should().BeEmpty();
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private static async Task DriveAsync(ITicketGrain ticket)
    {
        await ticket.Dispatch(new DispatchTicket("330482-CENTRE", null), Operator, null);
        await ticket.Sign(Staff, null);
        await ticket.Suspend(new SuspendTicket("awaiting_citizen_documents", null), Staff, null);
        await ticket.Resume(new TicketNote(null), Staff, null);
        await ticket.Resolve(new ReplyToCaller("已办理完毕。"), Staff, null);
    }

    private static TicketIntake Intake(Guid id) => new()
    {
        Channel = "online", Kind = "help", Topic = "employment", Urgency = "normal", CallerName = "赵六",
        CallerPhone = "0573-85123456", CountyCode = "330482", Content = "求助：希望了解残疾人就业培训报名方式。" + id,
    };

    private static async Task<Dictionary<Guid, (int, string)>> ReadModelAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select id, version, status from tickets");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, (int, string)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetString(2));
        }
        return rows;
    }

    private static async Task<long> TotalEventsAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select count(*) from domain_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> EventCountAsync(string connectionString, Guid id)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select count(*) from domain_events where stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = "ticket-" + id.ToString("N") });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
