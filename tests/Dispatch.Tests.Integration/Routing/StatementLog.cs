using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dispatch.Tests.Integration.Routing;

/// <summary>
/// Every SQL statement Npgsql sends to one database from this process (silos included) while the log is open, from
/// Npgsql's own tracing (the "Npgsql" ActivitySource): a count of what really went to the server, not of what a
/// wrapper chose to see.
/// </summary>
public sealed partial class StatementLog : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<string> statements = new();

    public StatementLog(string databaseName)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var tags = string.Join(" | ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                if (tags.Contains(databaseName, StringComparison.Ordinal) || activity.DisplayName.Contains(databaseName, StringComparison.Ordinal))
                {
                    statements.Enqueue(tags);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The statements so far that name the units or routing_rules table.</summary>
    public IReadOnlyList<string> OfReferenceTables => [.. statements.Where(s => ReferenceTable().IsMatch(s))];

    public int Count => statements.Count;

    public void Dispose() => listener.Dispose();

    [GeneratedRegex(@"\b(units|routing_rules)\b")]
    private static partial Regex ReferenceTable();
}
