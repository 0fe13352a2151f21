using Dispatch.Tickets;
using Dispatch.Web.PersonalData;

namespace Dispatch.Web.Tickets;

/// <summary>A ticket and its list rows as each role may see them: supervisors get masked ID and phone numbers (PIPL).</summary>
public static class TicketPresentation
{
    public static TicketView ForActor(TicketView view, Actor actor) => PersonalDataMasks.SeesFullPersonalData(actor)
        ? view
        : view with
        {
            CallerPhone = PersonalDataMasks.MaskPhone(view.CallerPhone),
            ResidentId = view.ResidentId is null ? null : PersonalDataMasks.MaskId(view.ResidentId),
            DisabilityCertificate = view.DisabilityCertificate is null ? null : PersonalDataMasks.MaskId(view.DisabilityCertificate),
        };

    /// <summary>List rows already mask the phone; the person id carries the ID number or phone and is masked too.</summary>
    public static IReadOnlyList<TicketSummary> ForActor(IReadOnlyList<TicketSummary> rows, Actor actor) => PersonalDataMasks.SeesFullPersonalData(actor)
        ? rows
        : [.. rows.Select(row => row with { PersonId = PersonalDataMasks.MaskPersonId(row.PersonId) })];
}
