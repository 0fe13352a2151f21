using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Live;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Stats;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Live;

/// <summary>What the live feed pushes carries no name of the item's person and no personal number, whatever was typed.</summary>
public sealed class ScreenedLiveChangesTests
{
    private const string Caller = "张秀英";
    private const string Title = "张秀英（手机13812345678）反映无障碍坡道损坏";

    [Fact]
    public void A_ticket_s_pushed_title_is_screened_of_its_caller_s_name_and_numbers()
    {
        var change = Registered(Title).Announced!;

        change.Item.Title.Should().Be("张**（手机138****5678）反映无障碍坡道损坏");
    }

    [Fact]
    public void A_ticket_s_stored_row_keeps_the_title_as_typed()
    {
        var story = Registered(Title);

        story.Row!.Title.Should().Be(Title);
        story.State.Details.Title.Should().Be(Title);
    }

    [Fact]
    public void A_supervision_alert_screens_the_title_and_the_note()
    {
        var story = Registered(Title).Write(new SupervisionOrderIssued(Guid.NewGuid(), SupervisionCauses.Manual, "请联系张秀英，电话0573-82345678"));

        var alert = story.Announced!.Alerts.Should().ContainSingle().Subject;
        foreach (var message in new[] { alert.MessageZh, alert.MessageEn })
        {
            message.Should().NotContain(Caller).And.NotContain("13812345678").And.NotContain("82345678");
            message.Should().Contain("张**").And.Contain("138****5678").And.Contain("0573-****5678");
        }
    }

    [Fact]
    public void A_legal_aid_alert_screens_its_note_of_the_applicant_s_name()
    {
        var row = new LegalAidStatsRow { Id = Guid.NewGuid(), Number = "JXFY-20260302-000001", ApplicantName = "欧阳晓明", CaseType = "labour_dispute" };

        var alert = LegalAidLiveChanges.Mapper.Alerts(row, [new CaseSupervisionOrdered(Guid.NewGuid(), SupervisionCauses.Manual, "欧阳晓明身份证330402199001011234")])
            .Should().ContainSingle().Subject;

        alert.MessageZh.Should().EndWith(": 欧**身份证330402********1234");
    }

    private static TicketStory Registered(string title) => new TicketStory().Write(new TicketRegistered("JX12385-20260302-000001",
        new TicketDetails("phone", "complaint", "social_security", "normal", Caller, "13812345678", null, null, "330402", null, null,
            title, "来电人张秀英反映小区坡道损坏，联系电话13812345678。"),
        "phone:13812345678", TicketClocks.Rules("complaint", "normal"), 0, "fingerprint"));
}
