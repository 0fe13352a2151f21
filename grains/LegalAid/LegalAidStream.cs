using Dispatch.EventSourcing;
using Dispatch.People;
using Dispatch.Tickets;

namespace Dispatch.LegalAid;

/// <summary>How case events are stored: the ticket JSON conventions, event_type equal to the JSON discriminator.</summary>
public static class LegalAidStream
{
    public static readonly StreamKind<LegalAidState, LegalAidEvent> Kind =
        new(ItemTypes.LegalAidCase, LegalAidState.Empty, EventJson.Options, EventType);

    public static string EventType(LegalAidEvent e) => e switch
    {
        CaseOpened => "opened",
        CaseAccepted => "accepted",
        DocumentsRequested => "documents_requested",
        DocumentsReceived => "documents_received",
        EligibilityRecorded => "eligibility_recorded",
        AidGranted => "granted",
        AidRefused => "refused",
        ObjectionRecorded => "objection_recorded",
        ObjectionDecided => "objection_decided",
        HandlerAssigned => "handler_assigned",
        AgreementRecorded => "agreement_recorded",
        ProgressRecorded => "progress_recorded",
        CaseConcluded => "concluded",
        CaseArchived => "archived",
        ApplicationWithdrawn => "withdrawn",
        CaseTransferred => "transferred",
        AidTerminated => "terminated",
        CaseSupervisionOrdered => "supervision_issued",
        CaseSupervisionReplied => "supervision_replied",
        CaseSupervisionEscalated => "supervision_escalated",
        CaseClockWarned => "clock_warned",
        CaseClockOverdue => "clock_overdue",
        CaseNoteAdded => Items.ItemNoteKinds.NoteAddedEvent,
        CaseAssigneeSet => "assignee_set",
        CaseAssigneeCleared => "assignee_cleared",
        CaseAttachmentAdded => Items.AttachmentTypes.AttachmentAddedEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown legal-aid event."),
    };
}
