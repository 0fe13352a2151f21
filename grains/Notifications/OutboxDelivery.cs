using Dispatch.PersonalData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Notifications;

/// <summary>
/// One delivery pass over the outbox: claims the due messages, renders each from its template, hands it to its channel's
/// sender and marks it sent, or failed with the next attempt time, or dead (<see cref="OutboxRetryPolicy"/>). Every time
/// is the <see cref="TimeProvider"/>'s.
/// </summary>
public sealed class OutboxDelivery(
    OutboxStore store, NotificationTemplates templates, NotificationSettings settings, IServiceProvider services,
    NotificationMetrics metrics, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    /// <summary>The longest error text kept on a row.</summary>
    public const int MaxErrorLength = 500;

    /// <summary>Fails at start when a channel's configured sender is not registered.</summary>
    public void CheckSenders()
    {
        foreach (var channel in NotificationChannels.All)
        {
            _ = Sender(channel);
        }
    }

    /// <summary>Delivers one batch of due messages; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimAsync(time.GetUtcNow(), settings.BatchSize, settings.Lease, cancellationToken);
        foreach (var message in claimed)
        {
            await DeliverAsync(message, cancellationToken);
        }
        return claimed.Count;
    }

    private async Task DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var masked = NotificationChannels.MaskRecipient(message.Channel, message.Recipient);
        string status;
        try
        {
            var text = templates.Render(message.Template, message.Placeholders);
            var subject = templates.RenderSubject(message.Template, message.Placeholders);
            await Sender(message.Channel).SendAsync(
                new OutgoingNotification(message.Id, message.Channel, message.Template, message.Recipient, masked, text, subject), cancellationToken);
            status = await store.MarkSentAsync(message, time.GetUtcNow(), cancellationToken) ? OutboxRetryPolicy.Sent : OutboxRetryPolicy.Sending;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var outcome = settings.Retry.AfterFailure(message.Attempt, time.GetUtcNow());
            var error = Error(ex, message.Recipient, masked);
            status = await store.MarkFailedAsync(message, outcome, error, time.GetUtcNow(), cancellationToken) ? outcome.Status : OutboxRetryPolicy.Sending;
            logger.LogWarning("Notification {MessageId} ({Channel}, {Template}) to {Recipient}: attempt {Attempt} failed ({Error}); {Status}",
                message.Id, message.Channel, message.Template, masked, message.Attempt, error, outcome.Status);
        }
        metrics.Recorded(status, message.Channel, message.Template);
    }

    private INotificationSender Sender(string channel)
    {
        var name = settings.SenderFor(channel);
        return services.GetKeyedService<INotificationSender>(name)
            ?? throw new InvalidOperationException(
                $"Notifications: no sender '{name}' is registered for {channel} (register an INotificationSender keyed '{name}', or set Notifications:{(channel == NotificationChannels.Email ? "Email" : "Sms")}:Sender to 'log').");
    }

    /// <summary>The failure as kept on the row: its type and message, the recipient and numbers masked, cut to <see cref="MaxErrorLength"/>.</summary>
    public static string Error(Exception ex, string recipient, string masked)
    {
        var text = FreeText.Screen((ex.GetType().Name + ": " + ex.Message).Replace(recipient, masked, StringComparison.Ordinal));
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}

/// <summary>The silo's sender loop: a delivery pass every poll interval, and at once again after a full batch.</summary>
public sealed class OutboxSender(OutboxDelivery delivery, NotificationSettings settings, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await delivery.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away for a moment: the messages stay in the outbox, the next pass takes them.
                logger.LogWarning("Notification outbox pass failed ({Error}); trying again in {Interval}", ex.GetType().Name, settings.PollInterval);
                claimed = 0;
            }
            if (claimed < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>The notification services of a silo: templates (checked at start), senders, the outbox and its loop.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, NotificationSettings settings, NotificationTemplates templates)
    {
        services.AddSingleton(settings);
        services.AddSingleton(templates);
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxDelivery>();
        services.AddKeyedSingleton<INotificationSender, LoggingNotificationSender>(LoggingNotificationSender.Name);
        if (settings.Enabled)
        {
            services.AddHostedService<OutboxSender>();
        }
        return services;
    }
}
