using System.Diagnostics;
using System.Net;
using Dispatch.Tests.Integration.PersonalData;
using Dispatch.Tests.Integration.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>No span or log line carries a caller's numbers, not even a search's query string.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryPrivacyTests(TelemetrySystem system)
{
    [Fact]
    public async Task A_registration_and_a_search_by_phone_leave_no_number_in_spans_or_logs()
    {
        // Haiyan: the metrics scenario counts the tickets of Nanhu and Xiuzhou exactly.
        var numbers = PersonalNumbers.New("330424");
        using var op = await system.Web.SignInAsync("operator@jx12385.test");
        var ticket = await TicketApi.RegisteredAsync(op, numbers.TicketIntake("欧阳晓明", "330424"));
        var search = await op.GetAsync($"/api/tickets?q={numbers.Phone}&pageSize=10");
        search.StatusCode.Should().Be(HttpStatusCode.OK);

        // The server span of the search ends just after its response is written.
        var searchSpan = await Eventually.Get(() => Task.FromResult(system.WebSpans.Snapshot().FirstOrDefault(IsSearch)),
            span => span is not null, TimeSpan.FromSeconds(10), "the search's server span");
        var spans = system.WebSpans.Snapshot().Concat(system.SiloSpans.Snapshot()).ToList();
        var texts = spans.SelectMany(Texts).Concat(system.WebLogs.Lines).Concat(system.SiloLogs.Lines).ToList();

        searchSpan!.GetTagItem("url.query").Should().BeNull("a query string may carry a phone number");
        spans.Should().Contain(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal), "grain calls are traced");
        spans.Should().Contain(s => s.Source.Name == "Npgsql", "database commands are traced");
        spans.Should().Contain(s => s.TraceId == searchSpan.TraceId && s.Source.Name != searchSpan.Source.Name,
            "the search's trace goes on past the web app's own span");
        TicketApi.Id(ticket).Should().NotBeNullOrEmpty();
        string[] literals = [numbers.Phone, numbers.ResidentId, numbers.Certificate, "欧阳晓明"];
        texts.Where(t => literals.Any(l => t.Contains(l, StringComparison.Ordinal))).Should().BeEmpty();
    }

    private static bool IsSearch(Activity span) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == "/api/tickets" && span.GetTagItem("http.request.method") as string == "GET";

    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
}
