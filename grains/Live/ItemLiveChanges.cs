using Dispatch.Scopes;
using System.Collections.Immutable;
using Dispatch.Stats;
using Dispatch.Sla;

namespace Dispatch.Live;

/// <summary>
/// The live-feed mapping shared by every kind of item: from the item as shown before and after a committed write, the
/// milestone its events reached, its alerts and its counter changes, what browsers should hear and where. Pure.
/// </summary>
public static class ItemLiveChanges
{
    /// <param name="before">The item as stored before the write; null for a new item.</param>
    /// <param name="milestone">The change kind the events name (concluded, completed...), or null.</param>
    public static LiveChange? From(
        LiveItem? before, LiveItem after, string? milestone, ImmutableArray<LiveAlert> alerts, IReadOnlyList<CounterChange> counters, DateTimeOffset at)
    {
        var change = Kind(before, after, milestone);
        var statsScopes = CounterDelta.ScopesOf(counters);
        if (change is null && alerts.IsEmpty && statsScopes.Count == 0)
        {
            return null;
        }
        return new LiveChange(after, change, Scopes(before, after), alerts, [.. statsScopes], at);
    }

    /// <summary>registered for a new item; else the milestone; else a change of the worst clock; else updated when the status moved.</summary>
    public static string? Kind(LiveItem? before, LiveItem after, string? milestone)
    {
        if (before is null)
        {
            return LiveChangeKinds.Registered;
        }
        return milestone
            ?? ClockKind(before.ClockState, after.ClockState)
            ?? (before.Status != after.Status ? LiveChangeKinds.Updated : null);
    }

    /// <summary>overdue, atRisk, or cleared when the worst clock left warning or overdue; null when nothing a list shows moved.</summary>
    public static string? ClockKind(string? before, string? after)
    {
        if (before == after)
        {
            return null;
        }
        return after switch
        {
            "overdue" => LiveChangeKinds.Overdue,
            "warning" => LiveChangeKinds.AtRisk,
            _ when before is "warning" or "overdue" => LiveChangeKinds.Cleared,
            _ => null,
        };
    }

    /// <summary>The city, the county, the item's unit, and the unit that just lost it (so its list drops it).</summary>
    public static ImmutableArray<string> Scopes(LiveItem? before, LiveItem after)
    {
        var scopes = StatsScope.KeysOf(after.CountyCode, after.UnitCode).ToList();
        if (before?.UnitCode is { } previous && previous != after.UnitCode)
        {
            scopes.Add(StatsScope.Unit(previous).Key);
        }
        return [.. scopes];
    }

    public static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? "." : ": " + note;

    /// <summary>The alert for a clock that ran out, worded alike for every kind of item.</summary>
    /// <param name="kindZh">The item kind in Chinese, e.g. 法律援助案件.</param>
    /// <param name="kindEn">The item kind in English, lower case, e.g. legal-aid case.</param>
    public static LiveAlert Overdue(string kindZh, string kindEn, string number, string name, string clockZh, string clockEn) =>
        new(LiveAlertKinds.Overdue,
            $"{kindZh} {number}（{name}）{clockZh}期限已超期。",
            $"{char.ToUpperInvariant(kindEn[0])}{kindEn[1..]} {number} ({name}): the {clockEn} deadline has passed.");

    /// <summary>The alert for a supervision order, automatic (cause overdue) or by a supervisor.</summary>
    public static LiveAlert SupervisionOrdered(string kindZh, string kindEn, string number, string name, string cause, string? note) =>
        new(LiveAlertKinds.Supervision,
            $"{kindZh} {number}（{name}）已督办（{(cause == "overdue" ? "超期自动督办" : "人工督办")}）{Suffix(note)}",
            $"Supervision order on {kindEn} {number} ({name}, {(cause == "overdue" ? "automatic, overdue" : "by a supervisor")}){Suffix(note)}");
}
