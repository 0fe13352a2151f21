using Dispatch.Tests.Fixtures;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class ClusterRestartTests(PostgresFixture database)
{
    [Fact]
    public async Task Grain_state_survives_a_full_cluster_restart()
    {
        var serviceId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var key = "probe-" + Guid.NewGuid();
        var first = await DispatchTestCluster.StartAsync(database.ConnectionString, serviceId);
        await first.Client.GetGrain<IProbeGrain>(key).Write("登记 registered");
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await DispatchTestCluster.StartAsync(database.ConnectionString, serviceId);
        try
        {
            var state = await second.Client.GetGrain<IProbeGrain>(key).Read();
            state.Value.Should().Be("登记 registered");
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stored_state_survives_a_silo_that_is_killed_without_shutting_down()
    {
        var serviceId = "kill-" + Guid.NewGuid().ToString("N")[..8];
        var key = "probe-" + Guid.NewGuid();
        var first = await DispatchTestCluster.StartAsync(database.ConnectionString, serviceId);
        await first.Client.GetGrain<IProbeGrain>(key).Write("签收 signed");
        await first.KillSiloAsync(first.Primary!);
        await first.DisposeAsync();

        var second = await DispatchTestCluster.StartAsync(database.ConnectionString, serviceId);
        try
        {
            (await second.Client.GetGrain<IProbeGrain>(key).Read()).Value.Should().Be("签收 signed");
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        var serviceId = "reminder-" + Guid.NewGuid().ToString("N")[..8];
        var key = "probe-" + Guid.NewGuid();
        var first = await DispatchTestCluster.StartAsync(database.ConnectionString, serviceId);
        await first.Client.GetGrain<IProbeGrain>(key).Arm(TimeSpan.FromSeconds(12));
        // The silo first: TestCluster stops its client before its silos, and a client's shutdown has been seen to hang for
        // its 30 s timeout on a loaded machine, long enough for the reminder to fire on the silo that was meant to be gone.
        await first.StopSiloAsync(first.Primary!);
        var stoppedAt = DateTimeOffset.UtcNow;
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await DispatchTestCluster.StartAsync(database.ConnectionString, serviceId);
        try
        {
            var grain = second.Client.GetGrain<IProbeGrain>(key);
            var state = await Eventually.Get(grain.Read, s => s.ReminderFiredAt.Count > 0, TimeSpan.FromSeconds(60), "the reminder to fire");
            state.ReminderFiredAt[0].Should().BeAfter(stoppedAt);
            await grain.Disarm();
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}
