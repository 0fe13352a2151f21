using Dispatch.Notifications;
using Dispatch.Sla;
using T = Dispatch.Notifications.NotificationTemplateIds;

namespace Dispatch.Tickets;

/// <summary>
/// The SMS a ticket's write calls for (pure): the caller's acknowledgement with the number and the deadline when the
/// ticket is registered, a notice to the unit on dispatch, transfer, supervision order or overdue, and the callback
/// notice to the caller on resolution. The caller gets texts only at a phone the contact method allows.
/// </summary>
public static class TicketOutgoing
{
    public static OutgoingMessages? From(TicketState before, IReadOnlyList<TicketEvent> events, TicketState next, IClockReader clocks)
    {
        var messages = new List<OutgoingMessage>();
        var number = new Dictionary<string, string> { ["number"] = next.Number };
        foreach (var e in events)
        {
            switch (e)
            {
                case TicketRegistered when !before.Exists && next.Status != TicketStatus.Resolved && CallerPhone(next) is { } phone:
                    messages.Add(Sms(T.TicketRegistered, OutgoingRecipient.Person(phone), With(number, "deadline", Deadline(next, clocks))));
                    break;
                case TicketDispatched d:
                    messages.Add(Sms(T.TicketDispatched, OutgoingRecipient.Unit(d.UnitCode), With(number, "deadline", SignBy(next, clocks))));
                    break;
                case TicketTransferred t:
                    messages.Add(Sms(T.TicketTransferred, OutgoingRecipient.Unit(t.ToUnit), With(number, "deadline", SignBy(next, clocks))));
                    break;
                case SupervisionOrderIssued when next.UnitCode is { } unit:
                    messages.Add(Sms(T.TicketSupervised, OutgoingRecipient.Unit(unit), number));
                    break;
                // The callback clock is the hotline's own: its running out is nothing the unit can act on.
                case ClockOverdue o when o.Clock != ClockNames.Callback && next.UnitCode is { } unit:
                    messages.Add(Sms(T.TicketOverdue, OutgoingRecipient.Unit(unit), number));
                    break;
                case TicketResolved when next.Details.OwesCallback && CallerPhone(next) is { } phone:
                    messages.Add(Sms(T.TicketResolved, OutgoingRecipient.Person(phone), number));
                    break;
            }
        }
        return OutgoingMessages.Of(next.Number, next.Details.CountyCode, messages);
    }

    /// <summary>The phone a text may go to: the caller's for voice, text or video contact, the guardian's for guardian contact.</summary>
    public static string? CallerPhone(TicketState s) => s.Details.Contact switch
    {
        TicketVocabulary.VoiceContact or TicketVocabulary.TextContact or TicketVocabulary.VideoContact => s.Details.CallerPhone,
        TicketVocabulary.GuardianContact => s.Details.GuardianPhone,
        _ => null,
    };

    /// <summary>When the caller is answered by: the running handling (or acceptance) clock, else handling counted from now.</summary>
    private static string Deadline(TicketState s, IClockReader clocks)
    {
        var clock = s.Handling ?? s.Acceptance ?? ClockRecord.Start(ClockNames.Handling, s.Rules.Handling, clocks.Now);
        return OutgoingTimes.Minute(clocks.LocalTime(clocks.Evaluate(clock).DueAt));
    }

    private static string SignBy(TicketState s, IClockReader clocks) =>
        s.SignFor is { } signFor ? OutgoingTimes.Minute(clocks.LocalTime(clocks.Evaluate(signFor).DueAt)) : Deadline(s, clocks);

    private static OutgoingMessage Sms(string template, OutgoingRecipient to, IReadOnlyDictionary<string, string> values) =>
        new(template, NotificationChannels.Sms, to, values);

    private static Dictionary<string, string> With(Dictionary<string, string> values, string name, string value) =>
        new(values) { [name] = value };
}
