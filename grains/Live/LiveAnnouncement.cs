using Microsoft.Extensions.Logging;

namespace Dispatch.Live;

/// <summary>How an item grain tells its silo's feed about a committed change: one-way, so a lost announcement costs a browser a refresh, never the write.</summary>
public static class LiveAnnouncement
{
    public static void Send(IGrainFactory grains, LiveChange? change, ILogger logger)
    {
        if (change is null)
        {
            return;
        }
        try
        {
            _ = grains.GetGrain<ILiveFeedGrain>(0).Publish(change);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Announcing a change of {ItemType} {Id} failed", change.Item.ItemType, change.Item.Id);
        }
    }
}
