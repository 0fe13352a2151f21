using Dispatch.Units;

namespace Dispatch.Routing;

/// <summary>A unit chosen to take an item, and why when there was a choice (null when one unit serves the area).</summary>
public sealed record UnitPick(UnitInfo Unit, RoutingChoice? Why);

/// <summary>
/// Picks the unit of a kind that takes an item in an area. One active unit: that one, with no database read. Several:
/// the unit staff's own when the one asking is staff of one of them; otherwise <see cref="FairRouting"/> over their open
/// work, read from the read models at that moment.
/// </summary>
/// <remarks>
/// Two choices made at the same instant on different silos read the same loads and may pick the same unit; the next
/// choice sees both items, so the spread stays within one item per concurrent choice.
/// </remarks>
public sealed class UnitPicker(UnitDirectory units, OpenWorkTable openWork)
{
    /// <param name="ownUnit">The unit of the staff member asking, if any.</param>
    public async Task<UnitPick?> PickAsync(string areaCode, string kind, string? ownUnit = null)
    {
        var candidates = units.Candidates(areaCode, kind);
        switch (candidates)
        {
            case []:
                return null;
            case [var only]:
                return new UnitPick(only, null);
        }
        if (candidates.FirstOrDefault(u => u.Code == ownUnit) is { } own)
        {
            return new UnitPick(own, null);
        }
        var work = await openWork.ReadAsync([.. candidates.Select(u => u.Code)]);
        var (unit, why) = FairRouting.Choose(candidates, work);
        return new UnitPick(unit, why);
    }
}
