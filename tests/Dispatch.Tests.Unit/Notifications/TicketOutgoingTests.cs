using Dispatch.Notifications;
using Dispatch.Tests.Unit.Stats;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using FluentAssertions;
using UnitCodes = Dispatch.Tests.Unit.Tickets.Units;

namespace Dispatch.Tests.Unit.Notifications;

public sealed class TicketOutgoingTests
{
    [Fact]
    public void A_registered_ticket_acknowledges_the_caller_by_SMS_with_its_number_and_local_deadline()
    {
        var story = TicketStory.Registered();

        var messages = TicketOutgoing.From(Dispatch.Tickets.TicketState.Empty, story.LastEvents, story.State, TicketClocks.At(story.Clock.GetUtcNow()));

        var ack = messages!.Messages.Should().ContainSingle().Subject;
        ack.Template.Should().Be(NotificationTemplateIds.TicketRegistered);
        ack.To.Should().Be(OutgoingRecipient.Person("13812345678"));
        ack.Placeholders["number"].Should().Be(story.State.Number);
        // Registered Monday 09:00 in Jiaxing: the deadline is a later local minute, written without an offset.
        ack.Placeholders["deadline"].Should().MatchRegex(@"^2026-0\d-\d\d \d\d:\d\d$").And.NotBe("2026-03-02 09:00");
    }

    [Fact]
    public void A_dispatch_tells_the_receiving_unit_by_SMS_and_by_e_mail_with_the_link_and_not_the_caller()
    {
        var story = TicketStory.Registered();
        var before = story.State;
        story.Dispatched(UnitCodes.NanhuCentre);

        var messages = TicketOutgoing.From(before, story.LastEvents, story.State, TicketClocks.At(story.Clock.GetUtcNow()));

        messages!.Messages.Select(m => (m.Template, m.Channel)).Should().Equal(
            (NotificationTemplateIds.TicketDispatched, NotificationChannels.Sms), (NotificationTemplateIds.TicketDispatchedEmail, NotificationChannels.Email));
        messages.Messages.Should().OnlyContain(m => m.To == OutgoingRecipient.Unit(UnitCodes.NanhuCentre));
        var email = messages.Messages[1];
        email.Placeholders["link"].Should().Be($"/#/tickets/{story.State.Id}");
        email.Placeholders["deadline"].Should().Be(messages.Messages[0].Placeholders["deadline"]);
    }

    [Fact]
    public void A_write_that_tells_no_one_outside_queues_nothing()
    {
        var story = TicketStory.Registered().Dispatched();
        var before = story.State;
        story.Signed();

        TicketOutgoing.From(before, story.LastEvents, story.State, TicketClocks.At(story.Clock.GetUtcNow())).Should().BeNull();
    }
}
