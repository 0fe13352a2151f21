using System.Net;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Xunit;

namespace Dispatch.Tests.Integration.Providers;

/// <summary>The real ADO.NET membership table (Orleans 10.4.2) on our 0001 migration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipTableTests(PostgresFixture postgres)
{
    private readonly string clusterId = "membership-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_new_cluster_starts_with_table_version_zero_and_no_members()
    {
        var table = await StartAsync();

        var data = await table.ReadAllAsync();

        data.Members.Should().BeEmpty();
        data.Version.Version.Should().Be(0);
        data.Version.VersionEtag.Should().Be("0");
    }

    [Fact]
    public async Task Starting_a_second_silo_keeps_the_existing_table_version()
    {
        var table = await StartAsync();
        (await table.InsertRowAsync(Entry(1), (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();

        var again = await StartAsync();

        (await again.ReadAllAsync()).Version.Version.Should().Be(1);
    }

    [Fact]
    public async Task Joining_silo_is_stored_with_all_its_fields_and_bumps_the_version()
    {
        var table = await StartAsync();
        var entry = Entry(1);

        var inserted = await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());

        inserted.Should().BeTrue();
        var data = await table.ReadAllAsync();
        data.Version.Version.Should().Be(1);
        var stored = data.Members.Should().ContainSingle().Subject.Item1;
        stored.SiloAddress.Should().Be(entry.SiloAddress);
        stored.SiloName.Should().Be(entry.SiloName);
        stored.HostName.Should().Be(entry.HostName);
        stored.Status.Should().Be(SiloStatus.Joining);
        stored.ProxyPort.Should().Be(entry.ProxyPort);
        stored.StartTime.Should().Be(entry.StartTime);
        stored.IAmAliveTime.Should().Be(entry.IAmAliveTime);
        stored.SuspectTimes.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Join_with_a_stale_table_version_is_refused()
    {
        var table = await StartAsync();
        var staleVersion = (await table.ReadAllAsync()).Version;
        (await table.InsertRowAsync(Entry(1), staleVersion.Next())).Should().BeTrue();

        var inserted = await table.InsertRowAsync(Entry(2), staleVersion.Next());

        inserted.Should().BeFalse();
        var data = await table.ReadAllAsync();
        data.Members.Should().ContainSingle().Which.Item1.SiloAddress.Should().Be(Address(1));
        data.Version.Version.Should().Be(1);
    }

    [Fact]
    public async Task The_same_silo_cannot_join_twice()
    {
        var table = await StartAsync();
        (await table.InsertRowAsync(Entry(1), (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();

        var again = await table.InsertRowAsync(Entry(1), (await table.ReadAllAsync()).Version.Next());

        again.Should().BeFalse();
        (await table.ReadAllAsync()).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task Leaving_silo_status_change_is_stored()
    {
        var table = await StartAsync();
        var entry = Entry(1, SiloStatus.Active);
        (await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();
        var row = await table.ReadRowAsync(entry.SiloAddress);
        var (current, etag) = row.Members.Single();
        current.Status = SiloStatus.ShuttingDown;

        var updated = await table.UpdateRowAsync(current, etag, row.Version.Next());

        updated.Should().BeTrue();
        var after = await table.ReadRowAsync(entry.SiloAddress);
        after.Members.Single().Item1.Status.Should().Be(SiloStatus.ShuttingDown);
        after.Version.Version.Should().Be(2);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_fails_and_changes_nothing()
    {
        var table = await StartAsync();
        var entry = Entry(1, SiloStatus.Active);
        (await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();
        var firstRead = await table.ReadRowAsync(entry.SiloAddress);
        var secondRead = await table.ReadRowAsync(entry.SiloAddress);
        var (winner, winnerEtag) = firstRead.Members.Single();
        winner.Status = SiloStatus.ShuttingDown;
        (await table.UpdateRowAsync(winner, winnerEtag, firstRead.Version.Next())).Should().BeTrue();
        var (loser, loserEtag) = secondRead.Members.Single();
        loser.Status = SiloStatus.Dead;

        var updated = await table.UpdateRowAsync(loser, loserEtag, secondRead.Version.Next());

        updated.Should().BeFalse();
        var after = await table.ReadRowAsync(entry.SiloAddress);
        after.Members.Single().Item1.Status.Should().Be(SiloStatus.ShuttingDown);
        after.Version.Version.Should().Be(2);
    }

    [Fact]
    public async Task Suspicions_round_trip_with_their_suspecting_silos_and_times()
    {
        var table = await StartAsync();
        var entry = Entry(1, SiloStatus.Active);
        (await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();
        var row = await table.ReadRowAsync(entry.SiloAddress);
        var (current, etag) = row.Members.Single();
        var firstVote = Now().AddSeconds(-5);
        var secondVote = Now();
        current.AddSuspector(Address(2), firstVote);
        current.AddSuspector(Address(3), secondVote);

        (await table.UpdateRowAsync(current, etag, row.Version.Next())).Should().BeTrue();

        var stored = (await table.ReadRowAsync(entry.SiloAddress)).Members.Single().Item1;
        stored.SuspectTimes.Should().NotBeNull();
        stored.SuspectTimes!.Select(s => (s.Item1, s.Item2)).Should().Equal((Address(2), firstVote), (Address(3), secondVote));
    }

    [Fact]
    public async Task I_am_alive_updates_the_heartbeat_without_changing_the_table_version()
    {
        var table = await StartAsync();
        var entry = Entry(1, SiloStatus.Active);
        (await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();
        var heartbeat = Now().AddMinutes(1);
        entry.IAmAliveTime = heartbeat;

        await table.UpdateIAmAliveAsync(entry);

        var row = await table.ReadRowAsync(entry.SiloAddress);
        row.Members.Single().Item1.IAmAliveTime.Should().Be(heartbeat);
        row.Version.Version.Should().Be(1);
    }

    [Fact]
    public async Task Reading_an_unknown_silo_returns_the_table_version_and_no_member()
    {
        var table = await StartAsync();
        (await table.InsertRowAsync(Entry(1), (await table.ReadAllAsync()).Version.Next())).Should().BeTrue();

        var row = await table.ReadRowAsync(Address(9));

        row.Members.Should().BeEmpty();
        row.Version.Version.Should().Be(1);
    }

    [Fact]
    public async Task Gateways_are_the_proxy_endpoints_of_active_silos_only()
    {
        var table = await StartAsync();
        await JoinAsync(table, Entry(1, SiloStatus.Active));
        await JoinAsync(table, Entry(2, SiloStatus.Joining));
        await JoinAsync(table, Entry(3, SiloStatus.Dead));
        var gateways = await AdoNetProviders.StartGatewayListAsync(postgres.ConnectionString, clusterId);

        var uris = await gateways.GetGatewaysAsync();

        var gateway = uris.Should().ContainSingle().Subject;
        gateway.Host.Should().Be(Address(1).Endpoint.Address.ToString());
        gateway.Port.Should().Be(ProxyPort(1));
    }

    [Fact]
    public async Task Defunct_cleanup_removes_dead_silos_silent_since_before_the_cutoff_only()
    {
        var table = await StartAsync();
        var longDead = Entry(1, SiloStatus.Dead, since: Now().AddHours(-3));
        var recentlyDead = Entry(2, SiloStatus.Dead, since: Now().AddMinutes(-5));
        var oldButActive = Entry(3, SiloStatus.Active, since: Now().AddHours(-3));
        await JoinAsync(table, longDead);
        await JoinAsync(table, recentlyDead);
        await JoinAsync(table, oldButActive);
        // An old suspicion vote must not keep the dead silo: the provider matches it by its stored text.
        var row = await table.ReadRowAsync(longDead.SiloAddress);
        var (suspected, etag) = row.Members.Single();
        suspected.AddSuspector(Address(2), Now().AddHours(-3));
        (await table.UpdateRowAsync(suspected, etag, row.Version.Next())).Should().BeTrue();

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress)
            .Should().BeEquivalentTo(new[] { recentlyDead.SiloAddress, oldButActive.SiloAddress });
    }

    [Fact]
    public async Task Deleting_the_cluster_entries_removes_members_and_restarts_the_version()
    {
        var table = await StartAsync();
        await JoinAsync(table, Entry(1, SiloStatus.Active));

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        var restarted = await StartAsync();

        var data = await restarted.ReadAllAsync();
        data.Members.Should().BeEmpty();
        data.Version.Version.Should().Be(0);
    }

    [Fact]
    public async Task Clusters_do_not_see_each_other()
    {
        var table = await StartAsync();
        await JoinAsync(table, Entry(1, SiloStatus.Active));

        var other = await AdoNetProviders.StartMembershipTableAsync(postgres.ConnectionString, clusterId + "-other");

        (await other.ReadAllAsync()).Members.Should().BeEmpty();
    }

    private Task<AdoNetClusteringTable> StartAsync() => AdoNetProviders.StartMembershipTableAsync(postgres.ConnectionString, clusterId);

    private static async Task JoinAsync(AdoNetClusteringTable table, MembershipEntry entry)
    {
        var inserted = await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        inserted.Should().BeTrue($"silo {entry.SiloAddress} should join");
    }

    private static SiloAddress Address(int silo) => SiloAddress.New(IPAddress.Loopback, 11_110 + silo, 1_000 + silo);

    private static int ProxyPort(int silo) => 30_000 + silo;

    private static MembershipEntry Entry(int silo, SiloStatus status = SiloStatus.Joining, DateTime? since = null)
    {
        var time = since ?? Now();
        return new MembershipEntry
        {
            SiloAddress = Address(silo),
            SiloName = $"silo-{silo}",
            HostName = $"host-{silo}",
            Status = status,
            ProxyPort = ProxyPort(silo),
            StartTime = time,
            IAmAliveTime = time,
        };
    }

    /// <summary>UTC now at millisecond precision: PostgreSQL keeps microseconds, suspicion times keep milliseconds.</summary>
    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
