using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Tickets;

public sealed class TicketLifecycleApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Registering_answers_201_with_number_status_county_and_version()
    {
        using var op = await Operator(system);
        var response = await RegisterAsync(op, Intake());
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        ticket.GetProperty("number").GetString().Should().MatchRegex(@"^JX12385-\d{8}-\d{6}$");
        Status(ticket).Should().Be("registered");
        ticket.GetProperty("countyCode").GetString().Should().Be("330402");
        Version(ticket).Should().Be(1);
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        response.Headers.Location!.ToString().Should().Be($"/api/tickets/{Id(ticket)}");
    }

    [Fact]
    public async Task A_ticket_goes_from_registration_to_closure_and_every_step_is_in_its_history()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op);
        var dispatched = await ActOkAsync(op, ticket, "dispatch", new { });
        Status(dispatched).Should().Be("dispatched");
        dispatched.GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");
        dispatched.GetProperty("deadlines").GetProperty("signFor").GetProperty("state").GetString().Should().Be("running");

        using var staff = await Staff(system, "330402-CENTRE");
        Status(await ActOkAsync(staff, ticket, "sign")).Should().Be("signed");
        var resolved = await ActOkAsync(staff, ticket, "resolve", new { reply = "已协调街道核实，补贴已于本周发放。" });
        Status(resolved).Should().Be("resolved");
        resolved.GetProperty("deadlines").GetProperty("handling").GetProperty("state").GetString().Should().Be("met");

        await ActOkAsync(op, ticket, "callback", new { reached = true, satisfaction = "satisfied" });
        var closed = await ActOkAsync(op, ticket, "close", new { });
        Status(closed).Should().Be("closed");

        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/tickets/{Id(ticket)}/history"))!;
        history!.Select(h => h.GetProperty("type").GetString()).Should().Equal(
            "registered", "dispatched", "signed", "resolved", "callback_recorded", "closed");
        history!.Select(h => h.GetProperty("version").GetInt32()).Should().Equal(1, 2, 3, 4, 5, 6);
        history[2].GetProperty("actor").GetProperty("role").GetString().Should().Be("unit_staff");
        history[2].GetProperty("actor").GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");
    }

    [Fact]
    public async Task An_action_not_allowed_now_answers_409_naming_the_status_and_what_is_allowed_and_changes_nothing()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op);
        var response = await ActAsync(op, ticket, "resolve", new { reply = "答复" });
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("currentStatus").GetString().Should().Be("registered");
        problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().Contain(["dispatch", "answer"]);
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("已登记");
        Version(await GetAsync(op, ticket)).Should().Be(1);
    }

    [Fact]
    public async Task A_stale_if_match_answers_412_and_changes_nothing()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op);
        await ActOkAsync(op, ticket, "dispatch", new { });
        var response = await ActAsync(op, ticket, "dispatch", new { unitCode = "330402-LEGAL" }, ifMatch: 1);
        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await GetAsync(op, ticket)).GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");
    }

    [Fact]
    public async Task Answering_on_the_spot_resolves_at_intake_and_may_close_without_dispatch()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, Intake(kind: "inquiry"));
        var answered = await ActOkAsync(op, ticket, "answer", new { reply = "已告知办理残疾人证所需材料。" });
        Status(answered).Should().Be("resolved");
        answered.GetProperty("answeredOnSpot").GetBoolean().Should().BeTrue();
        Status(await ActOkAsync(op, ticket, "close", new { })).Should().Be("closed");
    }

    [Fact]
    public async Task An_unsatisfied_caller_reopens_the_ticket_at_the_same_unit_as_rework()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        var ticket = await RegisteredAsync(op);
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        await ActOkAsync(staff, ticket, "sign");
        await ActOkAsync(staff, ticket, "resolve", new { reply = "已答复。" });
        await ActOkAsync(op, ticket, "callback", new { reached = true, satisfaction = "unsatisfied" });
        var reopened = await ActOkAsync(op, ticket, "reopen", new { note = "来电人对答复不满意" });
        Status(reopened).Should().Be("dispatched");
        reopened.GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");
        reopened.GetProperty("reworkCount").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task The_escalation_ladder_raises_one_order_per_cause_by_itself_with_its_evidence()
    {
        using var op = await Operator(system);
        using var centre = await Staff(system, "330402-CENTRE");
        var ticket = await RegisteredAsync(op);
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        for (var round = 1; round <= 3; round++)
        {
            await ActOkAsync(centre, ticket, "sign");
            await ActOkAsync(centre, ticket, "resolve", new { reply = $"第 {round} 次答复：已协调街道核实。" });
            await ActOkAsync(op, ticket, "callback", new { reached = true, satisfaction = "unsatisfied" });
            ticket = await ActOkAsync(op, ticket, "reopen", new { note = "来电人仍不满意" });
        }

        var causes = ticket.GetProperty("supervisionOrders").EnumerateArray().Select(o => o.GetProperty("cause").GetString()).ToList();
        causes.Should().BeEquivalentTo(["unsatisfied_callbacks", "rework"], "the third unsatisfied callback finds the first order still open");
        var rework = ticket.GetProperty("supervisionOrders").EnumerateArray().Single(o => o.GetProperty("cause").GetString() == "rework");
        rework.GetProperty("note").GetString().Should().Contain("已重办 3 次");
        rework.GetProperty("state").GetString().Should().Be("open", "the unit holding the ticket owes a written reply");
    }

    [Fact]
    public async Task A_callers_third_call_on_a_topic_within_30_days_brings_an_order_at_its_first_dispatch_naming_the_earlier_tickets()
    {
        using var op = await Operator(system);
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        var calls = new List<JsonElement>();
        for (var call = 1; call <= 3; call++)
        {
            var registered = await RegisteredAsync(op, Intake($"第 {call} 次来电：无障碍通道仍未修复。", kind: "complaint", topic: "accessibility", phone: phone));
            calls.Add(await ActOkAsync(op, registered, "dispatch", new { unitCode = "330402-CENTRE" }));
        }

        calls.Select(c => c.GetProperty("repeatCount").GetInt32()).Should().Equal(0, 1, 2);
        calls.Take(2).Should().AllSatisfy(c => c.GetProperty("supervisionOrders").GetArrayLength().Should().Be(0, "a first and a second call bring no order"));
        var order = calls[2].GetProperty("supervisionOrders").EnumerateArray().Should().ContainSingle().Subject;
        order.GetProperty("cause").GetString().Should().Be("repeat_caller");
        order.GetProperty("state").GetString().Should().Be("open", "the unit the ticket was dispatched to owes a written reply");
        order.GetProperty("note").GetString().Should().Contain("第 3 次来电")
            .And.Contain(calls[0].GetProperty("number").GetString()).And.Contain(calls[1].GetProperty("number").GetString());
    }

    [Fact]
    public async Task Two_returns_make_the_ticket_wait_for_a_ruling_with_a_supervision_order()
    {
        using var op = await Operator(system);
        using var centre = await Staff(system, "330402-CENTRE");
        using var legal = await Staff(system, "330402-LEGAL");
        var ticket = await RegisteredAsync(op);
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        await ActOkAsync(centre, ticket, "return", new { reasonCode = "not_our_responsibility" });
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-LEGAL" });
        var returned = await ActOkAsync(legal, ticket, "return", new { reasonCode = "not_our_responsibility" });
        returned.GetProperty("awaitingRuling").GetBoolean().Should().BeTrue();
        returned.GetProperty("supervisionOrders").EnumerateArray().Should().ContainSingle(o => o.GetProperty("cause").GetString() == "repeated_returns");

        var automatic = await ActAsync(op, ticket, "dispatch", new { });
        automatic.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var ruled = await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE", note = "审定：由矛调中心办理" });
        ruled.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().NotContain("return");
    }

    [Fact]
    public async Task Suspending_pauses_the_clocks_and_resuming_runs_them_again()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        var ticket = await RegisteredAsync(op);
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        await ActOkAsync(staff, ticket, "sign");
        var suspended = await ActOkAsync(staff, ticket, "suspend", new { reasonCode = "awaiting_citizen_documents" });
        suspended.GetProperty("suspended").GetBoolean().Should().BeTrue();
        suspended.GetProperty("deadlines").GetProperty("handling").GetProperty("state").GetString().Should().Be("paused");
        suspended.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().Contain("resume").And.NotContain("resolve");
        var resumed = await ActOkAsync(staff, ticket, "resume", new { });
        resumed.GetProperty("deadlines").GetProperty("handling").GetProperty("state").GetString().Should().BeOneOf("running", "warning");
    }

    [Fact]
    public async Task An_extension_asked_by_the_unit_and_approved_by_the_county_supervisor_moves_the_handling_deadline()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        using var supervisor = await system.SignInAsync("supervisor.330402@jx12385.test");
        var ticket = await RegisteredAsync(op, Intake(kind: "complaint"));
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        var signed = await ActOkAsync(staff, ticket, "sign");
        var before = signed.GetProperty("deadlines").GetProperty("handling").GetProperty("dueAt").GetDateTimeOffset();
        await ActOkAsync(staff, ticket, "extension-requests", new { amount = 3, unit = "working_days", reason = "需等待区民政局出具意见" });
        var decided = await ActOkAsync(supervisor, ticket, "extension-decisions", new { approved = true });
        var after = decided.GetProperty("deadlines").GetProperty("handling").GetProperty("dueAt").GetDateTimeOffset();
        after.Should().BeAfter(before.AddDays(2));
        decided.GetProperty("extensions")[0].GetProperty("approved").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task An_extension_over_the_cap_is_refused_naming_the_amount()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        var ticket = await RegisteredAsync(op, Intake(kind: "inquiry"));
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        await ActOkAsync(staff, ticket, "sign");
        var response = await ActAsync(staff, ticket, "extension-requests", new { amount = 30, unit = "working_days", reason = "理由" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("amount");
    }

    [Fact]
    public async Task A_duplicate_merged_into_an_earlier_ticket_keeps_its_own_callback()
    {
        using var op = await Operator(system);
        var first = await RegisteredAsync(op);
        var second = await RegisteredAsync(op, Intake(caller: "李四", phone: "13912345678"));
        var merged = await ActOkAsync(op, second, "merge", new { intoTicketId = Id(first) });
        merged.GetProperty("mergedInto").GetString().Should().Be(Id(first));
        merged.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().Contain("callback");
        var target = await GetAsync(op, first);
        target.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()).Should().Contain(merged.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_duplicate_is_merged_by_the_number_of_the_earlier_ticket_and_an_unknown_number_is_a_field_error()
    {
        using var op = await Operator(system);
        var first = await RegisteredAsync(op);
        var second = await RegisteredAsync(op, Intake(caller: "王五", phone: "13912345679"));

        var unknown = await ActAsync(op, second, "merge", new { intoNumber = "JX12385-19990101-000001" });
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("intoNumber");
        Version(await GetAsync(op, second)).Should().Be(Version(second));

        var merged = await ActOkAsync(op, second, "merge", new { intoNumber = " " + first.GetProperty("number").GetString()!.ToLowerInvariant() });
        merged.GetProperty("mergedInto").GetString().Should().Be(Id(first));
        (await GetAsync(op, first)).GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()).Should().Contain(merged.GetProperty("number").GetString());
    }
}
