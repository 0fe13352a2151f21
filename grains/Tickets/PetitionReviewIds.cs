using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Tickets;

/// <summary>
/// The id of the review (or re-review) of one item: derived from the item and the stage, so that a request repeated
/// after a failure finds the review it already opened instead of opening a second one.
/// </summary>
public static class PetitionReviewIds
{
    public static Guid Of(Guid reviewedId, string stage)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"petition-review:{reviewedId:N}:{stage}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) with the RFC variant, so the id reads as a well-formed UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
