using Dispatch.LegalAid;
using Dispatch.Notifications;
using Dispatch.Rehab;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.LegalAid;
using Dispatch.Tests.Unit.Rehab;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Notifications;

public sealed class CaseAndVisitOutgoingTests
{
    [Fact]
    public void A_granted_or_refused_application_is_told_to_the_applicant()
    {
        var eligible = CaseBuilder.Applied().Accepted().Eligible();

        var granted = LegalAidOutgoing.From(eligible.State, [new AidGranted(null)], eligible.Granted().State, eligible.Clocks);
        var refused = LegalAidOutgoing.From(eligible.State, [new AidRefused("不属于法律援助范围。")], eligible.Refused().State, eligible.Clocks);

        granted!.Messages.Should().ContainSingle().Which.Template.Should().Be(NotificationTemplateIds.LegalAidGranted);
        refused!.Messages.Should().ContainSingle().Which.To.Should().Be(OutgoingRecipient.Person(eligible.State.Applicant.Phone));
        refused.Messages[0].Template.Should().Be(NotificationTemplateIds.LegalAidRefused);
        LegalAidOutgoing.From(CaseBuilder.Applied().State, [new CaseAccepted(null)], CaseBuilder.Applied().Accepted().State, eligible.Clocks)
            .Should().BeNull();
    }

    [Fact]
    public void A_booked_visit_tells_the_person_its_window_in_local_time_and_a_moved_one_the_new_window()
    {
        var accepted = VisitBuilder.AcceptedRequest();
        var booked = accepted.Scheduled(Shanghai.At(2026, 3, 4, 10));
        var moved = booked.With(new VisitRescheduled(Shanghai.At(2026, 3, 5, 14), Shanghai.At(2026, 3, 5, 16), "本人复诊", true));

        var onBooking = RehabOutgoing.From(accepted.State, [new VisitScheduled(Shanghai.At(2026, 3, 4, 10), Shanghai.At(2026, 3, 4, 12))], booked.State, booked.Clocks);
        var onMove = RehabOutgoing.From(booked.State, [new VisitRescheduled(Shanghai.At(2026, 3, 5, 14), Shanghai.At(2026, 3, 5, 16), "本人复诊", true)], moved.State, moved.Clocks);

        var first = onBooking!.Messages.Should().ContainSingle().Subject;
        first.Template.Should().Be(NotificationTemplateIds.RehabBooked);
        first.To.Should().Be(OutgoingRecipient.Person("13812345678"));
        first.Placeholders["window"].Should().Be("2026-03-04 10:00-12:00");
        onMove!.Messages.Should().ContainSingle().Which.Placeholders["window"].Should().Be("2026-03-05 14:00-16:00");
    }
}
