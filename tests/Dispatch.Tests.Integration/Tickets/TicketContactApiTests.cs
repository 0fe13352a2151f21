using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Tickets;

/// <summary>
/// Intake without a phone (a letter, a visit, an online request), the contact method and the guardian, through the API:
/// what is stored, what each role sees masked, what a reveal gives and logs, and the callback rule for a caller who left
/// no way to be reached.
/// </summary>
public sealed class TicketContactApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string County = "330421";
    private const string Centre = "330421-CENTRE";

    private static object Letter(string content, string? contactMethod = null, string? otherContact = null, string? guardianName = null,
        string? guardianPhone = null, string? certificate = null, string? phone = null, string kind = "help") => new
    {
        channel = "letter",
        kind,
        topic = "care_services",
        urgency = "normal",
        callerName = "王秀兰",
        callerPhone = phone,
        disabilityCertificate = certificate,
        countyCode = County,
        content,
        contactMethod,
        otherContact,
        guardianName,
        guardianRelation = guardianName is null ? null : "guardian",
        guardianPhone,
    };

    [Fact]
    public async Task A_letter_without_any_contact_is_registered_only_when_none_is_chosen_and_then_owes_no_callback()
    {
        using var op = await Operator(system);
        var refused = await RegisterAsync(op, Letter("来信反映：无障碍坡道被占用，未留联系方式。"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Should().Equal("contact_required");

        var ticket = await RegisteredAsync(op, Letter("来信反映：无障碍坡道被占用，未留联系方式。", contactMethod: "none"));
        ticket.GetProperty("contactMethod").GetString().Should().Be("none");
        ticket.GetProperty("callerPhone").ValueKind.Should().Be(JsonValueKind.Null);
        await using (var database = NpgsqlDataSource.Create(system.ConnectionString))
        await using (var row = database.CreateCommand("select caller_phone, contact_method from tickets where id = $1"))
        {
            row.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(Id(ticket)) });
            await using var reader = await row.ExecuteReaderAsync();
            (await reader.ReadAsync()).Should().BeTrue();
            reader.IsDBNull(0).Should().BeTrue();
            reader.GetString(1).Should().Be("none");
        }

        await ActOkAsync(op, ticket, "dispatch", new { unitCode = Centre });
        using var staff = await Staff(system, Centre);
        await ActOkAsync(staff, ticket, "sign");
        var resolved = await ActOkAsync(staff, ticket, "resolve", new { reply = "已协调物业清理坡道。" });
        resolved.GetProperty("deadlines").GetProperty("callback").ValueKind.Should().Be(JsonValueKind.Null);
        resolved.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().NotContain("callback");
        var queue = await op.GetFromJsonAsync<JsonElement>($"/api/callback-queue?county={County}&due=false&pageSize=100");
        queue.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("ticket").GetProperty("id").GetString()).Should().NotContain(Id(ticket));
        (await ActAsync(op, resolved, "callback", new { reached = false })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ActOkAsync(op, resolved, "close", new { })).GetProperty("status").GetString().Should().Be("closed");
    }

    [Fact]
    public async Task A_guardians_phone_and_an_email_are_masked_for_everyone_and_revealed_only_by_a_logged_request()
    {
        using var op = await Operator(system);
        var certificate = ResidentId("33042119800101123") + "52"; // 智力残疾二级: the guardian is suggested
        var ticket = await RegisteredAsync(op, Letter("来信反映：托养机构收费问题，请联系其监护人。", otherContact: "wang.family@example.cn",
            guardianName: "王建国", guardianPhone: "13955556666", certificate: certificate));

        ticket.GetProperty("contactMethod").GetString().Should().Be("guardian", "an intellectual disability suggests the guardian");
        ticket.GetProperty("guardian").GetProperty("phone").GetString().Should().Be("139****6666");
        ticket.GetProperty("guardian").GetProperty("name").GetString().Should().Be("王建国");
        ticket.GetProperty("otherContact").GetString().Should().Be("wa****");
        var text = ticket.GetRawText();
        text.Should().NotContain("13955556666").And.NotContain("wang.family@example.cn");

        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var seen = await supervisor.GetFromJsonAsync<JsonElement>($"/api/tickets/{Id(ticket)}");
        seen.GetProperty("guardian").GetProperty("name").GetString().Should().Be("王**", "supervisors see names masked");

        var revealed = await op.PostAsJsonAsync($"/api/tickets/{Id(ticket)}/reveal", new { field = "guardianPhone", purpose = "callback" });
        revealed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString().Should().Be("13955556666");
        var email = await op.PostAsJsonAsync($"/api/tickets/{Id(ticket)}/reveal", new { field = "otherContact", purpose = "contact" });
        (await email.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString().Should().Be("wang.family@example.cn");

        var history = await op.GetFromJsonAsync<JsonElement>($"/api/tickets/{Id(ticket)}/history");
        history.GetRawText().Should().NotContain("13955556666").And.NotContain("wang.family@example.cn");
    }

    [Fact]
    public async Task A_hearing_disability_with_a_phone_is_called_back_by_text_and_the_queue_says_so()
    {
        using var op = await Operator(system);
        var certificate = ResidentId("33042119750505223") + "23"; // 听力残疾三级
        var ticket = await RegisteredAsync(op, new
        {
            channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "赵明", callerPhone = "13766667777",
            disabilityCertificate = certificate, countyCode = County, content = "听力残疾人短信求助：助听器补贴申请进度。",
        });
        ticket.GetProperty("contactMethod").GetString().Should().Be("text");

        await ActOkAsync(op, ticket, "dispatch", new { unitCode = Centre });
        using var staff = await Staff(system, Centre);
        await ActOkAsync(staff, ticket, "sign");
        await ActOkAsync(staff, ticket, "resolve", new { reply = "已告知补贴申请进度。" });
        var queue = await op.GetFromJsonAsync<JsonElement>($"/api/callback-queue?county={County}&due=false&pageSize=100");
        queue.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("ticket").GetProperty("id").GetString() == Id(ticket))
            .GetProperty("contactMethod").GetString().Should().Be("text");
    }
}
