using Dispatch.Tickets;
using Dispatch.PersonalData;

namespace Dispatch.Web.Tickets;

/// <summary>
/// Ticket list rows as every role sees them (PIPL): the phone masked, the caller's name masked and the title screened
/// for supervisors; a full
/// number only through POST /api/tickets/{id}/reveal. A single ticket comes masked from its grain (TicketViews.ForActor).
/// </summary>
public static class TicketPresentation
{
    /// <summary>List rows already carry the masked phone and the opaque person id; the name is the user's to see or not.</summary>
    public static IReadOnlyList<TicketSummary> ForActor(IReadOnlyList<TicketSummary> rows, Actor actor) =>
        PersonalDataMasks.SeesNames(actor)
            ? rows
            : [.. rows.Select(row => row with
            {
                CallerName = PersonalDataMasks.MaskName(row.CallerName),
                Title = PersonalDataMasks.Text(row.Title, actor, row.CallerName),
            })];
}
