using Dispatch.Tests.Resilience.Harness;
using Dispatch.Tests.Resilience.Load;
using FluentAssertions;
using Xunit.Abstractions;

namespace Dispatch.Tests.Resilience.Scenarios;

/// <summary>
/// Runs on a PostgreSQL server of its own: the fixture's server may serve other test projects at the same time and
/// must never be stopped under them.
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Category", "Resilience")]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    /// <summary>The longest a request may take to be refused while the database is down.</summary>
    private static readonly TimeSpan QuickRefusal = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Restarting_PostgreSQL_under_load_answers_503_quickly_loses_nothing_acknowledged_and_recovers_by_itself()
    {
        var figures = new Figures(output, "postgres-restart");
        await using var postgres = await PrivatePostgres.StartAsync();
        using var system = await ProcessSystem.StartAsync(postgres.ConnectionString, postgres.SchemaConnectionString, siloCount: 3, webCount: 2);
        var ledger = new LoadLedger();
        ledger.Mark($"started 3 silos and 2 web apps on a private PostgreSQL in {system.StartedIn.TotalSeconds:0}s");
        var processes = system.Silos.Concat(system.Webs).ToList();
        TimeSpan down, up;
        StoredTickets stored;
        try
        {
            await using (var load = TicketLoad.Start(system.WebAddresses, ledger, workerCount: 4, pace: TimeSpan.FromMilliseconds(150)))
            {
                await Progress.MoreRegistrationsAsync(ledger, 30, Within, "before the restart");
                ledger.Mark("stopping PostgreSQL (fast shutdown)");
                await postgres.StopAsync();
                down = ledger.Now;
                ledger.Mark("PostgreSQL stopped");
                // The outage lasts until the load has met it on both web apps.
                await Eventually.Get(() => Task.FromResult(ledger.Attempts.Where(a => a.At > down && a.Status == 503).Select(a => a.Web).Distinct().Count()),
                    webs => webs == system.Webs.Count, Within, "503 answers from both web apps during the outage");
                await postgres.StartAgainAsync();
                up = ledger.Now;
                ledger.Mark("PostgreSQL started again on the same data folder");
                await Progress.MoreRegistrationsAsync(ledger, 30, Within, "after the restart");
                await Eventually.Get(() => Task.FromResult(ledger.Attempts.Where(a => a.At > up && a.Operation == "register" && a.Status is 200 or 201)
                    .Select(a => a.Web).Distinct().Count()), webs => webs == system.Webs.Count, Within, "registrations through both web apps after the restart");
                ledger.Mark("both web apps register again");
                await load.StopAsync();
            }
            stored = await StoredTickets.ReadAsync(postgres.ConnectionString, ledger);
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
        var outage = ledger.Attempts.Where(a => a.At >= down && a.At < up).ToList();
        figures.Line($"during the outage ({(up - down).TotalSeconds:0.0}s): requests {outage.Count}: {Figures.Classes(outage)}");

        outage.Where(a => a.Status >= 500 && a.Status != 503).Select(a => a.ToString()).Should().BeEmpty(because: "a database that cannot answer is 503 with Retry-After, never a server fault");
        outage.Where(a => a.Status == 503 && a.Took >= QuickRefusal).Select(a => a.ToString()).Should().BeEmpty(because: "a request the database cannot serve is refused quickly");
        ledger.Attempts.Where(a => a.Status >= 500 && a.Status != 503).Select(a => a.ToString()).Should().BeEmpty();
        ledger.Attempts.Where(a => a.Status == 0).Select(a => a.ToString()).Should().BeEmpty(because: "the web apps stay up and answer every request within the timeout");
        ledger.Unexpected.Should().BeEmpty();
        ledger.Abandoned.Should().Be(0);
        processes.Should().OnlyContain(p => !p.HasExited, because: "the system recovers without restarting a silo or a web app");
        stored.RegistrationsMissing.Should().BeEmpty();
        stored.ActionsMissing.Should().BeEmpty();
        stored.KeysWithTwoTickets.Should().BeEmpty();
        stored.StreamsRegisteredTwice.Should().BeEmpty();
        stored.ReadModelDisagreements.Should().BeEmpty();
    }
}
