using Dispatch.Tickets;
using Dispatch.Web.PersonalData;

namespace Dispatch.Web.Tickets;

/// <summary>A ticket and its list rows as each role may see them: supervisors get masked ID and phone numbers (PIPL).</summary>
public static class TicketPresentation
{
    public static TicketView ForActor(TicketView view, Actor actor) => PersonalDataMasks.AsSeenBy(view, actor, ticket => ticket with
    {
        CallerPhone = PersonalDataMasks.MaskPhone(ticket.CallerPhone),
        ResidentId = PersonalDataMasks.MaskOptionalId(ticket.ResidentId),
        DisabilityCertificate = PersonalDataMasks.MaskOptionalId(ticket.DisabilityCertificate),
    });

    /// <summary>List rows already mask the phone; the person id carries the ID number or phone and is masked too.</summary>
    public static IReadOnlyList<TicketSummary> ForActor(IReadOnlyList<TicketSummary> rows, Actor actor) =>
        PersonalDataMasks.AsSeenBy(rows, actor, all => [.. all.Select(row => row with { PersonId = PersonalDataMasks.MaskPersonId(row.PersonId) })]);
}
