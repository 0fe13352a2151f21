using Dispatch.Items;

namespace Dispatch.Tickets;

/// <summary>The event_type column: the same names as the JSON discriminator.</summary>
public static class TicketEventNames
{
    public static string Of(TicketEvent e) => e switch
    {
        TicketRegistered => "registered",
        TicketAnsweredOnSpot => "answered_on_spot",
        TicketDispatched => "dispatched",
        TicketSigned => "signed",
        TicketReturned => "returned",
        TicketTransferred => "transferred",
        TicketSuspended => "suspended",
        TicketResumed => "resumed",
        ExtensionRequested => "extension_requested",
        ExtensionDecided => "extension_decided",
        TicketResolved => "resolved",
        CallbackRecorded => "callback_recorded",
        TicketReopened => "reopened",
        TicketClosed => "closed",
        TicketMerged => "merged",
        DuplicateAttached => "duplicate_attached",
        SupervisionOrderIssued => "supervision_issued",
        SupervisionReplied => "supervision_replied",
        SupervisionEscalated => "supervision_escalated",
        TicketReminded => "reminded",
        ClockWarned => "clock_warned",
        ClockOverdue => "clock_overdue",
        ItemLinked => "item_linked",
        AcceptanceDecided => "acceptance_decided",
        ReviewRequested => "review_requested",
        TicketNoteAdded => ItemNoteKinds.NoteAddedEvent,
        TicketAssigned => "assignee_set",
        TicketUnassigned => "assignee_cleared",
        TicketAttachmentAdded => AttachmentTypes.AttachmentAddedEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown ticket event."),
    };
}
