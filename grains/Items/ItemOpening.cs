using Dispatch.Errors;

namespace Dispatch.Items;

/// <summary>What every opening (register a ticket, open a case, request a visit) shares.</summary>
public static class ItemOpening
{
    /// <summary>
    /// An opening sent again with the same Idempotency-Key: the same content returns the item as it is (200); other
    /// content is a reused key (409), and nothing changes.
    /// </summary>
    public static Outcome<TOpening> Repeat<TOpening>(ItemVocabulary words, string? storedFingerprint, string fingerprint, Func<TOpening> existing) =>
        storedFingerprint == fingerprint
            ? Outcome<TOpening>.Success(existing())
            : DomainError.Conflict("idempotency_key_reused", $"该幂等键已用于另一份内容不同的{words.Name.Zh}。",
                $"This Idempotency-Key was already used for a {words.Name.En} with different content.");

    /// <summary>Who may open an item at all: operators, administrators and unit staff (each item narrows the unit further).</summary>
    public static bool IsOpener(Identity.Actor actor) => actor.Role is Identity.Roles.Operator or Identity.Roles.Admin or Identity.Roles.UnitStaff;
}
