namespace Dispatch.Stats;

/// <summary>Legal-aid cases' and visits' measures of one scope and period, from their counters (LegalAidTallies, RehabTallies).</summary>
public static class CaseFigures
{
    public static LegalAidMeasures LegalAid(CounterSet c, string scope, string period, DateOnly start)
    {
        long Of(string measure) => c.Get(scope, period, start, measure);
        return new LegalAidMeasures
        {
            Received = Of(LegalAidTallies.Received),
            Open = c.Current(scope, LegalAidTallies.Open),
            AtRisk = c.Current(scope, LegalAidTallies.AtRisk),
            Overdue = c.Current(scope, LegalAidTallies.Overdue),
            Decided = Of(LegalAidTallies.Decided),
            Granted = Of(LegalAidTallies.Granted),
            Refused = Of(LegalAidTallies.Refused),
            Concluded = Of(LegalAidTallies.Concluded),
            OnTimeDecisionRate = TicketFigures.Rate(Of(LegalAidTallies.DecisionOnTime), Of(LegalAidTallies.DecisionCounted)),
            GrantRate = TicketFigures.Rate(Of(LegalAidTallies.Granted), Of(LegalAidTallies.Decided)),
            OnTimeAssignmentRate = TicketFigures.Rate(Of(LegalAidTallies.AssignedOnTime), Of(LegalAidTallies.Assigned)),
        };
    }

    public static RehabMeasures Rehab(CounterSet c, string scope, string period, DateOnly start)
    {
        long Of(string measure) => c.Get(scope, period, start, measure);
        return new RehabMeasures
        {
            Requested = Of(RehabTallies.Requested),
            Open = c.Current(scope, RehabTallies.Open),
            AtRisk = c.Current(scope, RehabTallies.AtRisk),
            Overdue = c.Current(scope, RehabTallies.Overdue),
            Completed = Of(RehabTallies.Completed),
            Missed = Of(RehabTallies.Missed),
            Cancelled = Of(RehabTallies.Cancelled),
            OnTimeFirstVisitRate = TicketFigures.Rate(Of(RehabTallies.FirstVisitOnTime), Of(RehabTallies.FirstVisitCounted)),
            CompletionRate = TicketFigures.Rate(Of(RehabTallies.RequestedCompleted), Of(RehabTallies.RequestedActive)),
            OnTimeRecordRate = TicketFigures.Rate(Of(RehabTallies.RecordOnTime), Of(RehabTallies.RecordCounted)),
        };
    }
}
