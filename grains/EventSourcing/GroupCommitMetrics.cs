using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dispatch.EventSourcing;

/// <summary>
/// The group commit's figures (meter <c>Dispatch.GroupCommit</c>): writers (grain commits) and statements per transaction
/// sent, and each transaction's round trip. No tags: one series each, recorded once per transaction, not per writer.
/// </summary>
public sealed class GroupCommitMetrics
{
    public const string MeterName = "Dispatch.GroupCommit";

    private readonly Histogram<int> writers;
    private readonly Histogram<int> statements;
    private readonly Histogram<double> latency;

    public GroupCommitMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        writers = meter.CreateHistogram<int>("dispatch.group_commit.writers", "{writer}", "Grain commits gathered in one transaction",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        statements = meter.CreateHistogram<int>("dispatch.group_commit.statements", "{statement}", "Statements sent in one transaction",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [5, 10, 25, 50, 100, 250, 500, 1000] });
        latency = meter.CreateHistogram<double>("dispatch.group_commit.duration", "s", "One transaction's round trip, from sending to durable",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
    }

    /// <summary>Records one transaction that was sent (committed or not).</summary>
    public void Sent(int writerCount, int statementCount, long startedTimestamp)
    {
        writers.Record(writerCount);
        statements.Record(statementCount);
        latency.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
    }
}
