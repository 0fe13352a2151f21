using System.Diagnostics;
using System.Text.Json;
using Dispatch.Schema.Telemetry;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>The console logs as the shipped appsettings configure them: one JSON object a line, with the trace and span ids.</summary>
public sealed class JsonLogTests
{
    [Theory]
    [InlineData("client-web/appsettings.json")]
    [InlineData("silo/appsettings.json")]
    public void A_log_line_is_json_with_its_trace_id_and_span_id(string settingsFile)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Find(), settingsFile)).Build();
        using var source = new ActivitySource("Dispatch.Tests.JsonLogs");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var output = new StringWriter();
        var console = Console.Out;
        ILoggerFactory factory;
        // The console logger takes Console.Out when it is made; it is put back at once.
        Console.SetOut(output);
        try
        {
            factory = LoggerFactory.Create(logging =>
            {
                logging.AddConfiguration(configuration.GetSection("Logging"));
                logging.AddConsole();
                DispatchLogging.Configure(logging);
            });
            factory.CreateLogger("Dispatch.Tests").LogInformation("warming up");
        }
        finally
        {
            Console.SetOut(console);
        }
        string traceId;
        string spanId;
        using (var activity = source.StartActivity("request")!)
        {
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            factory.CreateLogger("Dispatch.Tests").LogWarning("Ticket {Number} reloaded", "JX20260302-0001");
        }
        factory.Dispose();

        var line = output.ToString().Split('\n').Single(l => l.Contains("JX20260302-0001", StringComparison.Ordinal));
        var entry = JsonDocument.Parse(line).RootElement;
        entry.GetProperty("LogLevel").GetString().Should().Be("Warning");
        entry.GetProperty("State").GetProperty("Number").GetString().Should().Be("JX20260302-0001");
        var scopes = entry.GetProperty("Scopes").EnumerateArray().ToList();
        Values(scopes, "TraceId").Should().Contain(traceId);
        Values(scopes, "SpanId").Should().Contain(spanId);
        entry.GetProperty("Timestamp").GetString().Should().EndWith("Z");
    }

    private static List<string?> Values(List<JsonElement> scopes, string name) =>
        [.. scopes.Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _)).Select(s => s.GetProperty(name).GetString())];
}
