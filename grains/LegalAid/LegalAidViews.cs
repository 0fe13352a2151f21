using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.PersonalData;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>Turns a case's state into what the API shows, with its clocks evaluated now.</summary>
public static class LegalAidViews
{
    /// <summary>The case as every client gets it (PIPL): the applicant's numbers masked, the name masked for supervisors.</summary>
    public static LegalAidCaseView ForActor(LegalAidState s, IClockReader clocks, Actor actor)
    {
        var view = From(s, clocks);
        return PersonalDataMasks.Screened(view with
        {
            Applicant = PersonalDataMasks.Person(view.Applicant, actor),
            OpposingParty = view.OpposingParty is { } party ? PersonalDataMasks.Name(party, actor) : null,
        }, actor, view.Applicant.Name);
    }

    /// <summary>The case with the applicant's full numbers: for the silo's own use only, never answered to a client.</summary>
    public static LegalAidCaseView From(LegalAidState s, IClockReader clocks) => new()
    {
        Id = s.Id,
        Number = s.Number,
        Status = s.Status,
        CaseType = s.CaseType,
        Applicant = s.Applicant,
        PersonId = s.PersonId,
        CountyCode = s.CountyCode,
        StationCode = s.StationCode,
        Assignee = s.Assignee,
        CityLevel = s.CityLevel,
        Summary = s.Summary,
        Ticket = s.Ticket,
        AppliedAt = s.AppliedAt,
        AcceptedAt = s.AcceptedAt,
        DocumentsPending = s.DocumentsPending,
        DocumentRequests = [.. s.DocumentRequests.Select(d => new DocumentRequestView(d.Documents, d.Note, d.RequestedAt, d.ReceivedAt, d.RespondBy))],
        DecidedAt = s.DecidedAt,
        RefusalReasons = s.RefusalReasons,
        ObjectionWindowEndsAt = s.ObjectionWindow is { } window ? clocks.Evaluate(window).DueAt : null,
        Objection = s.Objection is { } o ? new ObjectionView(o.Grounds, o.RecordedAt, o.Decision, o.Note, o.DecidedAt) : null,
        Handler = s.Handler is { } h ? new HandlerView(h.Name, h.Kind, h.Organisation, h.Phone, h.AssignedAt, h.MemberId, h.RotationPick, h.Reason) : null,
        OpposingParty = s.OpposingParty,
        AgreementSignedOn = s.AgreementSignedOn,
        Progress = [.. s.Progress.Select(p => new ProgressView(p.Note, p.By, p.At))],
        ConcludedAt = s.ConcludedAt,
        Outcome = s.Outcome,
        OutcomeSummary = s.OutcomeSummary,
        ArchivedAt = s.ArchivedAt,
        Deadlines = new LegalAidDeadlines(
            DeadlineViews.From(s.Decision, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.Assignment, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.Agreement, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.ObjectionReview, s.Rules.RuleVersion, clocks)),
        SupervisionOrders = [.. s.SupervisionOrders.Select(o => SupervisionViews.Of(o, clocks))],
        AllowedActions = LegalAidRules.AllowedActions(s, clocks),
        Version = s.Version,
        Eligibility = EligibilityRules.View(s.Eligibility),
        Transfers = [.. s.Transfers.Select(t => new TransferView(t.FromStation, t.ToStation, t.Reason, t.At))],
        WithdrawnAt = s.WithdrawnAt,
        TerminatedAt = s.TerminatedAt,
        TerminationReason = s.TerminationReason,
        TerminationNote = s.TerminationNote,
    };
}
