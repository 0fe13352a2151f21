using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Resilience.Harness;
using Dispatch.Tests.Resilience.Load;
using FluentAssertions;
using Xunit.Abstractions;

namespace Dispatch.Tests.Resilience.Scenarios;

[Collection(ResilienceCollection.Name)]
[Trait("Category", "Resilience")]
public sealed class WebKillTests(PostgresFixture database, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static readonly string[] Scopes = ["city", "county:330402", "city", "county:330411"];

    [Fact]
    public async Task Dashboards_on_a_killed_web_app_reconnect_to_the_other_and_show_what_a_fresh_client_shows()
    {
        var figures = new Figures(output, "web-kill");
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        using var system = await ProcessSystem.StartAsync(connectionString, database.AsOwner(connectionString), siloCount: 3, webCount: 2);
        var (doomed, survivor) = (system.Webs[0], system.WebAddresses[1]);
        await using var balancer = new RoundRobinForwarder(system.WebAddresses);
        var ledger = new LoadLedger();
        ledger.Mark($"started 3 silos and 2 web apps in {system.StartedIn.TotalSeconds:0}s, behind a round-robin forwarder; {Scopes.Length} dashboards through it");
        var token = await SupervisorTokenAsync(survivor);
        var dashboards = new List<LiveClient>();
        try
        {
            foreach (var scope in Scopes)
            {
                dashboards.Add(await LiveClient.JoinAsync(balancer.Address, token, scope));
            }
            var onDoomed = balancer.OpenConnections[0];
            ledger.Mark($"dashboards on {doomed.Name}: {onDoomed}, on web-2: {balancer.OpenConnections[1]}");
            onDoomed.Should().BeGreaterThan(0, because: "the forwarder hands connections to both web apps in turn");

            // Tickets keep coming in through the surviving instance while the dashboards are away.
            await using (var load = TicketLoad.Start([survivor], ledger, workerCount: 2, pace: TimeSpan.FromMilliseconds(200)))
            {
                await Progress.MoreRegistrationsAsync(ledger, 10, Within, "before the kill");
                await system.KillAsync(doomed);
                ledger.Mark($"SIGKILLed {doomed.Name} (pid {doomed.Id})");
                await Progress.MoreRegistrationsAsync(ledger, 10, Within, "while the dashboards reconnect");
                await Eventually.Get(() => Task.FromResult(dashboards.Count(d => d.SnapshotSinceReconnect)), n => n >= onDoomed, Within,
                    $"{onDoomed} dashboards reconnected with a new snapshot");
                ledger.Mark($"{dashboards.Count(d => d.Reconnects > 0)} dashboards reconnected, each away at most "
                    + $"{dashboards.Max(d => d.Away ?? TimeSpan.Zero).TotalMilliseconds:0} ms; forwarder connections now {string.Join("/", balancer.OpenConnections)}");
                await load.StopAsync();
            }

            var fresh = new Dictionary<string, LiveClient>();
            foreach (var scope in Scopes.Distinct())
            {
                fresh[scope] = await LiveClient.JoinAsync(survivor, token, scope);
            }
            dashboards.AddRange(fresh.Values);
            foreach (var dashboard in dashboards.Except(fresh.Values))
            {
                await Eventually.Get(() => Task.FromResult((dashboard.Figures, Fresh: fresh[dashboard.Scope].Figures)), f => f.Figures == f.Fresh, Within,
                    $"the {dashboard.Scope} dashboard showing what a fresh client shows");
            }
            var reconnected = dashboards.Except(fresh.Values).Where(d => d.Reconnects > 0).ToList();
            figures.Print(ledger);
            figures.Line($"dashboards {Scopes.Length}: reconnected {reconnected.Count}, each with a new snapshot, all {Scopes.Length} equal to a fresh client's figures "
                + $"(e.g. {fresh["city"].Figures?[..Math.Min(80, fresh["city"].Figures!.Length)]}…)");

            reconnected.Should().HaveCount(onDoomed, because: "exactly the dashboards on the killed instance lost their connection");
            reconnected.Should().OnlyContain(d => d.SnapshotSinceReconnect);
            system.Webs[1].HasExited.Should().BeFalse();
            ledger.Attempts.Where(a => a.Status >= 500).Select(a => a.ToString()).Should().BeEmpty();
        }
        catch
        {
            figures.Print(ledger);
            output.WriteLine(system.Report());
            throw;
        }
        finally
        {
            foreach (var dashboard in dashboards)
            {
                await dashboard.DisposeAsync();
            }
        }
    }

    private static async Task<string> SupervisorTokenAsync(Uri web)
    {
        using var client = new HttpClient { BaseAddress = web };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "supervisor@jx12385.test", password = "Demo#12385" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
