using System.Diagnostics;
using System.Net;
using Dispatch.Tests.Integration.Live;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Web.Live;
using FluentAssertions;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Resilience;

/// <summary>
/// A hub client that never reads (issue 13, item 5): its outbox stays bounded and coalesces its figures while pushes flow,
/// a normal client on the same instance and scope keeps hearing every change promptly, and once a send to the stalled
/// client outlasts the send deadline (the outboxes' FakeTimeProvider moves past it) the server drops that connection.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class SlowReaderTests(ITestOutputHelper output)
{
    private const string Admin = "admin@jx12385.test";

    [Fact]
    public async Task A_client_that_never_reads_stays_bounded_and_is_dropped_while_a_normal_client_keeps_hearing()
    {
        var database = new PostgresFixture();
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "slow-reader-" + Guid.NewGuid().ToString("N")[..8];
        var outboxClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var silo = await LocalSilo.StartAsync(connectionString, clusterId);
        await using var web = await LocalWebApp.StartAsync(connectionString, clusterId,
            new WebAppSettings
            {
                ReplaceServices = s =>
                {
                    s.AddKeyedSingleton<TimeProvider>(LiveOutboxes.ClockKey, outboxClock);
                    // While its snapshots wait, the hub reads nothing more from the stalled client, not even its pings:
                    // the client timeout must not end the connection before the test has looked at its outbox.
                    s.Configure<HubOptions>(o => o.ClientTimeoutInterval = TimeSpan.FromMinutes(10));
                    // A small transport buffer, so a few dozen changes fill what waits in front of the stalled socket
                    // (with the default 512 KiB it takes thousands of registrations); the outbox behind it is the same.
                    s.Configure<LiveOutboxSettings>(o => o.TransportBufferSize = 16 * 1024);
                    // A transport send timeout far beyond anything load can add to the abort path, so "closed by the drop"
                    // and "closed by the transport giving up" stay apart even on a machine with a load average of 40
                    // (with the default minute, a drop that took 20 s under such load was indistinguishable).
                    s.Configure<LiveOutboxSettings>(o => o.TransportSendTimeout = TimeSpan.FromMinutes(10));
                    // Likewise the kernel's send buffer of the server's sockets (Linux grows it to megabytes by itself);
                    // accepted sockets inherit it from the listening socket.
                    s.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
                    {
                        var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                        socket.SendBufferSize = 16 * 1024;
                        return socket;
                    });
                },
            });
        await Eventually.Get(() => web.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");
        var outboxes = web.Services.GetRequiredService<LiveOutboxes>();
        using var operatorClient = await web.SignInAsync("operator@jx12385.test");

        await using var normal = await LiveListener.ConnectAsync(web, Admin);
        await normal.JoinAsync("city");
        await using var stalled = await StalledHubClient.ConnectAsync(web, await LiveSystem.TokenAsync(web, Admin));
        for (var i = 0; i < 300; i++)
        {
            await stalled.JoinAsync("city");
        }
        var slow = await Eventually.Get(() => Task.FromResult(outboxes.Find(stalled.ConnectionId)), o => o is not null, TimeSpan.FromSeconds(20),
            "the stalled connection's outbox");

        var filling = 0;
        await Eventually.Get(async () =>
        {
            await stalled.PingAsync();
            // Eight at once: each registration pushes its change to both clients. A burst of eight can queue at most nine
            // messages (eight changes, one coalesced figure) behind sends that go through; twenty waiting means they stopped.
            var batch = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TicketApi.RegisteredAsync(operatorClient)));
            filling += batch.Length;
            // The push offers a change to every watching outbox in one loop: once the normal client has heard the batch,
            // the stalled connection's outbox holds it too, so its length below counts every registration so far.
            foreach (var ticket in batch)
            {
                await normal.WaitForAsync("itemChanged", p => p.ItemId() == TicketApi.Id(ticket), "the normal client hears the batch",
                    TimeSpan.FromSeconds(10));
            }
            slow!.DropReason.Should().BeNull("the stalled connection is dropped only once the test moves the outbox clock");
            return slow.Length;
        }, n => n >= 20, TimeSpan.FromMinutes(3), "messages waiting behind the stalled connection's send");
        var backlog = slow!.Length;
        output.WriteLine($"[figure] {filling} registrations until the stalled connection's sends stopped going through ({backlog} waiting)");

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            await stalled.PingAsync();
            var ticket = await TicketApi.RegisteredAsync(operatorClient);
            var heard = Stopwatch.StartNew();
            await normal.WaitForAsync("itemChanged", p => p.ItemId() == TicketApi.Id(ticket), "the normal client hears the registration",
                TimeSpan.FromSeconds(10));
            delays.Add(heard.Elapsed);
        }
        var capacity = outboxes.Settings.QueueCapacity;
        output.WriteLine($"[figure] normal client: 20 registrations heard, slowest {delays.Max().TotalMilliseconds:0} ms after the API answered");
        output.WriteLine($"[figure] stalled client: {slow!.Length} messages waiting (peak {slow.PeakLength}, capacity {capacity}), "
            + $"{slow.Coalesced} figures replaced unsent, a send pending since {slow.SendingSince:HH:mm:ss} on the outbox clock");
        slow.SendingSince.Should().NotBeNull("a send to the stalled client is stuck");
        slow.PeakLength.Should().BeLessThanOrEqualTo(capacity);
        slow.Length.Should().BeLessThanOrEqualTo(backlog + 20 + 1, "only the new item changes and one coalesced figure of the city were added");
        slow.Coalesced.Should().BePositive("newer figures of the city replaced older unsent ones");
        outboxes.Longest.Should().Be(slow.Length, "the stalled connection is the most behind");

        outboxClock.Advance(outboxes.Settings.SendDeadline + TimeSpan.FromSeconds(1));
        await Eventually.Get(() => Task.FromResult(slow.DropReason), r => r is not null, TimeSpan.FromSeconds(20), "the stalled connection dropped");
        slow.DropReason.Should().Be("send_deadline");
        slow.Length.Should().Be(0, "a dropped connection's queue is let go at once");
        outboxes.DroppedFor("send_deadline").Should().Be(1, "only the stalled connection was dropped");
        // The drop aborts the request, so the connection closes within seconds (not after the transport's own send timeout) and the
        // hub's disconnect removes the outbox.
        var closing = Stopwatch.StartNew();
        await Eventually.Get(() => Task.FromResult(outboxes.Find(stalled.ConnectionId)), o => o is null, outboxes.Settings.TransportSendTimeout / 3,
            "the stalled connection closed well before the transport's send timeout");
        output.WriteLine($"[figure] stalled client dropped ({slow.DropReason}) once its send outlasted {outboxes.Settings.SendDeadline.TotalSeconds:0} s "
            + $"on the outbox clock; its connection was gone {closing.Elapsed.TotalSeconds:0.0} s later; longest queue now {outboxes.Longest}");

        var after = await TicketApi.RegisteredAsync(operatorClient);
        await normal.WaitForAsync("itemChanged", p => p.ItemId() == TicketApi.Id(after), "the normal client still hears", TimeSpan.FromSeconds(10));
    }
}
