using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;

namespace Dispatch.Tickets;

public static partial class TicketRules
{
    /// <summary>Operators (and administrators) register tickets; an online-channel client (Open311) only on the online channel.</summary>
    public static DomainError? MayRegister(Actor actor, TicketIntake intake) => actor.Role switch
    {
        Roles.OnlineIntake when intake.Channel?.Trim() == TicketVocabulary.OnlineChannel => null,
        Roles.OnlineIntake => DomainError.Forbidden("网上渠道只能登记网上来件。", "An online-channel client registers online requests only."),
        _ when TicketAccess.IsDispatcher(actor) => null,
        _ => DomainError.Forbidden("只有话务员可以登记工单。", "Only operators register tickets."),
    };

    /// <summary>
    /// A registered ticket: the validated intake (<see cref="TicketIntakeRules.Validate"/>), the caller's person id and
    /// earlier calls on the topic (重复来电), its number, and the clocks of its kind and urgency in the rule version in force.
    /// </summary>
    /// <param name="concludedBy">For a petition: the re-review that already concluded the same person's matter on this topic (终结).</param>
    /// <param name="recent">The earlier calls within the escalation ladder's window (the repeat-caller rung reads them at dispatch).</param>
    public static Change<TicketEvent> Register(
        ValidIntake valid, string personId, int repeats, string number, SlaRuleSet rules, string fingerprint, string? concludedBy = null,
        RecentCalls? recent = null)
    {
        var details = new TicketDetails(
            valid.Channel, valid.Kind, valid.Topic, valid.Urgency, valid.CallerName, valid.CallerPhone?.Value,
            valid.KnownResidentId?.Value, valid.DisabilityCertificate?.Value, valid.CountyCode, valid.TownCode,
            valid.Address, valid.Title, valid.Content,
            valid.Contact.Method, valid.Contact.OtherContact, valid.Contact.GuardianName, valid.Contact.GuardianRelation,
            valid.Contact.GuardianPhone?.Value);
        var clockRules = TicketClockRules.From(rules, valid.Kind, valid.Urgency);
        var petition = clockRules.Petition is null ? null : new PetitionOpening(PetitionVocabulary.Petition, null, null, concludedBy);
        return Change<TicketEvent>.Of(new TicketRegistered(number, details, personId, clockRules, repeats, fingerprint, petition, recent));
    }
}
