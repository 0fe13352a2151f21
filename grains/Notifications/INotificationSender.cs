using Microsoft.Extensions.Logging;

namespace Dispatch.Notifications;

/// <summary>A message ready to leave the platform: its rendered text and the recipient's full address.</summary>
/// <param name="Id">The outbox row's id: the same on every attempt, so a gateway can drop a repeat (delivery is at least once).</param>
/// <param name="MaskedRecipient">The recipient as logs and errors may show it (138****5678, zh***@example.org).</param>
/// <param name="Text">An SMS's text or an e-mail's plain-text body, in Chinese.</param>
/// <param name="Subject">An e-mail's subject, in Chinese; null for an SMS.</param>
public sealed record OutgoingNotification(
    Guid Id, string Channel, string Template, string Recipient, string MaskedRecipient, string Text, string? Subject = null);

/// <summary>
/// Hands messages of one channel (SMS or e-mail) to a gateway. A city plugs its own in by registering an implementation
/// as a keyed singleton in the silo, <c>services.AddKeyedSingleton&lt;INotificationSender, CitySmsGateway&gt;("city-sms")</c>,
/// and choosing it with <c>Notifications:Sms:Sender = city-sms</c> (or <c>Notifications:Email:Sender</c>). The default
/// for both channels is <c>log</c>, <see cref="LoggingNotificationSender"/>.
/// </summary>
/// <remarks>
/// Return normally once the gateway accepted the message; throw to have it tried again later (the exception's type and
/// message are kept on the row with numbers masked, so keep personal data out of them). Never log the recipient or the
/// text. The same message can arrive twice after a crash between sending and marking: use <see cref="OutgoingNotification.Id"/>
/// to drop a repeat where the gateway allows.
/// </remarks>
public interface INotificationSender
{
    Task SendAsync(OutgoingNotification message, CancellationToken cancellationToken);
}

/// <summary>
/// The default sender: nothing leaves the platform; a log line records the message id, channel, template and the masked
/// recipient (never the number or address, never the text or subject).
/// </summary>
public sealed class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public const string Name = "log";

    public Task SendAsync(OutgoingNotification message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notification {MessageId} ({Channel}, {Template}) to {Recipient} logged, not sent (sender: log)",
            message.Id, message.Channel, message.Template, message.MaskedRecipient);
        return Task.CompletedTask;
    }
}
