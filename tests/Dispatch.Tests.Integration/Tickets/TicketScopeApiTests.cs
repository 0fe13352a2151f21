using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Tickets;

public sealed class TicketScopeApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Another_units_staff_and_another_countys_supervisor_get_404()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op);
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        using var otherUnit = await Staff(system, "330411-CENTRE");
        using var otherCounty = await system.SignInAsync("supervisor.330411@jx12385.test");
        (await otherUnit.GetAsync($"/api/tickets/{Id(ticket)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherCounty.GetAsync($"/api/tickets/{Id(ticket)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ActAsync(otherUnit, ticket, "sign")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherUnit.GetAsync($"/api/tickets/{Id(ticket)}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Supervisors_and_operators_alike_see_masked_phone_and_id_numbers()
    {
        using var op = await Operator(system);
        var id = ResidentId("33040219750505" + Random.Shared.Next(100, 999));
        var ticket = await RegisteredAsync(op, Intake(residentId: id, phone: "13955556666"));
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var seen = await GetAsync(supervisor, ticket);
        seen.GetProperty("callerPhone").GetString().Should().Be("139****6666");
        seen.GetProperty("residentId").GetString().Should().Be(id[..6] + "********" + id[14..]);
        (await GetAsync(op, ticket)).GetProperty("callerPhone").GetString().Should().Be("139****6666", "a full number only by a reveal");
    }

    [Fact]
    public async Task Every_role_sees_masked_numbers_in_the_history_and_in_search_results()
    {
        using var op = await Operator(system);
        var id = ResidentId("33040219760606" + Random.Shared.Next(100, 999));
        var ticket = await RegisteredAsync(op, Intake(residentId: id, phone: "13944445555", content: "历史记录脱敏测试：督办看到的身份证号和电话须打码。"));
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var history = await supervisor.GetStringAsync($"/api/tickets/{Id(ticket)}/history");
        var found = await supervisor.GetFromJsonAsync<JsonElement>("/api/tickets?q=历史记录脱敏测试");

        history.Should().NotContain("13944445555").And.NotContain(id).And.Contain("139****5555");
        found.GetRawText().Should().NotContain(id).And.NotContain("13944445555");
        (await op.GetStringAsync($"/api/tickets/{Id(ticket)}/history")).Should().NotContain("13944445555").And.NotContain(id).And.Contain("139****5555");
    }

    [Fact]
    public async Task The_worklist_lists_a_units_open_tickets_nearest_deadline_first()
    {
        using var op = await Operator(system);
        var urgent = await RegisteredAsync(op, Intake(urgency: "urgent", county: "330421"));
        var normal = await RegisteredAsync(op, Intake(county: "330421"));
        await ActOkAsync(op, normal, "dispatch", new { unitCode = "330421-CENTRE" });
        await ActOkAsync(op, urgent, "dispatch", new { unitCode = "330421-CENTRE" });
        using var staff = await Staff(system, "330421-CENTRE");
        var list = await staff.GetFromJsonAsync<JsonElement[]>("/api/units/330421-CENTRE/worklist");
        var ids = list!.Select(t => t.GetProperty("id").GetString()).ToList();
        ids.IndexOf(Id(urgent)).Should().BeLessThan(ids.IndexOf(Id(normal)));
        (await staff.GetAsync("/api/units/330402-CENTRE/worklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_dispatch_queue_puts_returned_tickets_first()
    {
        using var op = await Operator(system);
        var fresh = await RegisteredAsync(op, Intake(county: "330424"));
        var bounced = await RegisteredAsync(op, Intake(county: "330424"));
        await ActOkAsync(op, bounced, "dispatch", new { unitCode = "330424-CENTRE" });
        using var staff = await Staff(system, "330424-CENTRE");
        await ActOkAsync(staff, bounced, "return", new { reasonCode = "wrong_county" });
        var queue = await op.GetFromJsonAsync<JsonElement[]>("/api/dispatch-queue");
        var ids = queue!.Select(t => t.GetProperty("id").GetString()).ToList();
        ids.Should().Contain(Id(fresh));
        ids.IndexOf(Id(bounced)).Should().BeLessThan(ids.IndexOf(Id(fresh)));
    }

    [Fact]
    public async Task Search_finds_by_text_and_filters_by_county_and_status_within_scope()
    {
        using var op = await Operator(system);
        var marker = "盲道占用" + Random.Shared.Next(1000, 9999);
        var ticket = await RegisteredAsync(op, Intake(content: $"来电反映小区{marker}问题，请协调处理。", topic: "accessibility", county: "330481"));
        var page = await op.GetFromJsonAsync<JsonElement>($"/api/tickets?q={Uri.EscapeDataString(marker)}&county=330481&status=registered");
        page.GetProperty("total").GetInt32().Should().Be(1);
        page.GetProperty("items")[0].GetProperty("id").GetString().Should().Be(Id(ticket));
        page.GetProperty("items")[0].GetProperty("callerPhone").GetString().Should().Contain("****");

        using var otherCounty = await system.SignInAsync("supervisor.330402@jx12385.test");
        var hidden = await otherCounty.GetFromJsonAsync<JsonElement>($"/api/tickets?q={Uri.EscapeDataString(marker)}");
        hidden.GetProperty("total").GetInt32().Should().Be(0);
        (await op.GetAsync("/api/tickets?status=lost")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_search_by_the_callers_phone_in_the_body_finds_the_ticket_in_scope_and_shows_the_number_masked()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, Intake(phone: "0573-82345671", county: "330482", content: "按电话查询测试：来电反映辅具适配进度。"));
        using var ownCounty = await system.SignInAsync("supervisor.330482@jx12385.test");
        using var otherCounty = await system.SignInAsync("supervisor.330411@jx12385.test");

        var found = await (await op.PostAsJsonAsync("/api/tickets/search", new { phone = "0573 8234 5671" })).Content.ReadFromJsonAsync<JsonElement>();
        var bySupervisor = await (await ownCounty.PostAsJsonAsync("/api/tickets/search", new { phone = "057382345671" })).Content.ReadFromJsonAsync<JsonElement>();
        var elsewhere = await (await otherCounty.PostAsJsonAsync("/api/tickets/search", new { phone = "0573-82345671" })).Content.ReadFromJsonAsync<JsonElement>();

        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(Id(ticket));
        found.GetRawText().Should().NotContain("82345671");
        bySupervisor.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(Id(ticket));
        elsewhere.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_whole_ticket_number_finds_that_ticket_in_any_letter_case()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op);
        var number = ticket.GetProperty("number").GetString()!;

        var found = await op.GetFromJsonAsync<JsonElement>($"/api/tickets?q={number.ToLowerInvariant()}");

        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(number);
    }

    [Theory]
    [InlineData("{\"phone\":\"138abc\"}", "phone")]
    [InlineData("{\"status\":\"lost\"}", "status")]
    [InlineData("{\"from\":\"2026-03-02T00:00:00+08:00\",\"to\":\"2026-03-01T00:00:00+08:00\"}", "from")]
    public async Task A_bad_search_body_is_a_problem_naming_the_field(string body, string field)
    {
        using var op = await Operator(system);
        var response = await op.PostAsync("/api/tickets/search", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().Contain(field);
    }
}
