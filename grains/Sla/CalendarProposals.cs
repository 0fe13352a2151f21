using System.Collections.Concurrent;
using Dispatch.Calendar;
using Dispatch.Identity;

namespace Dispatch.Sla;

/// <summary>
/// Turns a proposed calendar change into the calendar history it would give, once per silo for all the items a preview
/// asks (keyed by the proposal and the history it starts from). An invalid proposal changes nothing.
/// </summary>
public static class CalendarProposals
{
    private const int Kept = 8;
    private static readonly ConcurrentDictionary<(Guid, long), CalendarHistory> Built = new();

    public static CalendarHistory Apply(CalendarHistory current, CalendarProposal proposal)
    {
        if (Built.Count > Kept)
        {
            Built.Clear();
        }
        return Built.GetOrAdd((proposal.Id, current.Version), _ => ToChange(proposal) is { } change ? current.With(change) : current);
    }

    /// <summary>The change a proposal describes, as it would be recorded (sequence not yet known), or null when invalid.</summary>
    public static CalendarChange? ToChange(CalendarProposal proposal, Actor? actor = null, string? reason = null)
    {
        var change = new CalendarChange(0, proposal.At, actor?.UserId ?? Actor.Platform.UserId, actor?.Role ?? Roles.System,
            reason ?? "preview");
        if (proposal is { Year: { } year, YearDraft: { } draft })
        {
            var published = CalendarDraftRules.Year(year, draft);
            return published.Succeeded ? change with { Year = published.Value } : null;
        }
        if (proposal.Closure is { } closure && DateOnly.TryParseExact(closure.Date?.Trim(), "yyyy-MM-dd", out var date)
            && !string.IsNullOrWhiteSpace(closure.CountyCode))
        {
            return change with { Closure = new CountyClosure(proposal.Id, closure.CountyCode.Trim(), date, closure.Reason ?? "") };
        }
        return null;
    }
}
