using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Rehab;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using A = Dispatch.Rehab.RehabActions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>A valid request for every visit action, so that only state, role, scope or time can refuse it.</summary>
internal static class VisitRequests
{
    public static readonly string[] All = [A.Accept, A.Schedule, A.Assign, A.Reschedule, A.CheckIn, A.Complete, A.Record, A.Miss, A.Cancel, A.Supervise];

    public static readonly DateTimeOffset LaterWindow = Shanghai.At(2026, 3, 11, 14);

    public static Change<RehabEvent> Take(string action, RehabState s, Actor actor, DateTimeOffset now) => action switch
    {
        A.Accept => RehabRules.Accept(s, actor, new VisitNote("已受理，近期安排上门。"), now),
        A.Schedule => RehabRules.Schedule(s, actor, new ScheduleVisit(LaterWindow, null, null), now),
        A.Assign => RehabRules.Assign(s, actor, new AssignWorker("W002", "李强"), null),
        A.Reschedule => RehabRules.Reschedule(s, actor, new ScheduleVisit(LaterWindow, 90, "本人要求改期"), now, null),
        A.CheckIn => RehabRules.CheckIn(s, actor, new VisitNote(null), now),
        A.Complete => RehabRules.Complete(s, actor, new VisitRecord(null)),
        A.Record => RehabRules.Record(s, actor, new VisitRecord("完成下肢康复训练 60 分钟。")),
        A.Miss => RehabRules.Miss(s, actor, new VisitReason("家中无人"), now),
        A.Cancel => RehabRules.Cancel(s, actor, new VisitReason("本人住院")),
        A.Supervise => RehabRules.Supervise(s, actor, new VisitNote("请尽快安排上门。"), Guid.Empty, TicketClocks.At(now)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No such visit action."),
    };
}
