using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;

namespace Dispatch.Rehab;

/// <summary>
/// The visit life cycle: requested -> accepted by the provider (受理; the first-visit clock starts) -> scheduled (a window)
/// -> assigned (a worker, never double-booked) -> checked in ->
/// completed (record filed at once or within its clock); or missed (then rescheduled) or cancelled. Rescheduling keeps
/// the earlier windows. Pure: no I/O; time and booking conflicts come in as arguments.
/// </summary>
public static partial class RehabRules
{
    public static readonly ItemVocabulary Words = RehabVocabulary.Item;

    /// <summary>A worker may check in this long before the window opens.</summary>
    public static readonly TimeSpan EarlyCheckIn = TimeSpan.FromHours(1);

    /// <summary>What the visit's state allows now, whoever asks; a reply to an open supervision order in any status.</summary>
    public static ImmutableArray<string> AllowedActions(RehabState s) =>
        s.Exists && s.SupervisionOrders.Any(o => o.Open) ? [.. StatusActions(s), RehabActions.SupervisionReply] : StatusActions(s);

    private static ImmutableArray<string> StatusActions(RehabState s) => !s.Exists ? [] : s.Status switch
    {
        RehabVisitStatus.Requested => [RehabActions.Accept, RehabActions.Cancel, RehabActions.Supervise],
        RehabVisitStatus.Accepted => [RehabActions.Schedule, RehabActions.Cancel, RehabActions.Supervise],
        RehabVisitStatus.Scheduled => [RehabActions.Assign, RehabActions.Reschedule, RehabActions.Miss, RehabActions.Cancel, RehabActions.Supervise],
        RehabVisitStatus.Assigned => [RehabActions.CheckIn, RehabActions.Assign, RehabActions.Reschedule, RehabActions.Miss, RehabActions.Cancel, RehabActions.Supervise],
        RehabVisitStatus.CheckedIn => [RehabActions.Complete, RehabActions.Supervise],
        RehabVisitStatus.Completed when s.RecordPending => [RehabActions.Record, RehabActions.Supervise],
        RehabVisitStatus.Missed => [RehabActions.Reschedule, RehabActions.Cancel],
        _ => [],
    };

    private static DomainError? Gate(RehabState s, Actor actor, string action, Func<bool> roleAllowed)
    {
        var visible = s.Exists && RehabAccess.CanSee(actor, s);
        return ActionGate.Check(Words, visible, s.Status, visible ? AllowedActions(s) : [], action, visible && roleAllowed());
    }

    private static DomainError Conflict(RehabState s, string code, string zh, string en) =>
        ActionGate.Conflict(Words, s.Status, AllowedActions(s), code, zh, en);
}
