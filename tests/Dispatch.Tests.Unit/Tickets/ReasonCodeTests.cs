using Dispatch.Tickets;
using Dispatch.Items;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>Reason codes come from fixed lists; "other" needs words.</summary>
public sealed class ReasonCodeTests
{
    private static readonly TicketState Dispatched = TicketBuilder.Registered().Dispatched().Build();

    private static Change<TicketEvent> Return(string? reason, string? note) =>
        TicketRules.Return(Dispatched, Actors.CentreStaff, new ReturnTicket(reason, note), ActionRequests.OrderId);

    private static Change<TicketEvent> Suspend(string? reason, string? note) =>
        TicketRules.Suspend(Dispatched, Actors.CentreStaff, new SuspendTicket(reason, note));

    [Fact]
    public void Return_for_another_reason_needs_a_note() =>
        Return("other", "  ").ShouldReportFields(("note", "required"));

    [Fact]
    public void Return_for_another_reason_with_a_note_is_recorded() =>
        Return("other", "该事项由市残联直接办理").ShouldRecord(new TicketReturned(Units.NanhuCentre, "other", "该事项由市残联直接办理"));

    [Fact]
    public void Return_for_a_listed_reason_needs_no_note() =>
        Return("duplicate", null).ShouldRecord(new TicketReturned(Units.NanhuCentre, "duplicate", null));

    [Fact]
    public void Unknown_return_reason_is_a_field_error() =>
        Return("too_busy", null).ShouldReportFields(("reasonCode", "unknown_value"));

    [Fact]
    public void Missing_return_reason_is_a_field_error() =>
        Return(null, null).ShouldReportFields(("reasonCode", "unknown_value"));

    [Fact]
    public void Return_reason_codes_are_matched_exactly() =>
        Return("Wrong_County", null).ShouldReportFields(("reasonCode", "unknown_value"));

    [Fact]
    public void Unknown_suspension_reason_is_a_field_error() =>
        Suspend("lunch_break", null).ShouldReportFields(("reasonCode", "unknown_value"));

    [Fact]
    public void Suspension_for_another_reason_needs_a_note() =>
        Suspend("other", null).ShouldReportFields(("note", "required"));

    [Fact]
    public void Overlong_return_note_is_a_field_error() =>
        Return("wrong_county", new string('说', TextLimits.Note + 1)).ShouldReportFields(("note", "too_long"));

    [Fact]
    public void A_reply_of_rare_characters_is_measured_in_characters_like_every_other_item_text()
    {
        var signed = TicketBuilder.Registered().Dispatched().Signed().Build();
        var reply = string.Concat(Enumerable.Repeat("𠀀", TextLimits.LongText));

        TicketRules.Resolve(signed, Actors.CentreStaff, new ReplyToCaller(reply), TicketClocks.Later).ShouldRecord(new TicketResolved(reply));
        TicketRules.Resolve(signed, Actors.CentreStaff, new ReplyToCaller(reply + "𠀀"), TicketClocks.Later).ShouldReportFields(("reply", "too_long"));
    }
}
