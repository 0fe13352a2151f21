using System.Text.Json;
using Dispatch.People;
using Dispatch.PersonalData;

namespace Dispatch.Web.Items;

/// <summary>One change of an item, from the event log: who, when, what.</summary>
public sealed record HistoryEntry(int Version, string Type, JsonElement Data, HistoryActor Actor, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// History as this user may see it: the personal data recorded in events is masked like the item's view, and for
    /// supervisors the free text is screened for the names the history records and for personal numbers.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> AsSeenBy(IReadOnlyList<HistoryEntry> history, Actor actor, PersonIdKey personIds)
    {
        var names = PersonalDataMasks.SeesNames(actor) ? [] : PersonalDataMasks.NamesIn(history.Select(entry => entry.Data));
        return [.. history.Select(entry => entry with { Data = PersonalDataMasks.Masked(entry.Data, actor, personIds, names) })];
    }
}

public sealed record HistoryActor(string UserId, string Role, string? UnitCode, string? AreaCode);
