using Dispatch.EventSourcing;
using Dispatch.People;
using Dispatch.Tickets;

namespace Dispatch.Rehab;

/// <summary>How visit events are stored: the ticket JSON conventions, event_type equal to the JSON discriminator.</summary>
public static class RehabStream
{
    public static readonly StreamKind<RehabState, RehabEvent> Kind = new(ItemTypes.RehabVisit, RehabState.Empty, EventJson.Options, EventType);

    public static string EventType(RehabEvent e) => e switch
    {
        VisitRequested => "requested",
        VisitAccepted => "accepted",
        VisitScheduled => "scheduled",
        VisitRescheduled => "rescheduled",
        WorkerAssigned => "worker_assigned",
        VisitCheckedIn => "checked_in",
        VisitCompleted => "completed",
        VisitRecordFiled => "record_filed",
        VisitMissed => "missed",
        VisitCancelled => "cancelled",
        VisitSupervisionOrdered => "supervision_issued",
        VisitSupervisionReplied => "supervision_replied",
        VisitSupervisionEscalated => "supervision_escalated",
        VisitClockWarned => "clock_warned",
        VisitClockOverdue => "clock_overdue",
        VisitNoteAdded => Items.ItemNoteKinds.NoteAddedEvent,
        VisitAssigneeSet => "assignee_set",
        VisitAssigneeCleared => "assignee_cleared",
        VisitAttachmentAdded => Items.AttachmentTypes.AttachmentAddedEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown visit event."),
    };
}
