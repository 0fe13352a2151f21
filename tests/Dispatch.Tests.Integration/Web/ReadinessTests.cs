using System.Net;
using System.Net.Http.Json;
using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

[Collection(PostgresCollection.Name)]
public sealed class ReadinessTests(PostgresFixture database)
{
    [Fact]
    public async Task Readiness_flips_from_503_to_200_when_the_silo_comes_up()
    {
        var clusterId = "ready-" + Guid.NewGuid().ToString("N")[..8];
        await using var web = await LocalWebApp.StartAsync(database.ConnectionString, clusterId);

        (await web.Client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await web.Client.GetAsync("/health/ready");
        before.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var report = await before.Content.ReadFromJsonAsync<Health>();
        report!.Status.Should().Be("not_ready");
        report.Problems.Should().ContainSingle(p => p.StartsWith("cluster:", StringComparison.Ordinal));

        await using var silo = await LocalSilo.StartAsync(database.ConnectionString, clusterId);
        var after = await Eventually.Get(
            () => web.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "readiness 200");
        var ready = (await after.Content.ReadFromJsonAsync<Health>())!;
        ready.Status.Should().Be("ready");
        ready.Problems.Should().BeEmpty();
        ready.Warnings.Select(w => w.Split(" (")[0]).Should().Equal(ExpectedCalendarWarnings(), "a provisional or missing year in the next 90 days is a warning, not a failure");
    }

    /// <summary>The years the shipped calendar does not cover officially in the next 90 days, counted here on their own.</summary>
    private static string[] ExpectedCalendarWarnings()
    {
        var calendar = SlaSettings.Load(Path.Combine(RepositoryRoot.Find(), "deploy", "reference-data")).Calendar;
        var today = calendar.LocalDate(DateTimeOffset.UtcNow);
        var end = today.AddDays(90);
        return [.. Enumerable.Range(today.Year, end.Year - today.Year + 1)
            .Where(year => !calendar.HasYear(year))
            .Select(year => $"calendar: {year} is {(calendar.Status(year) == CalendarYearStatus.Provisional ? "provisional" : "missing")}")];
    }

    private sealed record Health(string Status, string[] Problems, string[] Warnings);
}
