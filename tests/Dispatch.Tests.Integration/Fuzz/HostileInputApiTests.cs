using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Fuzz;

/// <summary>The hostile requests that once answered 500, each now a 4xx naming its field, with nothing stored.</summary>
public sealed class HostileInputApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_NUL_character_in_the_content_is_a_field_error_and_no_ticket_is_registered()
    {
        using var op = await TicketApi.Operator(system);
        var before = await CountAsync("select count(*) from tickets");
        var response = await TicketApi.RegisterAsync(op, TicketApi.Intake(content: "来电反映护理补贴\u0000尚未发放，请核实。"));
        await ShouldReportAsync(response, HttpStatusCode.BadRequest, "content", "invalid_character");
        (await CountAsync("select count(*) from tickets")).Should().Be(before);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483647")]
    [InlineData("10001")]
    [InlineData("0")]
    public async Task A_page_out_of_range_is_a_field_error(string page)
    {
        using var op = await TicketApi.Operator(system);
        var response = await op.GetAsync($"/api/tickets?page={page}");
        await ShouldReportAsync(response, HttpStatusCode.BadRequest, "page", "invalid_value");
    }

    [Theory]
    [InlineData("1000000000000")]
    [InlineData("2147483647")]
    [InlineData("3651")]
    public async Task An_extension_of_absurd_length_is_a_field_error_and_records_nothing(string amount)
    {
        using var op = await TicketApi.Operator(system);
        var ticket = await TicketApi.RegisteredAsync(op);
        await TicketApi.ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        using var staff = await TicketApi.Staff(system, "330402-CENTRE");
        await TicketApi.ActOkAsync(staff, ticket, "sign");
        var events = await CountAsync($"select count(*) from domain_events where stream_id like '%{TicketApi.Id(ticket)}%'");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{TicketApi.Id(ticket)}/extension-requests")
        {
            Content = new StringContent($$"""{"amount":{{amount}},"unit":"working_days","reason":"需要调查取证"}""", Encoding.UTF8, "application/json"),
        };
        await ShouldReportAsync(await staff.SendAsync(request), HttpStatusCode.BadRequest, "amount", null);
        (await CountAsync($"select count(*) from domain_events where stream_id like '%{TicketApi.Id(ticket)}%'")).Should().Be(events);
    }

    [Fact]
    public async Task An_action_without_a_body_is_read_as_an_empty_one_and_its_missing_fields_are_reported()
    {
        using var op = await TicketApi.Operator(system);
        var ticket = await TicketApi.RegisteredAsync(op);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{TicketApi.Id(ticket)}/answer");
        await ShouldReportAsync(await op.SendAsync(request), HttpStatusCode.BadRequest, "reply", "required");
    }

    [Fact]
    public async Task Broken_JSON_and_a_wrong_type_name_the_field_and_echo_no_value()
    {
        using var op = await TicketApi.Operator(system);
        using var broken = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = new StringContent("""{"callerPhone":"13812345678","urgency":5}""", Encoding.UTF8, "application/json"),
        };
        broken.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await op.SendAsync(broken);
        var problem = await ShouldReportAsync(response, HttpStatusCode.BadRequest, "urgency", "malformed_json");
        problem.GetRawText().Should().NotContain("13812345678");
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_problem_details()
    {
        using var op = await TicketApi.Operator(system);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = new StringContent("{\"content\":\"" + new string('a', 1_100_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await op.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("body_too_large");
    }

    [Fact]
    public async Task A_control_character_in_a_query_parameter_is_a_field_error()
    {
        using var op = await TicketApi.Operator(system);
        var response = await op.GetAsync("/api/tickets?q=" + Uri.EscapeDataString("张\u0001三"));
        await ShouldReportAsync(response, HttpStatusCode.BadRequest, "q", "invalid_character");
    }

    private static async Task<JsonElement> ShouldReportAsync(HttpResponseMessage response, HttpStatusCode status, string field, string? code)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("fieldErrors").EnumerateArray().ToList();
        errors.Should().Contain(e => e.GetProperty("field").GetString() == field && (code == null || e.GetProperty("code").GetString() == code),
            "the problem names {0}: {1}", field, problem.GetRawText());
        problem.GetProperty("zh").ValueKind.Should().Be(JsonValueKind.Object);
        problem.GetProperty("en").ValueKind.Should().Be(JsonValueKind.Object);
        return problem;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
