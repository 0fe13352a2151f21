using Dispatch.Web.Items;

namespace Dispatch.Web.Tickets;

/// <summary>
/// The ticket id is derived from the caller and the Idempotency-Key, so the same request always reaches the same
/// ticket actor, which registers it once however many copies arrive at the same moment.
/// </summary>
public static class TicketIds
{
    public const int MaxKeyLength = ItemIds.MaxKeyLength;

    public static Guid FromIdempotencyKey(string userId, string key) => ItemIds.FromKey("ticket", userId, key);
}
