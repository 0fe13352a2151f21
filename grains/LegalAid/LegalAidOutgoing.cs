using Dispatch.Notifications;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>The SMS a legal-aid case's write calls for (pure): the decision, granted or refused, to the applicant.</summary>
public static class LegalAidOutgoing
{
    public static OutgoingMessages? From(LegalAidState before, IReadOnlyList<LegalAidEvent> events, LegalAidState next, IClockReader clocks)
    {
        var messages = new List<OutgoingMessage>();
        var phone = next.Applicant.Phone;
        foreach (var e in events)
        {
            var template = e switch
            {
                AidGranted => NotificationTemplateIds.LegalAidGranted,
                AidRefused => NotificationTemplateIds.LegalAidRefused,
                _ => null,
            };
            if (template is not null && !string.IsNullOrEmpty(phone))
            {
                messages.Add(new(template, NotificationChannels.Sms, OutgoingRecipient.Person(phone), new Dictionary<string, string> { ["number"] = next.Number }));
            }
        }
        return OutgoingMessages.Of(next.Number, next.CountyCode, messages);
    }
}
