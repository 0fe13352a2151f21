using Dispatch.Tickets;
using Dispatch.Web.PersonalData;

namespace Dispatch.Web.Tickets;

/// <summary>
/// A ticket and its list rows as every role sees them (PIPL): ID, certificate and phone numbers masked, the caller's
/// name masked for supervisors; a full number only through POST /api/tickets/{id}/reveal.
/// </summary>
public static class TicketPresentation
{
    /// <summary>The personal fields a ticket reveals, by the names the API gives them.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TicketView, string?>> RevealableFields = new Dictionary<string, Func<TicketView, string?>>
    {
        ["callerPhone"] = ticket => ticket.CallerPhone,
        ["residentId"] = ticket => ticket.ResidentId,
        ["disabilityCertificate"] = ticket => ticket.DisabilityCertificate,
    };

    public static TicketView ForActor(TicketView view, Actor actor) => view with
    {
        CallerName = PersonalDataMasks.Name(view.CallerName, actor),
        CallerPhone = PersonalDataMasks.MaskPhone(view.CallerPhone),
        ResidentId = PersonalDataMasks.MaskOptionalId(view.ResidentId),
        DisabilityCertificate = PersonalDataMasks.MaskOptionalId(view.DisabilityCertificate),
    };

    /// <summary>List rows already carry the masked phone and the opaque person id; the name is the user's to see or not.</summary>
    public static IReadOnlyList<TicketSummary> ForActor(IReadOnlyList<TicketSummary> rows, Actor actor) =>
        PersonalDataMasks.SeesNames(actor) ? rows : [.. rows.Select(row => row with { CallerName = PersonalDataMasks.MaskName(row.CallerName) })];
}
