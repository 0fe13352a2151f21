using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;

namespace Dispatch.Tickets;

public static partial class TicketRules
{
    /// <summary>Operators (and administrators) register tickets.</summary>
    public static DomainError? MayRegister(Actor actor) =>
        TicketAccess.IsDispatcher(actor) ? null : DomainError.Forbidden("只有话务员可以登记工单。", "Only operators register tickets.");

    /// <summary>
    /// A registered ticket: the validated intake (<see cref="TicketIntakeRules.Validate"/>), the caller's person id and
    /// earlier calls on the topic (重复来电), its number, and the clocks of its kind and urgency in the rule version in force.
    /// </summary>
    public static Change<TicketEvent> Register(ValidIntake valid, string personId, int repeats, string number, SlaRuleSet rules, string fingerprint)
    {
        var details = new TicketDetails(
            valid.Channel, valid.Kind, valid.Topic, valid.Urgency, valid.CallerName, valid.CallerPhone.Value,
            valid.KnownResidentId?.Value, valid.DisabilityCertificate?.Value, valid.CountyCode, valid.TownCode,
            valid.Address, valid.Title, valid.Content);
        return Change<TicketEvent>.Of(new TicketRegistered(number, details, personId, TicketClockRules.From(rules, valid.Kind, valid.Urgency), repeats, fingerprint));
    }
}
