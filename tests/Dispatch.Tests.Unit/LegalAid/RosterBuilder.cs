using Dispatch.LegalAid;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>Roster members of the case builder's station and the rotation's offer over them, for the assignment rules.</summary>
internal static class RosterBuilder
{
    public static RosterMember Member(string name, string status = RosterVocabulary.Active, int cap = 5, string[]? fields = null,
        DateOnly? leaveFrom = null, DateOnly? leaveUntil = null, string[]? declared = null, string kind = "lawyer") =>
        new(Guid.NewGuid(), CaseBuilder.Station, name, kind, "浙江禾城律师事务所", "13900001111", "13304201810000001", [.. fields ?? []], status,
            leaveFrom, leaveUntil, cap, [.. declared ?? []], 1);

    /// <summary>The rotation over one free member, never assigned: they are its pick.</summary>
    public static RotationOffer OfferOf(RosterMember member) =>
        RosterRotation.Offer([new RosterCandidate(member, 0, null, null, null)], "labour_dispute", "李明", null, new DateOnly(2026, 3, 2));
}
