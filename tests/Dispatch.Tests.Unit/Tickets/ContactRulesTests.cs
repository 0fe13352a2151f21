using Dispatch.Tests.Unit.People;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// The caller's contact at intake: a letter, a visit or an online request may come without a phone; the method is
/// chosen, or suggested by the certificate's disability category, and must be usable with what was given.
/// </summary>
public sealed class ContactRulesTests
{
    private static readonly TicketIntake Call = Intakes.Valid() with { DisabilityCertificate = null };

    /// <summary>A letter with the caller's name and county only: no phone, no address.</summary>
    private static readonly TicketIntake BareLetter = Call with { Channel = "letter", CallerPhone = null, Address = null };

    private static ValidContact ContactOf(TicketIntake intake)
    {
        var result = Intakes.Validate(intake);
        result.Errors.Should().BeEmpty();
        return result.Intake!.Contact;
    }

    private static IEnumerable<(string Field, string Code)> Problems(TicketIntake intake) =>
        Intakes.ErrorsOf(intake).Select(e => (e.Field, e.Code));

    [Fact]
    public void A_call_still_needs_the_callers_phone() =>
        Problems(Call with { CallerPhone = null }).Should().Equal(("callerPhone", "required"));

    [Theory]
    [InlineData("letter")]
    [InlineData("visit")]
    [InlineData("online")]
    public void A_letter_a_visit_or_an_online_request_without_any_contact_must_say_none(string channel)
    {
        Problems(BareLetter with { Channel = channel }).Should().Equal(("contactMethod", "contact_required"));

        var none = ContactOf(BareLetter with { Channel = channel, ContactMethod = "none" });
        none.Method.Should().Be("none");
        Intakes.Validate(BareLetter with { Channel = channel, ContactMethod = "none" }).Intake!.CallerPhone.Should().BeNull();
    }

    [Fact]
    public void The_app_channel_always_brings_a_phone() =>
        Problems(BareLetter with { Channel = "app", ContactMethod = "none" }).Should().Equal(("callerPhone", "required"));

    [Fact]
    public void A_letter_with_an_address_or_an_email_is_answered_in_writing()
    {
        ContactOf(BareLetter with { Address = "禾兴南路 100 号" }).Method.Should().Be("letter");
        var email = ContactOf(BareLetter with { OtherContact = "caller@example.cn" });
        email.Method.Should().Be("letter");
        email.OtherContact.Should().Be("caller@example.cn");
    }

    [Theory]
    [InlineData(1, "voice")]
    [InlineData(2, "text")]
    [InlineData(3, "text")]
    [InlineData(4, "voice")]
    [InlineData(7, "voice")]
    public void The_certificates_category_suggests_the_method_when_none_is_chosen(int category, string method) =>
        ContactOf(Call with { DisabilityCertificate = IdNumbers.Certificate(IdNumbers.Nanhu1980, category, 2) }).Method.Should().Be(method);

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void An_intellectual_or_mental_disability_is_reached_through_the_guardian_when_one_is_given(int category)
    {
        var certificate = IdNumbers.Certificate(IdNumbers.Nanhu1980, category, 2);
        var guardian = ContactOf(Call with
        {
            DisabilityCertificate = certificate, GuardianName = "李建国", GuardianRelation = "guardian", GuardianPhone = "13900001111",
        });
        guardian.Method.Should().Be("guardian");
        guardian.GuardianName.Should().Be("李建国");
        guardian.GuardianPhone!.Value.Should().Be("13900001111");

        // Without a guardian, the suggestion cannot be used and the caller's own phone serves.
        ContactOf(Call with { DisabilityCertificate = certificate }).Method.Should().Be("voice");
    }

    [Fact]
    public void A_method_chosen_by_hand_must_be_usable_with_what_was_given()
    {
        Problems(BareLetter with { ContactMethod = "text" }).Should().Equal(("callerPhone", "contact_needs_phone"));
        Problems(Call with { ContactMethod = "guardian" }).Should().Equal(("guardianPhone", "contact_needs_guardian"));
        Problems(BareLetter with { ContactMethod = "letter", OtherContact = null }).Should().Equal(("otherContact", "contact_needs_address"));
        Problems(Call with { ContactMethod = "fax" }).Should().Equal(("contactMethod", "unknown_value"));
        ContactOf(Call with { ContactMethod = "video" }).Method.Should().Be("video");
    }

    [Fact]
    public void A_guardian_is_a_name_and_a_phone_together()
    {
        Problems(Call with { GuardianName = "李建国" }).Should().Equal(("guardianPhone", "required"));
        Problems(Call with { GuardianPhone = "13900001111" }).Should().Equal(("guardianName", "required"));
        Problems(Call with { GuardianName = "李建国", GuardianPhone = "12385" }).Should().Equal(("guardianPhone", "service_number"));
        Problems(Call with { GuardianName = "李建国", GuardianPhone = "13900001111", GuardianRelation = "cousin" })
            .Should().Equal(("guardianRelation", "unknown_value"));
        ContactOf(Call with { GuardianName = "李建国", GuardianPhone = "13900001111" }).GuardianRelation.Should().Be("guardian");
    }

    [Fact]
    public void A_petition_needs_a_way_to_deliver_its_written_notices() =>
        Problems(BareLetter with { Kind = "petition", ContactMethod = "none" }).Should().Equal(("contactMethod", "petition_needs_contact"));

    [Fact]
    public void Every_contact_message_comes_in_Chinese_and_English() =>
        new[] { BareLetter, BareLetter with { ContactMethod = "text" }, Call with { ContactMethod = "guardian" },
                BareLetter with { ContactMethod = "letter" }, BareLetter with { Kind = "petition", ContactMethod = "none" } }
            .SelectMany(Intakes.ErrorsOf)
            .Should().OnlyContain(e => e.MessageZh.Length > 0 && e.MessageEn.Length > 0 && e.MessageZh != e.MessageEn);

    [Fact]
    public void A_caller_without_any_contact_is_owed_no_callback_and_the_ticket_closes_at_once()
    {
        var resolved = TicketBuilder.RegisteredWith(d => d with { Channel = "letter", CallerPhone = null, ContactMethod = "none" })
            .Dispatched().Signed().Resolved().Build();

        resolved.AwaitsCallback.Should().BeFalse();
        resolved.NextCallbackAt.Should().BeNull();
        resolved.Callback.Should().BeNull("no callback clock runs for a caller who cannot be reached");
        TicketRules.AllowedActions(resolved).Should().Contain(TicketActions.Close).And.NotContain(TicketActions.Callback);
    }

    [Fact]
    public void A_caller_reached_by_text_or_through_the_guardian_is_still_owed_a_callback()
    {
        foreach (var method in new[] { "text", "guardian", "letter" })
        {
            var resolved = TicketBuilder.RegisteredWith(d => d with { ContactMethod = method }).Dispatched().Signed().Resolved().Build();
            resolved.AwaitsCallback.Should().BeTrue(method);
            TicketRules.AllowedActions(resolved).Should().Contain(TicketActions.Callback).And.NotContain(TicketActions.Close);
        }
    }
}
