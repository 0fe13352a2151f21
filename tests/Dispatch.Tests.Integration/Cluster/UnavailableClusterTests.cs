using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Fixtures.Hosting;
using Dispatch.Tests.Integration.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// A web app whose only silo has stopped, for the one test class that needs it. Its failover retry gives up after a
/// second: with no silo left, a retry can only delay the 503 this class checks (SiloKillFailoverTests has the retries).
/// </summary>
public sealed class SiloLossSystem() : LocalSystem("silo-loss")
{
    protected override WebAppSettings WebSettings => new() { Arguments = ["--Failover:Budget=00:00:01"] };
}

/// <summary>
/// When no silo can answer, a request that needs a grain gets 503 problem details with Retry-After (zh and en), never a
/// 500; what the web app reads from the database alone (the ticket list) still answers.
/// </summary>
public sealed class UnavailableClusterTests(SiloLossSystem system) : IClassFixture<SiloLossSystem>
{
    [Fact]
    public async Task Without_a_silo_grain_requests_answer_503_with_retry_after_and_database_reads_still_answer()
    {
        using var op = await system.Web.SignInAsync("operator@jx12385.test");
        var ticket = await TicketApi.RegisteredAsync(op);

        await system.StopSiloAsync();

        using var read = await op.GetAsync($"/api/tickets/{TicketApi.Id(ticket)}");
        await ShouldBeUnavailableAsync(read);
        using var intake = await TicketApi.RegisterAsync(op, TicketApi.Intake());
        await ShouldBeUnavailableAsync(intake);
        using var list = await op.GetAsync("/api/tickets?county=330402");
        list.StatusCode.Should().Be(HttpStatusCode.OK, "the list comes from the read model, not from a grain");
        (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Should().Contain(i => i.GetProperty("id").GetString() == TicketApi.Id(ticket));
    }

    private static async Task ShouldBeUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().Should().Be("unavailable");
        problem.GetProperty("zh").GetProperty("title").GetString().Should().Be("服务暂不可用");
        problem.GetProperty("en").GetProperty("title").GetString().Should().Be("Service unavailable");
    }
}
