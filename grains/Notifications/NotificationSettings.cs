using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Notifications;

/// <summary>
/// How the silo sends notifications (configuration section <c>Notifications</c>): the sender per channel
/// (<c>Sms:Sender</c>, <c>Email:Sender</c>, default <c>log</c>), how often due messages are looked for
/// (<c>PollInterval</c>), how many one claim takes (<c>BatchSize</c>), how long a claim holds a message before another
/// silo may take it (<c>Lease</c>), the waits after each failed attempt (<c>RetryDelays</c>) and whether the silo sends at
/// all (<c>Enabled</c>).
/// </summary>
public sealed record NotificationSettings(
    bool Enabled, string SmsSender, string EmailSender, TimeSpan PollInterval, int BatchSize, TimeSpan Lease, OutboxRetryPolicy Retry)
{
    public const string Section = "Notifications";

    public static readonly NotificationSettings Default = new(
        true, LoggingNotificationSender.Name, LoggingNotificationSender.Name, TimeSpan.FromSeconds(5), 50, TimeSpan.FromMinutes(2), OutboxRetryPolicy.Default);

    /// <summary>The sender named for a channel.</summary>
    public string SenderFor(string channel) => channel == NotificationChannels.Email ? EmailSender : SmsSender;

    public static NotificationSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var delays = section.GetSection("RetryDelays").GetChildren().Select(c => Duration(c.Value, c.Path)).ToList();
        var settings = new NotificationSettings(
            section.GetValue("Enabled", Default.Enabled),
            section["Sms:Sender"] ?? Default.SmsSender,
            section["Email:Sender"] ?? Default.EmailSender,
            section["PollInterval"] is { } poll ? Duration(poll, "Notifications:PollInterval") : Default.PollInterval,
            section.GetValue("BatchSize", Default.BatchSize),
            section["Lease"] is { } lease ? Duration(lease, "Notifications:Lease") : Default.Lease,
            delays.Count == 0 ? Default.Retry : new OutboxRetryPolicy(delays));
        if (settings.BatchSize is < 1 or > 1000)
        {
            throw new InvalidOperationException("Notifications:BatchSize must be 1 to 1000.");
        }
        return settings;
    }

    private static TimeSpan Duration(string? text, string name) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"{name} must be a positive time span (hh:mm:ss), not '{text}'.");
}
