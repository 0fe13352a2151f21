using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Tickets;

/// <summary>The petition procedure of 《信访工作条例》 through the API, as the hotline, the units and their heads use it.</summary>
public sealed class PetitionProcedureApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Today in Jiaxing: written notices are sent today.</summary>
    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jiaxing).Date).ToString("yyyy-MM-dd");

    private static object Notice => new { method = "mail", sentOn = Today, reference = "EMS 9876" };

    private static object Petition(string residentId, string topic = "social_security") =>
        Intake("反映残疾人两项补贴被停发，要求恢复并补发。", kind: "petition", topic: topic, residentId: residentId, phone: "13955556666");

    [Fact]
    public async Task A_petition_is_accepted_extended_once_by_the_unit_head_answered_reviewed_re_reviewed_and_final()
    {
        var residentId = ResidentId("33040219700101" + Random.Shared.Next(100, 999));
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        using var head = await system.SignInAsync("head.330402-centre@jx12385.test");
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var petition = await RegisteredAsync(op, Petition(residentId));
        var acceptanceDue = petition.GetProperty("deadlines").GetProperty("acceptance").GetProperty("dueAt").GetString();
        petition.GetProperty("deadlines").GetProperty("handling").ValueKind.Should().Be(JsonValueKind.Null);
        petition.GetProperty("petition").GetProperty("stage").GetString().Should().Be("petition");

        // Bouncing never moves the acceptance deadline.
        await ActOkAsync(op, petition, "dispatch", new { unitCode = "330411-CENTRE" });
        using (var xiuzhou = await Staff(system, "330411-CENTRE"))
        {
            await ActOkAsync(xiuzhou, petition, "return", new { reasonCode = "wrong_county" });
        }
        var redispatched = await ActOkAsync(op, petition, "dispatch", new { unitCode = "330402-CENTRE" });
        redispatched.GetProperty("deadlines").GetProperty("acceptance").GetProperty("dueAt").GetString().Should().Be(acceptanceDue);
        redispatched.GetProperty("deadlines").GetProperty("signFor").ValueKind.Should().Be(JsonValueKind.Null);

        await ActOkAsync(staff, petition, "sign");
        (await ActAsync(staff, petition, "resolve", new { reply = "答复", notice = Notice })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var accepted = await ActOkAsync(staff, petition, "acceptance", new { accepted = true, notice = Notice });
        accepted.GetProperty("petition").GetProperty("acceptance").GetProperty("accepted").GetBoolean().Should().BeTrue();
        accepted.GetProperty("deadlines").GetProperty("acceptance").GetProperty("state").GetString().Should().Be("met");
        accepted.GetProperty("deadlines").GetProperty("handling").GetProperty("state").GetString().Should().Be("running");

        await ActOkAsync(staff, petition, "extension-requests", new { amount = 30, unit = "calendar_days", reason = "需调取社保、民政多部门材料" });
        var bySupervisor = await ActAsync(supervisor, petition, "extension-decisions", new { approved = true, notice = Notice });
        bySupervisor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var approved = await ActOkAsync(head, petition, "extension-decisions", new { approved = true, note = "同意延期30日", notice = Notice });
        approved.GetProperty("extensions")[0].GetProperty("approved").GetBoolean().Should().BeTrue();
        var second = await ActAsync(staff, petition, "extension-requests", new { amount = 5, unit = "calendar_days", reason = "再延期" });
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("extension_once");

        var replied = await ActOkAsync(staff, petition, "resolve", new { reply = "经核实，补贴已恢复并补发。", notice = Notice });
        replied.GetProperty("petition").GetProperty("answerNotice").GetProperty("method").GetString().Should().Be("mail");
        replied.GetProperty("petition").GetProperty("reviewWindowEndsAt").ValueKind.Should().Be(JsonValueKind.String);

        // 复查: opened at the city's centre, one level up from the county.
        (await ActAsync(staff, petition, "review", new { content = "不服答复", channel = "visit" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var reviewed = await ActOkAsync(op, petition, "review", new { content = "对答复不服，申请复查。", channel = "visit" });
        var reviewLink = reviewed.GetProperty("petition").GetProperty("reviewedBy");
        reviewLink.GetProperty("stage").GetString().Should().Be("review");
        var review = await op.GetFromJsonAsync<JsonElement>($"/api/tickets/{reviewLink.GetProperty("id").GetString()}");
        review.GetProperty("unitCode").GetString().Should().Be("330400-CENTRE");
        review.GetProperty("petition").GetProperty("reviewOfNumber").GetString().Should().Be(petition.GetProperty("number").GetString());
        review.GetProperty("deadlines").GetProperty("handling").GetProperty("state").GetString().Should().Be("running");
        (await ActAsync(op, petition, "review", new { content = "再次申请复查。", channel = "visit" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        using var city = await Staff(system, "330400-CENTRE");
        var worklist = (await city.GetFromJsonAsync<JsonElement[]>("/api/units/330400-CENTRE/worklist"))!;
        worklist.Should().Contain(t => t.GetProperty("id").GetString() == Id(review));
        await ActOkAsync(city, review, "sign");
        (await ActAsync(city, review, "resolve", new { reply = "经复查，维持原答复。", notice = Notice })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await ActOkAsync(city, review, "resolve", new { reply = "经复查，维持原答复。", notice = Notice, outcome = "upheld" });

        // 复核: at the city's designated review office; after its answer the matter is final.
        var reReviewed = await ActOkAsync(op, review, "review", new { content = "对复查意见不服，申请复核。", channel = "letter" });
        var reReviewId = reReviewed.GetProperty("petition").GetProperty("reviewedBy").GetProperty("id").GetString();
        var reReview = await op.GetFromJsonAsync<JsonElement>($"/api/tickets/{reReviewId}");
        reReview.GetProperty("unitCode").GetString().Should().Be("330400-REVIEW");
        using var office = await Staff(system, "330400-REVIEW");
        await ActOkAsync(office, reReview, "sign");
        var final = await ActOkAsync(office, reReview, "resolve", new { reply = "经复核，撤销原答复，责成重新办理。", notice = Notice, outcome = "changed" });
        final.GetProperty("petition").GetProperty("final").GetBoolean().Should().BeTrue();
        final.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().NotContain("review");

        // The same person on the same matter again: flagged at intake as concluded.
        var again = await RegisteredAsync(op, Petition(residentId));
        again.GetProperty("petition").GetProperty("concludedBy").GetString().Should().Be(reReview.GetProperty("number").GetString());
        var otherTopic = await RegisteredAsync(op, Petition(residentId, topic: "employment"));
        otherTopic.GetProperty("petition").GetProperty("concludedBy").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_petition_not_accepted_is_answered_with_its_reason_and_cannot_be_reviewed()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        var petition = await RegisteredAsync(op, Petition(ResidentId("33040219800101" + Random.Shared.Next(100, 999))));
        await ActOkAsync(op, petition, "dispatch", new { unitCode = "330402-CENTRE" });
        await ActOkAsync(staff, petition, "sign");

        var bad = await ActAsync(staff, petition, "acceptance", new { accepted = false, reasonCode = "nope", notice = new { method = "mail", sentOn = "2020-01-01" } });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString())
            .Should().BeEquivalentTo(["reasonCode", "note", "notice.sentOn"]);
        Status(await GetAsync(op, petition)).Should().Be("signed");

        var refused = await ActOkAsync(staff, petition, "acceptance",
            new { accepted = false, reasonCode = "legal_channel", note = "该事项属行政复议范围，请依法申请行政复议。", notice = Notice });
        Status(refused).Should().Be("resolved");
        refused.GetProperty("reply").GetString().Should().Contain("行政复议");
        refused.GetProperty("petition").GetProperty("acceptance").GetProperty("reasonCode").GetString().Should().Be("legal_channel");
        (await ActAsync(op, refused, "review", new { content = "申请复查", channel = "visit" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
