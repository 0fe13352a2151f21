using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Web.Tickets;

/// <summary>
/// The ticket id is derived from the caller and the Idempotency-Key, so the same request always reaches the same
/// ticket actor, which registers it once however many copies arrive at the same moment.
/// </summary>
public static class TicketIds
{
    public const int MaxKeyLength = 200;

    public static Guid FromIdempotencyKey(string userId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("dispatch-12385/ticket\n" + userId + "\n" + key));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style: name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
