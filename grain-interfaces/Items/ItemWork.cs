using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Items;

/// <summary>
/// The unit's own work on any item (ticket, legal-aid case, visit): notes in the history and the member who works it
/// (承办人). None of it changes the item's status or clocks.
/// </summary>
[Alias("Dispatch.Items.IWorkedItem`1")]
public interface IWorkedItem<TView> : IGrainWithGuidKey
{
    /// <summary>办理进展 (the handling unit's staff) or 内部意见 (also supervisors in scope), recorded in the history.</summary>
    [Alias("AddNote")] Task<Outcome<TView>> AddNote(AddItemNote command, Actor actor, int? expectedVersion);

    /// <summary>承办人: take the item (no userId: the user who asks), or name an active member of the handling unit.</summary>
    [Alias("SetAssignee")] Task<Outcome<TView>> SetAssignee(AssignItem command, Actor actor, int? expectedVersion);

    /// <summary>Nobody works the item any more (the assignee, the unit head, a supervisor in scope or an administrator).</summary>
    [Alias("Unassign")] Task<Outcome<TView>> Unassign(Actor actor, int? expectedVersion);
}

/// <summary>A note on an item: kind progress (办理进展, the hotline reads it too) or internal (内部意见, unit and supervisors only).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Items.AddItemNote")]
public sealed record AddItemNote(
    [property: Id(0), ClosedSet(typeof(ItemNoteKinds), nameof(ItemNoteKinds.All))] string? Kind,
    [property: Id(1)] string? Note);

/// <summary>Who is to work the item: a user id of the handling unit; none means the user who asks (认领).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Items.AssignItem")]
public sealed record AssignItem([property: Id(0)] string? UserId);

/// <summary>The member of the handling unit who works the item (承办人), by account id and display name.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Items.ItemAssignee")]
public sealed record ItemAssignee([property: Id(0)] string UserId, [property: Id(1)] string Name);

/// <summary>The kinds of note, and who reads them.</summary>
public static class ItemNoteKinds
{
    /// <summary>办理进展: what the unit did; the hotline reads it when the caller asks.</summary>
    public const string Progress = "progress";

    /// <summary>内部意见: inside the unit and for its supervisors; never shown to the hotline.</summary>
    public const string Internal = "internal";

    public static IReadOnlyList<string> All { get; } = [Progress, Internal];

    /// <summary>The event type of a note in every item's event log (the history filters internal ones by it).</summary>
    public const string NoteAddedEvent = "note_added";

    /// <summary>Internal comments are read by the units, supervisors and administrators; the hotline's operators never.</summary>
    public static bool SeesInternal(Actor actor) => actor.Role is Roles.UnitStaff or Roles.Supervisor or Roles.Admin;
}

/// <summary>The routes of the unit's work on an item: POST /{id}/note, /{id}/assignee, /{id}/unassign.</summary>
public static class ItemWorkActions
{
    public const string Note = "note";
    public const string Assignee = "assignee";
    public const string Unassign = "unassign";
}
