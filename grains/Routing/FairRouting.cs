using System.Collections.Immutable;
using Dispatch.Units;

namespace Dispatch.Routing;

/// <summary>A unit's open items as the read models count them: its tickets by urgency, its visits and its legal-aid cases.</summary>
public sealed record OpenWork(int UrgentTickets, int OtherTickets, int Visits, int Cases)
{
    public static readonly OpenWork None = new(0, 0, 0, 0);

    /// <summary>
    /// An urgent ticket must be handled within one working day, a normal one within three to ten (five for a request for
    /// help, the commonest at a provider): it asks about three times as much of the unit's day. A visit (one worker's
    /// trip) and a legal-aid case weigh as a normal ticket.
    /// </summary>
    public const int UrgentTicketWeight = 3;

    /// <summary>The open items weighted by urgency.</summary>
    public int Load => UrgentTicketWeight * UrgentTickets + OtherTickets + Visits + Cases;
}

/// <summary>One unit that could have taken an item, as the choice saw it: its share and its weighted open load.</summary>
public sealed record RoutingCandidate(string UnitCode, int Share, int Load);

/// <summary>Why a unit was chosen among several of its kind serving the area: the rule and every candidate as seen.</summary>
/// <param name="Rule"><see cref="FairRouting.LeastLoaded"/> when every candidate has the same share, else <see cref="FairRouting.ByShare"/>.</param>
public sealed record RoutingChoice(string Rule, ImmutableList<RoutingCandidate> Candidates);

/// <summary>
/// Chooses among several active units of one kind serving an area: the one carrying the least load per unit of its
/// configured share (with equal shares: the least-loaded one; with shares 3 and 1 the first is kept at three times the
/// second's load). Ties go to the first by code, so the same loads always give the same unit.
/// </summary>
public static class FairRouting
{
    public const string LeastLoaded = "least_loaded";
    public const string ByShare = "share";

    /// <param name="candidates">The candidates, first by code; at least one.</param>
    /// <param name="work">Open work by unit code; a unit missing has none.</param>
    public static (UnitInfo Unit, RoutingChoice Why) Choose(IReadOnlyList<UnitInfo> candidates, IReadOnlyDictionary<string, OpenWork> work)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        var seen = candidates.Select(u => new RoutingCandidate(u.Code, Math.Max(1, u.Share), work.GetValueOrDefault(u.Code, OpenWork.None).Load)).ToList();
        var best = 0;
        for (var i = 1; i < seen.Count; i++)
        {
            if (Lighter(seen[i], seen[best]))
            {
                best = i;
            }
        }
        var rule = seen.All(c => c.Share == seen[0].Share) ? LeastLoaded : ByShare;
        return (candidates[best], new RoutingChoice(rule, [.. seen]));
    }

    /// <summary>a.Load / a.Share &lt; b.Load / b.Share, in integers.</summary>
    private static bool Lighter(RoutingCandidate a, RoutingCandidate b) => (long)a.Load * b.Share < (long)b.Load * a.Share;
}
