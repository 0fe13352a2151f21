using Dispatch.Identity;
using Dispatch.Tickets;

namespace Dispatch.Web.Tickets;

/// <summary>Personal data as each role may see it: supervisors get masked ID and phone numbers (PIPL).</summary>
public static class TicketPresentation
{
    public static bool SeesFullPersonalData(Actor actor) => actor.Role is Roles.Operator or Roles.UnitStaff or Roles.Admin;

    public static TicketView ForActor(TicketView view, Actor actor) => SeesFullPersonalData(actor)
        ? view
        : view with
        {
            CallerPhone = MaskPhone(view.CallerPhone),
            ResidentId = view.ResidentId is null ? null : MaskId(view.ResidentId),
            DisabilityCertificate = view.DisabilityCertificate is null ? null : MaskId(view.DisabilityCertificate),
        };

    /// <summary>138****5678, 0573-****5678.</summary>
    public static string MaskPhone(string phone) => phone.Length switch
    {
        11 when phone[0] == '1' => string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)),
        > 4 => string.Concat(phone.AsSpan(0, Math.Max(0, phone.IndexOf('-', StringComparison.Ordinal) + 1)), "****", phone.AsSpan(phone.Length - 4)),
        _ => "****",
    };

    /// <summary>330402********1234 (and the certificate's two trailing digits kept).</summary>
    public static string MaskId(string id) => id.Length >= 18
        ? string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14))
        : "******";
}
