using Dispatch.Items;
using Dispatch.PersonalData;

namespace Dispatch.Web.Items;

/// <summary>
/// The unit's own work on every item, the same routes for each kind: POST /{id}/note (办理进展 / 内部意见),
/// /{id}/assignee (认领 or 指定承办人) and /{id}/unassign. The grain decides who may; none of them moves a status or a clock.
/// </summary>
public static class ItemWorkEndpoints
{
    public static void MapWork<TGrain, TView>(this ItemEndpoints<TGrain, TView> items, RouteGroupBuilder group)
        where TGrain : IPersonalDataItem, IWorkedItem<TView>
    {
        items.MapAction(group, ItemWorkActions.Note,
            "Write a note: kind progress (办理进展, the handling unit; the hotline reads it in the history) or internal (内部意见, the unit " +
            "and supervisors in scope; left out of the history for operators); status and clocks stay",
            (AddItemNote b) => (g, a, v) => g.AddNote(b, a, v));
        items.MapAction(group, ItemWorkActions.Assignee,
            "Set the assignee (承办人): without userId the unit staff member who asks takes it (认领); with a userId the unit head, a " +
            "supervisor in scope or an administrator names an active staff member of the handling unit (else 400)",
            (AssignItem b) => (g, a, v) => g.SetAssignee(b, a, v));
        items.MapAction(group, ItemWorkActions.Unassign,
            "Remove the assignee (the assignee, the unit head, a supervisor in scope or an administrator); 409 when nobody is assigned",
            (g, a, v) => g.Unassign(a, v));
    }
}
