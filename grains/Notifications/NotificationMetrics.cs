using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dispatch.Notifications;

/// <summary>
/// The outbox's figures (meter <c>Dispatch.Notifications</c>): messages sent, attempts failed (to be tried again) and
/// messages given up as dead, tagged by channel and template only: no recipient, no item.
/// </summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "Dispatch.Notifications";

    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> dead;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        sent = meter.CreateCounter<long>("dispatch.notifications.sent", "{message}", "Outgoing messages handed to their channel's sender");
        failed = meter.CreateCounter<long>("dispatch.notifications.failed", "{message}", "Failed attempts that will be tried again");
        dead = meter.CreateCounter<long>("dispatch.notifications.dead", "{message}", "Messages given up after their last attempt");
    }

    public void Recorded(string status, string channel, string template)
    {
        var counter = status switch
        {
            OutboxRetryPolicy.Sent => sent,
            OutboxRetryPolicy.Failed => failed,
            OutboxRetryPolicy.Dead => dead,
            _ => null,
        };
        counter?.Add(1, new TagList { { "channel", channel }, { "template", template } });
    }
}
