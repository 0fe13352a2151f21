using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// The supervision hub's lifetime manager: SignalR's own, which also keeps each connection's
/// <see cref="HubConnectionContext"/> while it is open, so that an outbox can write a message that was serialised once
/// for all the connections it goes to (<see cref="LiveMessage.Serialized"/>) instead of once per connection.
/// </summary>
public sealed class LiveConnections(ILogger<DefaultHubLifetimeManager<SupervisionHub>> logger) : DefaultHubLifetimeManager<SupervisionHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> open = new(StringComparer.Ordinal);

    /// <summary>The open connection of this id on this instance, or null.</summary>
    public HubConnectionContext? Find(string connectionId) => open.GetValueOrDefault(connectionId);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        open[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        open.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }
}
