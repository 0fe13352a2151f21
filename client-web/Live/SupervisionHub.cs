using Dispatch.Stats;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// /hubs/supervision: a browser joins the scopes it may see, gets a snapshot at once, then statsChanged, itemChanged and
/// alert messages for them. After a reconnect it joins again and so re-reads the snapshot: nothing is lost for long.
/// Signing out (the session revoked) closes the connection.
/// </summary>
[Authorize]
public sealed class SupervisionHub(IGrainFactory grains, LiveGroups groups, LiveOutboxes outboxes, HubSessions sessions) : Hub
{
    /// <summary>Tracks the connection under its sign-in session, so signing out closes it.</summary>
    public override async Task OnConnectedAsync()
    {
        if (!await sessions.ConnectedAsync(Context))
        {
            Context.Abort();
            return;
        }
        outboxes.Opened(Context);
        await base.OnConnectedAsync();
    }

    public async Task Join(string scope)
    {
        var actor = Context.User!.ToActor();
        var stats = grains.GetGrain<IStatsGrain>(0);
        var watch = await stats.Watch(scope, actor);
        if (!watch.Succeeded)
        {
            throw Refused(watch.Error!);
        }
        var key = watch.Value!;
        // Join before reading the snapshot, so no change falls between the two.
        groups.Joined(Context.ConnectionId, key);
        var snapshot = await stats.LiveSnapshot(key, actor);
        if (!snapshot.Succeeded)
        {
            throw Refused(snapshot.Error!);
        }
        await Clients.Caller.SendAsync(LiveMessageNames.Snapshot, snapshot.Value);
    }

    public Task Leave(string scope)
    {
        groups.Left(Context.ConnectionId, scope ?? "");
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        groups.Disconnected(Context.ConnectionId);
        sessions.Disconnected(Context);
        outboxes.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The hub's error carries both languages; a client shows the one it needs.</summary>
    private static HubException Refused(DomainError error) =>
        new($"{error.MessageZh} {error.MessageEn} (scope must be city, county:<county code> or unit:<unit code> you may see)");
}
