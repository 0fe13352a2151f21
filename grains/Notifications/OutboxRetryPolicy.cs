namespace Dispatch.Notifications;

/// <summary>What a failed attempt leads to: another attempt at a time, or the message given up as dead.</summary>
public sealed record AttemptOutcome(string Status, DateTimeOffset? NextAttemptAt);

/// <summary>
/// The retry rule of the outbox (pure): after the n-th failed attempt the message waits the n-th delay and is tried again;
/// after a failed attempt past the last delay it is dead (an administrator may retry it once more by hand).
/// </summary>
public sealed record OutboxRetryPolicy(IReadOnlyList<TimeSpan> Delays)
{
    public const string Sending = NotificationStatuses.Sending;
    public const string Sent = NotificationStatuses.Sent;
    public const string Failed = NotificationStatuses.Failed;
    public const string Dead = NotificationStatuses.Dead;

    /// <summary>1 min, 5 min, 30 min, 2 h: five attempts in all over about two and a half hours.</summary>
    public static readonly OutboxRetryPolicy Default = new([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);

    /// <summary>Attempts in all before a message is dead.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    public AttemptOutcome AfterFailure(int attempts, DateTimeOffset now) =>
        Math.Max(attempts, 1) is var made && made >= MaxAttempts
            ? new(Dead, null)
            : new(Failed, now + Delays[made - 1]);
}
