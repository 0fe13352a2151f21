using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dispatch.Identity;
using Dispatch.EventSourcing;

namespace Dispatch.Items;

/// <summary>
/// What an idempotent opening request was: who sent it, from which ticket, with which content. The same key with the
/// same fingerprint returns the existing item; with another fingerprint it is a reused key (409).
/// </summary>
public static class OpeningFingerprint
{
    public static string Of<TRequest>(Actor actor, Guid? ticketId, TRequest request) => Hash(actor.UserId + "\n" + ticketId + "\n", request);

    /// <summary>The fingerprint of an opening that never comes from a ticket (a ticket's own registration).</summary>
    public static string Of<TRequest>(Actor actor, TRequest request) => Hash(actor.UserId + "\n", request);

    private static string Hash<TRequest>(string who, TRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(who + JsonSerializer.Serialize(request, EventJson.Options))));
}
