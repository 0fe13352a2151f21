using Dispatch.Notifications;
using Dispatch.Sla;
using T = Dispatch.Notifications.NotificationTemplateIds;

namespace Dispatch.Tickets;

/// <summary>
/// The messages a ticket's write calls for (pure): the caller's acknowledgement with the number and the deadline when the
/// ticket is registered, a notice to the unit on dispatch, transfer, supervision order or overdue, and the callback
/// notice to the caller on resolution. The caller gets texts only at a phone the contact method allows. A unit notice is
/// an SMS and an e-mail (with the deadline and the link to the ticket); the outbox sends each to the unit's phone or
/// e-mail address when the unit has one.
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
                    messages.AddRange(UnitNotice(T.TicketDispatched, d.UnitCode, next, With(number, "deadline", SignBy(next, clocks))));
                    break;
                case TicketTransferred t:
                    messages.AddRange(UnitNotice(T.TicketTransferred, t.ToUnit, next, With(number, "deadline", SignBy(next, clocks))));
                    break;
                case SupervisionOrderIssued when next.UnitCode is { } unit:
                    messages.AddRange(UnitNotice(T.TicketSupervised, unit, next, number, With(number, "deadline", Deadline(next, clocks))));
                    break;
                // The callback clock is the hotline's own: its running out is nothing the unit can act on.
                case ClockOverdue o when o.Clock != ClockNames.Callback && next.UnitCode is { } unit:
                    var due = o.Clock == ClockNames.SignFor ? SignBy(next, clocks) : Deadline(next, clocks);
                    messages.AddRange(UnitNotice(T.TicketOverdue, unit, next, number, With(number, "deadline", due)));
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

    /// <summary>The link path to the ticket, as an e-mail names it (the installation's address goes before it).</summary>
    public static string LinkPath(Guid ticketId) => $"/#/tickets/{ticketId}";

    /// <summary>
    /// A unit notice by SMS and by e-mail; the e-mail also names the ticket's link (the unit's name is added from the units
    /// table with the address). <paramref name="emailValues"/> defaults to the SMS's values.
    /// </summary>
    private static OutgoingMessage[] UnitNotice(
        string template, string unitCode, TicketState s, Dictionary<string, string> smsValues, Dictionary<string, string>? emailValues = null)
    {
        var to = OutgoingRecipient.Unit(unitCode);
        return
        [
            Sms(template, to, smsValues),
            new(template + T.EmailSuffix, NotificationChannels.Email, to, With(emailValues ?? smsValues, "link", LinkPath(s.Id))),
        ];
    }

    private static OutgoingMessage Sms(string template, OutgoingRecipient to, IReadOnlyDictionary<string, string> values) =>
        new(template, NotificationChannels.Sms, to, values);

    private static Dictionary<string, string> With(Dictionary<string, string> values, string name, string value) =>
        new(values) { [name] = value };
}
