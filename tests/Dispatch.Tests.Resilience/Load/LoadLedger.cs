using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Tests.Resilience.Load;

/// <summary>One HTTP request of the load: when (from the start of the scenario), through which web app, its answer's status (0: no answer) and how long it took.</summary>
public sealed record Attempt(TimeSpan At, int Web, string Operation, int Status, TimeSpan Took)
{
    public override string ToString() =>
        $"+{At.TotalSeconds:0.0}s {Operation} through web-{Web + 1}: {(Status == 0 ? "no answer" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} after {Took.TotalSeconds:0.0}s";
}

/// <summary>A registration the system acknowledged (200 or 201) for an Idempotency-Key.</summary>
public sealed record AcknowledgedRegistration(string Key, Guid Id, string Number, int Version);

/// <summary>An action the system acknowledged (2xx), with the version it answered.</summary>
public sealed record AcknowledgedAction(Guid Id, string Action, int Version);

/// <summary>Everything the load did and was answered, and what the scenario did to the system, on one clock.</summary>
public sealed class LoadLedger
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Attempt> attempts = new();
    private readonly ConcurrentQueue<AcknowledgedRegistration> registrations = new();
    private readonly ConcurrentQueue<AcknowledgedAction> actions = new();
    private readonly ConcurrentQueue<string> unexpected = new();
    private readonly ConcurrentQueue<string> events = new();
    private int keysTried;
    private int abandoned;
    private int confirmedByRead;

    public TimeSpan Now => clock.Elapsed;

    public IReadOnlyList<Attempt> Attempts => [.. attempts];

    public IReadOnlyList<AcknowledgedRegistration> Registrations => [.. registrations];

    public IReadOnlyList<AcknowledgedAction> Actions => [.. actions];

    /// <summary>Answers the load did not expect (a 4xx other than the ones it knows, a 5xx), each described.</summary>
    public IReadOnlyList<string> Unexpected => [.. unexpected];

    /// <summary>What the scenario did, e.g. "+12.3s killed silo-1 (pid 4711)".</summary>
    public IReadOnlyList<string> Events => [.. events];

    /// <summary>Idempotency-Keys the load sent at least once.</summary>
    public int KeysTried => Volatile.Read(ref keysTried);

    /// <summary>Operations given up while the load was stopping, with no answer that said what happened.</summary>
    public int Abandoned => Volatile.Read(ref abandoned);

    /// <summary>Actions whose answer was lost (no answer, 503) and whose retry met 412: a read showed them done.</summary>
    public int ConfirmedByRead => Volatile.Read(ref confirmedByRead);

    public void Record(Attempt attempt) => attempts.Enqueue(attempt);

    public void Acknowledged(AcknowledgedRegistration registration) => registrations.Enqueue(registration);

    public void Acknowledged(AcknowledgedAction action) => actions.Enqueue(action);

    public void Unexplained(string what) => unexpected.Enqueue(what);

    public void KeyTried() => Interlocked.Increment(ref keysTried);

    public void GaveUp() => Interlocked.Increment(ref abandoned);

    public void DoneAsRead() => Interlocked.Increment(ref confirmedByRead);

    public void Mark(string what) => events.Enqueue($"+{Now.TotalSeconds:0.0}s {what}");
}
