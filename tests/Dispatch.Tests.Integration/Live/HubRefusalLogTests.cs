using Dispatch.Web.Live;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Tests.Integration.Live;

/// <summary>One silo and one web app whose log lines are kept.</summary>
public sealed class LoggedSystem() : LocalSystem("hub-log")
{
    public CapturedLogs WebLogs { get; } = new();

    protected override WebAppSettings WebSettings => new() { Logs = WebLogs };
}

/// <summary>A hub call the server refuses is the caller's mistake, not a server error, and its arguments are never logged.</summary>
public sealed class HubRefusalLogTests(LoggedSystem system) : IClassFixture<LoggedSystem>
{
    [Fact]
    public async Task Refused_Join_calls_log_no_error_and_never_their_argument()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        await using var listener = await LiveListener.ConnectAsync(system.Web, "operator@jx12385.test");

        // Forbidden (an operator sees the city only), malformed, and refused by the input guard (a control character).
        foreach (var scope in new[] { "county:330402", $"county:{marker}", $"unit:{marker}\u0001" })
        {
            await listener.Invoking(l => l.JoinAsync(scope)).Should().ThrowAsync<HubException>();
        }

        var refusals = await Eventually.Get(() => Task.FromResult(RefusalLines()), lines => lines.Count >= 3, TimeSpan.FromSeconds(10),
            "three refusals logged");
        refusals.Should().OnlyContain(l => l.StartsWith("Information ", StringComparison.Ordinal));
        system.WebLogs.Lines.Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal)
            && (l.Contains("hub method", StringComparison.OrdinalIgnoreCase) || l.Contains("Join", StringComparison.Ordinal)));
        system.WebLogs.Lines.Should().NotContain(l => l.Contains(marker, StringComparison.Ordinal));
    }

    private List<string> RefusalLines() =>
        [.. system.WebLogs.Lines.Where(l => l.Contains($" {typeof(HubCallLogging).FullName}: ", StringComparison.Ordinal) && l.Contains("Join", StringComparison.Ordinal))];
}
