using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.PersonalData;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>Turns a visit's state into what the API shows, with its clocks evaluated now.</summary>
public static class RehabViews
{
    /// <summary>The visit as every client gets it (PIPL): the person's numbers masked, the name masked for supervisors.</summary>
    public static RehabVisitView ForActor(RehabState s, IClockReader clocks, Actor actor)
    {
        var view = From(s, clocks);
        return PersonalDataMasks.Screened(view with { Person = PersonalDataMasks.Person(view.Person, actor) }, actor, view.Person.Name);
    }

    /// <summary>The visit with the person's full numbers: for the silo's own use only, never answered to a client.</summary>
    public static RehabVisitView From(RehabState s, IClockReader clocks) => new()
    {
        Id = s.Id,
        Number = s.Number,
        Status = s.Status,
        ServiceType = s.ServiceType,
        Person = s.Person,
        PersonId = s.PersonId,
        CountyCode = s.CountyCode,
        ProviderCode = s.ProviderCode,
        Assignee = s.Assignee,
        WorkerId = s.Worker?.Id,
        WorkerName = s.Worker?.Name,
        Ticket = s.Ticket,
        PlanId = s.PlanId,
        PlanSequence = s.PlanSequence,
        RequestedAt = s.RequestedAt,
        AcceptedAt = s.AcceptedAt,
        AskedWindowStart = s.AskedWindow?.Start,
        AskedWindowEnd = s.AskedWindow?.End,
        WindowStart = s.Window?.Start,
        WindowEnd = s.Window?.End,
        Reschedules = [.. s.Reschedules.Select(r => new RescheduleView(r.From?.Start, r.From?.End, r.To.Start, r.To.End, r.Reason, r.At))],
        CheckedInAt = s.CheckedInAt,
        CompletedAt = s.CompletedAt,
        RecordedAt = s.RecordedAt,
        RecordNotes = s.RecordNotes,
        MissedReason = s.MissedReason,
        CancelReason = s.CancelReason,
        Note = s.Note,
        Deadlines = new RehabDeadlines(
            DeadlineViews.From(s.FirstVisit, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.WindowClock, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.Record, s.Rules.RuleVersion, clocks)),
        SupervisionOrders = [.. s.SupervisionOrders.Select(o => SupervisionViews.Of(o, clocks))],
        AllowedActions = RehabRules.AllowedActions(s),
        Version = s.Version,
    };
}
