using System.Collections.Immutable;

namespace Dispatch.LegalAid;

/// <summary>A roster member with its workload and any earlier case that conflicts with the case at hand (read from the case rows).</summary>
public sealed record RosterCandidate(RosterMember Member, int OpenCases, DateTimeOffset? LastAssignedAt, string? ConflictParty, string? ConflictCase);

/// <summary>
/// 轮派: which member of the roster a case is offered to. Eligible: not left, not on leave on the day, no conflict of
/// interest with the case's parties (an earlier case for or against them, or a declared one), under the cap of open cases.
/// Among the eligible, those practising in the case's field when any does (a member naming no field takes any); then
/// the one whose last assignment is oldest (never assigned first), ties by fewest open cases, then by name. Pure.
/// </summary>
public static class RosterRotation
{
    public static RotationOffer Offer(IEnumerable<RosterCandidate> candidates, string caseType, string applicant, string? opposingParty, DateOnly today)
    {
        var judged = candidates.Select(c => (Candidate: c, Entry: Judge(c, applicant, opposingParty, today))).ToList();
        var anyInField = judged.Any(j => j.Entry.Skip is null && Practises(j.Candidate.Member, caseType));
        var entries = judged.Select(j => j.Entry with { OtherField = j.Entry.Skip is null && anyInField && !Practises(j.Candidate.Member, caseType) }).ToImmutableArray();
        var pick = entries.Where(e => e.Skip is null && !e.OtherField)
            .OrderBy(e => e.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(e => e.OpenCases)
            .ThenBy(e => e.Member.Name, StringComparer.Ordinal).ThenBy(e => e.Member.Id)
            .FirstOrDefault();
        return new RotationOffer(pick?.Member.Id, entries);
    }

    /// <summary>On leave on this day: status on_leave and the day within the leave (both ends included).</summary>
    public static bool OnLeave(RosterMember member, DateOnly day) =>
        member.Status == RosterVocabulary.OnLeave && member.LeaveFrom is { } from && member.LeaveUntil is { } until && day >= from && day <= until;

    public static bool Practises(RosterMember member, string caseType) => member.Fields.IsEmpty || member.Fields.Contains(caseType);

    private static RotationEntry Judge(RosterCandidate c, string applicant, string? opposingParty, DateOnly today)
    {
        var entry = new RotationEntry(c.Member, c.OpenCases, c.LastAssignedAt, null, null, null, false);
        if (c.Member.Status == RosterVocabulary.Left)
        {
            return entry with { Skip = RotationSkips.Left };
        }
        if (OnLeave(c.Member, today))
        {
            return entry with { Skip = RotationSkips.OnLeave };
        }
        if (c.ConflictCase is not null)
        {
            return entry with { Skip = RotationSkips.Conflict, ConflictParty = c.ConflictParty, ConflictCase = c.ConflictCase };
        }
        if (c.Member.DeclaredConflicts.FirstOrDefault(d => PartyNames.Same(d, applicant) || PartyNames.Same(d, opposingParty)) is { } declared)
        {
            return entry with { Skip = RotationSkips.Conflict, ConflictParty = declared };
        }
        return c.OpenCases >= c.Member.MaxOpenCases ? entry with { Skip = RotationSkips.AtCap } : entry;
    }
}
