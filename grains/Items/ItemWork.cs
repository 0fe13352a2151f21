using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Scopes;

namespace Dispatch.Items;

/// <summary>Who the actor is to one item, for the unit's own work on it (notes, 承办人).</summary>
/// <param name="Staff">Unit staff of the unit handling the item now.</param>
/// <param name="Head">The head (负责人) of that unit.</param>
/// <param name="Supervisor">A supervisor whose scope covers the item's county, or an administrator.</param>
public sealed record ItemWorker(
    bool Visible, string? UnitCode, string UserId, bool Staff, bool Head, bool Supervisor, bool Admin, ItemAssignee? Assignee)
{
    public static ItemWorker Of(Actor actor, bool visible, string? unitCode, string? countyCode, ItemAssignee? assignee)
    {
        var scope = ActorScope.Of(actor);
        var staff = !string.IsNullOrEmpty(unitCode) && scope.IsStaffOf(unitCode);
        var admin = actor.Role == Roles.Admin;
        return new(visible, string.IsNullOrEmpty(unitCode) ? null : unitCode, actor.UserId, staff, staff && actor.UnitHead,
            admin || scope.SupervisesCounty(countyCode), admin, assignee);
    }
}

/// <summary>
/// The rules of the unit's own work on any item: a note (办理进展 / 内部意见) and the member who works it (承办人). Each
/// item turns the decision into its own event. Pure: no I/O, no clock; nothing here moves a status or a clock.
/// </summary>
public static class ItemWork
{
    /// <summary>A progress note by the handling unit's staff; an internal comment also by a supervisor in scope.</summary>
    public static Change<TEvent> Note<TEvent>(ItemVocabulary words, ItemWorker who, AddItemNote command, Func<string, string, TEvent> noted)
    {
        if (!who.Visible)
        {
            return ActionGate.NotFound(words);
        }
        if (!(who.Staff || who.Admin || who.Supervisor))
        {
            return DomainError.Forbidden($"只有承办单位人员可以为该{words.Name.Zh}填写办理进展或内部意见。",
                $"Only the handling unit's staff may write notes on this {words.Name.En}.");
        }
        if (TextRules.Invalid(
                TextRules.Choice("kind", command.Kind, new HashSet<string>(ItemNoteKinds.All), "记录类型", "note kind"),
                TextRules.Check("note", command.Note, TextLimits.LongText, true, "记录内容", "note")) is { } invalid)
        {
            return invalid;
        }
        if (command.Kind == ItemNoteKinds.Progress && !(who.Staff || who.Admin))
        {
            return DomainError.Forbidden("办理进展由承办单位填写；督办人员可填写内部意见。",
                "Progress notes are written by the handling unit; a supervisor may write an internal comment.");
        }
        return Change<TEvent>.Of(noted(command.Kind!, command.Note!.Trim()));
    }

    /// <summary>
    /// 认领 (no userId, or one's own): staff of the handling unit. 指定承办人: the unit head, a supervisor in scope or an
    /// administrator, naming an active member of the handling unit. The same assignee again changes nothing.
    /// </summary>
    /// <param name="member">The named (or asking) account as the identity tables hold it; null when there is none.</param>
    public static Change<TEvent> Assign<TEvent>(ItemVocabulary words, ItemWorker who, AssignItem command, UnitMember? member, Func<ItemAssignee, TEvent> assigned)
    {
        if (!who.Visible)
        {
            return ActionGate.NotFound(words);
        }
        if (who.UnitCode is null)
        {
            return NoUnit(words);
        }
        var taking = string.IsNullOrWhiteSpace(command.UserId) || command.UserId.Trim() == who.UserId;
        if (taking ? !who.Staff : !(who.Head || who.Supervisor))
        {
            return taking
                ? DomainError.Forbidden($"只有承办单位人员可以认领该{words.Name.Zh}。", $"Only staff of the handling unit may take this {words.Name.En}.")
                : DomainError.Forbidden("只有单位负责人、督办人员或管理员可以指定承办人。",
                    "Only the unit head, a supervisor or an administrator may name the assignee.");
        }
        if (member is not { Active: true, Role: Roles.UnitStaff } || !string.Equals(member.UnitCode, who.UnitCode, StringComparison.OrdinalIgnoreCase))
        {
            return DomainError.Validation(new FieldError("userId", "not_unit_member",
                $"承办人须为承办单位（{who.UnitCode}）的在岗人员。", $"The assignee must be an active staff member of the handling unit ({who.UnitCode})."));
        }
        if (who.Assignee?.UserId == member.UserId)
        {
            return new Change<TEvent>([], null);
        }
        return Change<TEvent>.Of(assigned(new ItemAssignee(member.UserId, member.Name)));
    }

    /// <summary>取消承办人: the assignee, the unit head, a supervisor in scope or an administrator.</summary>
    public static Change<TEvent> Unassign<TEvent>(ItemVocabulary words, ItemWorker who, Func<ItemAssignee, TEvent> unassigned)
    {
        if (!who.Visible)
        {
            return ActionGate.NotFound(words);
        }
        if (who.Assignee is not { } assignee)
        {
            return DomainError.Conflict("not_assigned", $"该{words.Name.Zh}尚未指定承办人。", $"Nobody is assigned to this {words.Name.En}.");
        }
        if (!(who.Staff && assignee.UserId == who.UserId || who.Head || who.Supervisor))
        {
            return DomainError.Forbidden("只有承办人本人、单位负责人、督办人员或管理员可以取消承办人。",
                "Only the assignee, the unit head, a supervisor or an administrator may remove the assignee.");
        }
        return Change<TEvent>.Of(unassigned(assignee));
    }

    /// <summary>The assignee of the next state: kept while the item stays with its unit, gone when it leaves it.</summary>
    public static ItemAssignee? Kept(ItemAssignee? assignee, string? unitBefore, string? unitAfter) =>
        string.Equals(unitBefore, unitAfter, StringComparison.Ordinal) ? assignee : null;

    private static DomainError NoUnit(ItemVocabulary words) => DomainError.Conflict("no_handling_unit",
        $"该{words.Name.Zh}尚未派给承办单位，不能指定承办人。", $"The {words.Name.En} has no handling unit yet; nobody can be assigned.");
}
