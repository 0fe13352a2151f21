using System.Text.Json;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.PersonalData;

namespace Dispatch.Web.Items;

/// <summary>One change of an item, from the event log: who, when, what.</summary>
public sealed record HistoryEntry(int Version, string Type, JsonElement Data, HistoryActor Actor, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// History as this user may see it: internal comments (内部意见) only for the units, supervisors and administrators
    /// (<see cref="ItemNoteKinds.SeesInternal"/>); the personal data recorded in events is masked like the item's view,
    /// and for supervisors the free text is screened for the names the history records and for personal numbers.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> AsSeenBy(IReadOnlyList<HistoryEntry> history, Actor actor, PersonIdKey personIds)
    {
        var shown = ItemNoteKinds.SeesInternal(actor) ? history : [.. history.Where(entry => !IsInternalNote(entry))];
        var names = PersonalDataMasks.SeesNames(actor) ? [] : PersonalDataMasks.NamesIn(shown.Select(entry => entry.Data));
        return [.. shown.Select(entry => entry with { Data = PersonalDataMasks.Masked(entry.Data, actor, personIds, names) })];
    }

    private static bool IsInternalNote(HistoryEntry entry) =>
        entry.Type == ItemNoteKinds.NoteAddedEvent
        && (!entry.Data.TryGetProperty("kind", out var kind) || kind.GetString() != ItemNoteKinds.Progress);
}

public sealed record HistoryActor(string UserId, string Role, string? UnitCode, string? AreaCode);
