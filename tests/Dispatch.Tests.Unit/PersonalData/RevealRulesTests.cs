using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.PersonalData;
using FluentAssertions;

namespace Dispatch.Tests.Unit.PersonalData;

/// <summary>What a reveal answers, in the order the API promises: role, request, scope, value.</summary>
public sealed class RevealRulesTests
{
    private static readonly Actor Operator = new("op", Roles.Operator, null, null);
    private static readonly Actor Supervisor = new("sup", Roles.Supervisor, null, "330400");
    private static readonly RevealRequest Phone = new("callerPhone", "callback", null);
    private static readonly DomainError TicketNotFound = DomainError.NotFound("Ticket", "工单");

    private static RevealableItem Ticket(bool visible = true, string? residentId = null) => new(visible, TicketNotFound, RevealableFields.Ticket,
        field => field switch { "callerPhone" => "13812345678", "residentId" => residentId, _ => null });

    [Fact]
    public void An_operator_gets_the_full_value_of_the_field_asked_for() =>
        RevealRules.Decide(Operator, Phone, Ticket()).Value.Should().Be(new RevealedValue("callerPhone", "13812345678"));

    [Fact]
    public void A_supervisor_who_sees_the_item_is_refused_before_the_request_is_looked_at() =>
        RevealRules.Decide(Supervisor, new RevealRequest("callerName", null, null), Ticket()).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);

    [Fact]
    public void An_item_outside_a_supervisors_scope_does_not_exist_for_the_supervisor_either() =>
        RevealRules.Decide(Supervisor, Phone, Ticket(visible: false)).Error.Should().Be(TicketNotFound);

    [Fact]
    public void The_platform_actor_never_reveals() =>
        RevealRules.Decide(Actor.Platform, Phone, Ticket()).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);

    [Fact]
    public void A_bad_request_is_a_validation_error() =>
        RevealRules.Decide(Operator, new RevealRequest("callerPhone", "curiosity", null), Ticket())
            .Error!.Fields.Should().ContainSingle(f => f.Field == "purpose");

    [Fact]
    public void An_item_the_user_does_not_see_is_not_found_whatever_the_request_says() =>
        RevealRules.Decide(Operator, new RevealRequest("callerPhone", "curiosity", null), Ticket(visible: false)).Error.Should().Be(TicketNotFound);

    [Fact]
    public void An_item_outside_the_users_scope_answers_as_a_read_does() =>
        RevealRules.Decide(Operator, Phone, Ticket(visible: false)).Error.Should().Be(TicketNotFound);

    [Fact]
    public void A_field_the_item_has_no_value_for_is_not_found() =>
        RevealRules.Decide(Operator, new RevealRequest("residentId", "callback", null), Ticket()).Error!.Kind.Should().Be(DomainErrorKind.NotFound);

    [Theory]
    [InlineData("other", null, "note")]
    [InlineData("other", "   ", "note")]
    [InlineData("callback", "a\u0000b", "note")]
    [InlineData(null, null, "purpose")]
    public void A_purpose_needs_its_note_and_a_note_no_control_characters(string? purpose, string? note, string field) =>
        RevealRules.Check(new RevealRequest("callerPhone", purpose, note), RevealableFields.Ticket).Should().ContainSingle(e => e.Field == field);

    [Fact]
    public void A_note_is_logged_trimmed_and_a_blank_one_not_at_all()
    {
        RevealRules.Note(new RevealRequest("callerPhone", "other", "  残联核对  ")).Should().Be("残联核对");
        RevealRules.Note(new RevealRequest("callerPhone", "callback", "  ")).Should().BeNull();
    }

    [Fact]
    public void A_persons_fields_name_the_phone_by_the_items_own_word()
    {
        var person = new Dispatch.People.PersonView("李明", "13812345678", "33040219800101123X", null, "330402", null, null);
        var valueOf = RevealableItem.PersonValues(RevealableFields.PersonPhone, () => person);

        valueOf("personPhone").Should().Be("13812345678");
        valueOf("residentId").Should().Be("33040219800101123X");
        valueOf("disabilityCertificate").Should().BeNull();
        valueOf("applicantPhone").Should().BeNull();
    }
}
