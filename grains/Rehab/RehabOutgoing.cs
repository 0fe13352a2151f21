using Dispatch.Notifications;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>The SMS a visit's write calls for (pure): the booked window, and a moved one, to the person visited.</summary>
public static class RehabOutgoing
{
    public static OutgoingMessages? From(RehabState before, IReadOnlyList<RehabEvent> events, RehabState next, IClockReader clocks)
    {
        var messages = new List<OutgoingMessage>();
        var phone = next.Person.Phone;
        foreach (var e in events)
        {
            var (template, start, end) = e switch
            {
                VisitScheduled s => (NotificationTemplateIds.RehabBooked, s.WindowStart, s.WindowEnd),
                VisitRescheduled r => (NotificationTemplateIds.RehabMoved, r.WindowStart, r.WindowEnd),
                _ => (null, default, default),
            };
            if (template is not null && !string.IsNullOrEmpty(phone))
            {
                messages.Add(new(template, NotificationChannels.Sms, OutgoingRecipient.Person(phone), new Dictionary<string, string>
                {
                    ["number"] = next.Number,
                    ["window"] = OutgoingTimes.Window(clocks.LocalTime(start), clocks.LocalTime(end)),
                }));
            }
        }
        return OutgoingMessages.Of(next.Number, next.CountyCode, messages);
    }
}
