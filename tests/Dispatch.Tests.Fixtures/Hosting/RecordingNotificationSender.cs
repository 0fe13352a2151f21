using System.Collections.Concurrent;
using Dispatch.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>
/// A notification sender for tests, plugged in the way a city plugs its gateway in (a keyed INotificationSender chosen by
/// Notifications:Sms:Sender): it records every message it is handed, and fails every attempt for the recipients in
/// <see cref="FailFor"/>, as a gateway that refuses them would.
/// </summary>
public sealed class RecordingNotificationSender : INotificationSender
{
    public const string Name = "recording";

    private readonly ConcurrentQueue<OutgoingNotification> sent = new();

    public IReadOnlyCollection<OutgoingNotification> Sent => sent;

    public ConcurrentDictionary<string, bool> FailFor { get; } = new();

    public Task SendAsync(OutgoingNotification message, CancellationToken cancellationToken)
    {
        if (FailFor.ContainsKey(message.Recipient))
        {
            throw new HttpRequestException($"gateway refused the message to {message.Recipient} (test)");
        }
        sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes this the silo's SMS and e-mail sender, polled often and retried after a second, twice in all, so a test sees
    /// a message sent, failed and dead within seconds.
    /// </summary>
    public void PlugInto(HostApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Sms:Sender"] = Name,
            ["Notifications:Email:Sender"] = Name,
            ["Notifications:PollInterval"] = "00:00:00.200",
            ["Notifications:RetryDelays:0"] = "00:00:01",
        });
        builder.Services.AddKeyedSingleton<INotificationSender>(Name, this);
    }
}
