using System.Collections.Immutable;
using Dispatch.Errors;

namespace Dispatch.Items;

/// <summary>
/// The gate every item action passes, in order: an item the user may not see does not exist (404); an action its
/// state does not allow is a conflict naming the status and what is allowed (409); a role that may not do it is 403.
/// </summary>
public static class ActionGate
{
    /// <param name="suspended">The item is suspended (挂起): its status is named so in the conflict.</param>
    public static DomainError? Check(
        ItemVocabulary words, bool visible, string status, ImmutableArray<string> allowed, string action, bool roleAllowed, bool suspended = false)
    {
        if (!visible)
        {
            return NotFound(words);
        }
        if (!allowed.Contains(action))
        {
            return NotAllowedNow(words, status, allowed, action, suspended);
        }
        return roleAllowed
            ? null
            : DomainError.Forbidden($"您的角色无权对该{words.Name.Zh}执行“{words.ActionZh(action)}”。", $"Your role may not '{action}' this {words.Name.En}.");
    }

    /// <summary>The item does not exist, or not for this user: the two look the same.</summary>
    public static DomainError NotFound(ItemVocabulary words) => DomainError.NotFound(Capitalised(words.Name.En), words.Name.Zh);

    public static DomainError NotAllowedNow(ItemVocabulary words, string status, ImmutableArray<string> allowed, string action, bool suspended = false) =>
        Conflict(words, status, allowed, "action_not_allowed",
            $"{words.Name.Zh}当前状态为“{(suspended ? "挂起·" : "")}{words.StatusZh(status)}”，不能{words.ActionZh(action)}。当前可执行：{AllowedZh(words, allowed)}。",
            $"The {words.Name.En} is {status}{(suspended ? " (suspended)" : "")}; '{action}' is not allowed now. Allowed: {AllowedEn(allowed)}.");

    /// <summary>A 409 that carries the item's status and allowed actions, so a client can offer what is possible.</summary>
    public static DomainError Conflict(ItemVocabulary words, string status, ImmutableArray<string> allowed, string code, string zh, string en) =>
        DomainError.Conflict(code, zh, en) with { CurrentStatus = status, AllowedActions = allowed };

    private static string AllowedZh(ItemVocabulary words, ImmutableArray<string> allowed) =>
        allowed.IsEmpty ? "无" : string.Join("、", allowed.Select(words.ActionZh));

    private static string AllowedEn(ImmutableArray<string> allowed) => allowed.IsEmpty ? "nothing" : string.Join(", ", allowed);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
