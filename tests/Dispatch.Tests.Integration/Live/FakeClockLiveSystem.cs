using System.Net;
using System.Text.Json;
using Dispatch.Live;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Integration.Live;

/// <summary>
/// A silo on a <see cref="FakeTimeProvider"/> (so a test can move items' deadlines into warning and overdue) and a web
/// app on the real clock joined to it, with the hub and the REST API as browsers use them. Starts on Monday 2 March
/// 2026, 09:00 in Jiaxing, a working day.
/// </summary>
public sealed class FakeClockLiveSystem : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private readonly PostgresFixture database = new();
    private LocalSilo? silo;
    private LocalWebApp? web;

    public FakeTimeProvider Clock { get; } = new(Start);

    public LocalWebApp Web => web ?? throw new InvalidOperationException("Not started.");

    /// <summary>The web app's cluster client, for the test-only probe grains.</summary>
    public IGrainFactory Cluster => Web.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var serviceId = "live-clock-" + Guid.NewGuid().ToString("N")[..8];
        silo = await LocalSilo.StartAsync(connectionString, serviceId, time: Clock);
        web = await LocalWebApp.StartAsync(connectionString, serviceId);
        await Eventually.Get(async () =>
        {
            var response = await web.Client.GetAsync("/health/ready");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");
    }

    public async Task DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits for a hub message, moving the silo's clock a little at each look: the live feed gathers changes for a
    /// moment of that clock (a grain timer) before it sends them, so a clock that stood still would never send.
    /// </summary>
    public async Task<JsonElement> HearAsync(LiveListener listener, string name, Func<JsonElement, bool> match, string what)
    {
        try
        {
            // The clock moves only as fast as the polls come, which a loaded machine slows down: a generous bound.
            var heard = await Eventually.Get(() =>
            {
                Clock.Advance(LiveFeedStep);
                return Task.FromResult(listener.Received.Where(m => m.Name == name).Select(m => (JsonElement?)m.Payload).FirstOrDefault(p => match(p!.Value)));
            }, p => p is not null, TimeSpan.FromSeconds(60), what);
            return heard!.Value;
        }
        catch (TimeoutException ex)
        {
            var received = listener.Received.GroupBy(m => m.Name).Select(g => $"{g.Key} x{g.Count()}");
            throw new TimeoutException($"{ex.Message}; received meanwhile: {string.Join(", ", received)}; silo clock {Clock.GetUtcNow():O}", ex);
        }
    }

    private static readonly TimeSpan LiveFeedStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Moves the silo's clock to a Jiaxing time of the start day and runs the item's deadline watcher then. The live-feed
    /// registry reads time from the same clock, so the jump first waits for the web app's next renewal: otherwise the
    /// registry would count it expired and drop what the watcher announces.
    /// </summary>
    public async Task WatcherRunsAtAsync(int hour, int minute, Guid itemId)
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var probe = Cluster.GetGrain<ILiveRegistryProbeGrain>(0);
        await Eventually.Get(probe.ListeningInstances, n => n > 0, LiveFeed.RenewEvery * 3, "the web app's renewal after the clock moved");
        await InsideSilo.TickWatcherAsync(Cluster, itemId);
    }
}

/// <summary>Test-only: reads the live-feed registry from inside the silo (its list is silo-only).</summary>
[Alias("Dispatch.Tests.ILiveRegistryProbeGrain")]
public interface ILiveRegistryProbeGrain : IGrainWithIntegerKey
{
    [Alias("ListeningInstances")] Task<int> ListeningInstances();
}

[GrainType("test-live-registry-probe")]
public sealed class LiveRegistryProbeGrain : Grain, ILiveRegistryProbeGrain
{
    public async Task<int> ListeningInstances() =>
        (await GrainFactory.GetGrain<ILiveSubscribersGrain>(LiveFeed.RegistryKey).Observers()).Length;
}
