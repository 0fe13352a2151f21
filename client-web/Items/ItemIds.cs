using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Web.Items;

/// <summary>
/// An item's id derived from who asks and their Idempotency-Key, so the same request always reaches the same actor,
/// which opens the item once however many copies arrive at the same moment.
/// </summary>
public static class ItemIds
{
    public const int MaxKeyLength = 200;

    public static Guid FromKey(string kind, string userId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("dispatch-12385/" + kind + "\n" + userId + "\n" + key));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style: name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>True when the header is present and not too long; the caller answers 400 otherwise.</summary>
    public static bool IsUsable(string? key) => !string.IsNullOrWhiteSpace(key) && key.Length <= MaxKeyLength;
}
