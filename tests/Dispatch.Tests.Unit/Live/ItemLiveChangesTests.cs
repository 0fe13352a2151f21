using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Live;
using Dispatch.Rehab;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Live;

/// <summary>Supervisors' alerts are worded alike for every item, from the item's own vocabulary.</summary>
public sealed class ItemLiveChangesTests
{
    [Fact]
    public void An_overdue_clock_is_named_with_the_item_and_clock_names_of_its_vocabulary()
    {
        var alert = ItemLiveChanges.Alerts(LegalAidVocabulary.Item, "JXFY-20260302-000001", "labour_dispute", "欧阳晓明", [ItemAlarm.Overdue(LegalAidClockNames.Decision)]).Single();

        alert.Kind.Should().Be(LiveAlertKinds.Overdue);
        alert.MessageZh.Should().Be("法律援助案件 JXFY-20260302-000001（labour_dispute）审查决定时限已超期。");
        alert.MessageEn.Should().Be("Legal-aid case JXFY-20260302-000001 (labour_dispute): the decision deadline has passed.");
    }

    [Theory]
    [InlineData(SupervisionCauses.Overdue, "超期自动督办", "automatic, overdue")]
    [InlineData(SupervisionCauses.RepeatedReturns, "多次退单", "repeated returns")]
    [InlineData(SupervisionCauses.Manual, "人工督办", "by a supervisor")]
    public void A_supervision_order_names_its_cause_and_note(string cause, string causeZh, string causeEn)
    {
        var alert = ItemLiveChanges.Alerts(TicketVocabulary.Item, "JX12385-20260302-000001", "补贴未发放", "欧阳晓明", [ItemAlarm.Order(cause, "请加快办理")]).Single();

        alert.Kind.Should().Be(LiveAlertKinds.Supervision);
        alert.MessageZh.Should().Be($"工单 JX12385-20260302-000001（补贴未发放）已督办（{causeZh}）: 请加快办理");
        alert.MessageEn.Should().Be($"Supervision order on ticket JX12385-20260302-000001 (补贴未发放, {causeEn}): 请加快办理");
    }

    [Fact]
    public void An_escalated_order_tells_the_supervisors_the_level_it_reached()
    {
        var alert = ItemLiveChanges.Alerts(TicketVocabulary.Item, "JX12385-20260302-000001", "补贴未发放", "欧阳晓明",
            [ItemAlarm.Escalation(SupervisionCauses.Manual, SupervisionLevels.County)]).Single();

        alert.Kind.Should().Be(LiveAlertKinds.Supervision);
        alert.MessageZh.Should().Be("工单 JX12385-20260302-000001（补贴未发放）督办（人工督办）逾期未回复，已升级至县级。");
        alert.MessageEn.Should().Contain("went to the county level");
    }

    [Fact]
    public void A_reminder_is_its_own_kind_of_alert_with_its_note_screened_of_the_callers_name()
    {
        var alert = ItemLiveChanges.Alerts(TicketVocabulary.Item, "JX12385-20260302-000001", "补贴未发放", "欧阳晓明",
            [ItemAlarm.Reminded("欧阳晓明再次来电询问进度")]).Single();

        alert.Kind.Should().Be(LiveAlertKinds.Reminder);
        alert.MessageZh.Should().StartWith("工单 JX12385-20260302-000001（补贴未发放）催办").And.NotContain("欧阳晓明");
    }

    [Fact]
    public void Several_alarms_of_one_commit_give_one_alert_each_in_order()
    {
        var alerts = ItemLiveChanges.Alerts(RehabVocabulary.Item, "JXKF-20260302-000007", "assessment", "欧阳晓明",
            [ItemAlarm.Overdue(RehabClockNames.FirstVisit), ItemAlarm.Order(SupervisionCauses.Overdue, null)]);

        alerts.Select(a => a.Kind).Should().Equal(LiveAlertKinds.Overdue, LiveAlertKinds.Supervision);
        alerts[0].MessageZh.Should().Contain("首次上门时限已超期");
        alerts[1].MessageEn.Should().EndWith("automatic, overdue).");
    }
}
