using Dispatch.Tests.Resilience.Harness;
using Dispatch.Tests.Resilience.Load;
using FluentAssertions;
using Xunit.Abstractions;

namespace Dispatch.Tests.Resilience.Scenarios;

[Collection(ResilienceCollection.Name)]
[Trait("Category", "Resilience")]
public sealed class SiloKillTests(PostgresFixture database, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killing_two_of_three_silos_under_load_loses_no_acknowledged_write_and_answers_no_5xx()
    {
        var figures = new Figures(output, "silo-kill");
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        using var system = await ProcessSystem.StartAsync(connectionString, database.AsOwner(connectionString), siloCount: 3, webCount: 2);
        var ledger = new LoadLedger();
        ledger.Mark($"started 3 silos and 2 web apps in {system.StartedIn.TotalSeconds:0}s");
        StoredTickets stored;
        try
        {
            await using (var load = TicketLoad.Start(system.WebAddresses, ledger, workerCount: 4, pace: TimeSpan.FromMilliseconds(150)))
            {
                await Progress.MoreRegistrationsAsync(ledger, 30, Within, "before any kill");
                foreach (var (silo, left) in new[] { (system.Silos[0], 2), (system.Silos[1], 1) })
                {
                    await system.KillAsync(silo);
                    ledger.Mark($"SIGKILLed {silo.Name} (pid {silo.Id})");
                    await system.WaitForActiveSilosAsync(left, Within);
                    ledger.Mark($"{silo.Name} declared dead; {left} active");
                    await Progress.MoreRegistrationsAsync(ledger, 30, Within, $"after {silo.Name} was declared dead");
                }
                await load.StopAsync();
            }
            stored = await StoredTickets.ReadAsync(connectionString, ledger);
        }
        catch
        {
            figures.Print(ledger);
            output.WriteLine(system.Report());
            throw;
        }
        figures.Print(ledger, stored);
        if (ledger.Unexpected.Count > 0 || ledger.Attempts.Any(a => a.Status >= 500))
        {
            // The processes' last lines tell where a 5xx came from.
            output.WriteLine(system.Report());
        }

        ledger.Attempts.Where(a => a.Status >= 500).Select(a => a.ToString()).Should().BeEmpty(because: "a silo's death is retried within the request, not answered 5xx");
        ledger.Attempts.Where(a => a.Status == 0).Select(a => a.ToString()).Should().BeEmpty(because: "the web apps stay up and answer every request within the timeout");
        ledger.Unexpected.Should().BeEmpty();
        ledger.Abandoned.Should().Be(0);
        stored.RegistrationsMissing.Should().BeEmpty();
        stored.ActionsMissing.Should().BeEmpty();
        stored.KeysWithTwoTickets.Should().BeEmpty();
        stored.StreamsRegisteredTwice.Should().BeEmpty();
        stored.ReadModelDisagreements.Should().BeEmpty();
    }
}
