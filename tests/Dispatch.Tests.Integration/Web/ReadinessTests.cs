using System.Net;
using System.Net.Http.Json;
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
        (await after.Content.ReadFromJsonAsync<Health>())!.Status.Should().Be("ready");
    }

    private sealed record Health(string Status, string[] Problems);
}
