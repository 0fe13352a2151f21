using System.Security.Cryptography;
using System.Text;

namespace Dispatch.People;

/// <summary>
/// Makes the opaque person id (一人一档 key) that the API and the read models carry: "p_" and 26 base32 characters of
/// HMAC-SHA256(installation key, person key). The person key is "id:&lt;resident ID&gt;" or "phone:&lt;number&gt;"; it never
/// leaves the silo and the event log. The same person always gets the same id, and without the key the id cannot be
/// traced back by trying every ID or phone number. Silo and web share it, so it lives with the contracts.
/// </summary>
public sealed class PersonIdKey
{
    public const string Prefix = "p_";
    private const int Characters = 26;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly byte[] key;

    public PersonIdKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The person id key must have at least 16 bytes.", nameof(key));
        }
        this.key = [.. key];
    }

    /// <summary>True for a raw person key (id:..., phone:...) that still has to be made opaque.</summary>
    public static bool IsRaw(string? personId) =>
        personId is not null && (personId.StartsWith("id:", StringComparison.Ordinal) || personId.StartsWith("phone:", StringComparison.Ordinal));

    /// <summary>The opaque id of a person key; an id that is already opaque (or empty) stays as it is.</summary>
    public string Opaque(string personId)
    {
        if (!IsRaw(personId))
        {
            return personId;
        }
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(personId));
        return Prefix + Base32(hash, Characters);
    }

    /// <summary>The opaque id of the person with this resident ID (upper-case X) or, without one, this normalised phone.</summary>
    public string Of(string? residentId, string? phone) =>
        Opaque(string.IsNullOrWhiteSpace(residentId) ? "phone:" + phone : "id:" + residentId);

    private static string Base32(byte[] bytes, int length)
    {
        var text = new StringBuilder(length);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && text.Length < length)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
            buffer &= (1 << bits) - 1;
        }
        return text.ToString();
    }
}
