using Dispatch.Scopes;
using Dispatch.People;

namespace Dispatch.Stats;

/// <summary>What one item adds to the counters: 1 to each cell, in each of its scopes.</summary>
public sealed record StatsContribution(string ItemType, Guid Id, IReadOnlyList<string> Scopes, IReadOnlyList<CounterCell> Cells)
{
    public static StatsContribution Of(TicketStatsRow row) =>
        new(ItemTypes.Ticket, row.Id, StatsScope.KeysOf(row.CountyCode, row.UnitCode), [.. TicketTallies.Of(row)]);

    public static StatsContribution Of(LegalAidStatsRow row) =>
        new(ItemTypes.LegalAidCase, row.Id, StatsScope.KeysOf(row.CountyCode, row.StationCode), [.. LegalAidTallies.Of(row)]);

    public static StatsContribution Of(RehabStatsRow row) =>
        new(ItemTypes.RehabVisit, row.Id, StatsScope.KeysOf(row.CountyCode, row.ProviderCode), [.. RehabTallies.Of(row)]);
}

/// <summary>A change to one counter row.</summary>
public readonly record struct CounterChange(string ItemType, string Scope, string Period, DateOnly Start, string Measure, long Delta);

/// <summary>
/// The counter changes between an item's contribution before and after a write: constant work per write, whatever
/// the number of items. Changes come out in primary-key order, so a write's changes read (and compare) the same every time.
/// </summary>
public static class CounterDelta
{
    public static IReadOnlyList<CounterChange> Between(StatsContribution? before, StatsContribution? after)
    {
        var item = after ?? before;
        if (item is null)
        {
            return [];
        }
        if (before is not null && after is not null && (before.ItemType != after.ItemType || before.Id != after.Id))
        {
            throw new ArgumentException("Before and after must describe the same item.", nameof(after));
        }
        var deltas = new Dictionary<(string Scope, CounterCell Cell), long>();
        Add(deltas, after, +1);
        Add(deltas, before, -1);
        return [.. deltas.Where(d => d.Value != 0)
            .Select(d => new CounterChange(item.ItemType, d.Key.Scope, d.Key.Cell.Period, d.Key.Cell.Start, d.Key.Cell.Measure, d.Value))
            .OrderBy(c => c.Scope, StringComparer.Ordinal)
            .ThenBy(c => c.Period, StringComparer.Ordinal)
            .ThenBy(c => c.Start)
            .ThenBy(c => c.Measure, StringComparer.Ordinal)];
    }

    /// <summary>The scopes whose counters a change moved.</summary>
    public static IReadOnlyList<string> ScopesOf(IReadOnlyList<CounterChange> changes) => [.. changes.Select(c => c.Scope).Distinct()];

    private static void Add(Dictionary<(string, CounterCell), long> deltas, StatsContribution? contribution, int sign)
    {
        if (contribution is null)
        {
            return;
        }
        foreach (var scope in contribution.Scopes)
        {
            foreach (var cell in contribution.Cells)
            {
                deltas[(scope, cell)] = deltas.GetValueOrDefault((scope, cell)) + sign;
            }
        }
    }
}
