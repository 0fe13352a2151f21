using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>POST .../reveal: a full number for those who work the item, with a purpose, logged before it is answered.</summary>
public sealed class PersonalDataRevealApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task An_operator_reveals_the_callers_phone_and_exactly_one_log_row_records_who_what_why_and_from_where()
    {
        using var op = await Operator(system);
        var numbers = PersonalNumbers.New();
        var ticket = await RegisteredAsync(op, numbers.TicketIntake("赵一"));
        ticket.GetProperty("callerPhone").GetString().Should().Be(numbers.Phone[..3] + "****" + numbers.Phone[7..]);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await RevealAsync(op, "tickets", Id(ticket), new { field = "callerPhone", purpose = "callback" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("field").GetString().Should().Be("callerPhone");
        answer.GetProperty("value").GetString().Should().Be(numbers.Phone);
        var row = (await LogRowsAsync(Id(ticket))).Should().ContainSingle().Subject;
        row.Should().BeEquivalentTo(new LogRow("operator", "ticket", "callerPhone", "callback", null, "127.0.0.1"), o => o.Excluding(r => r.UserId).Excluding(r => r.At));
        row.UserId.Should().NotBeNullOrEmpty();
        row.At.Should().BeAfter(before);
    }

    [Fact]
    public async Task The_resident_id_and_certificate_are_revealed_by_their_own_names()
    {
        using var op = await Operator(system);
        var numbers = PersonalNumbers.New();
        var ticket = await RegisteredAsync(op, numbers.TicketIntake("赵二"));

        (await ValueAsync(op, "tickets", Id(ticket), "residentId", "data_request")).Should().Be(numbers.ResidentId);
        (await ValueAsync(op, "tickets", Id(ticket), "disabilityCertificate", "other", "残联核对证件")).Should().Be(numbers.Certificate);
        (await LogRowsAsync(Id(ticket))).Select(r => (r.Field, r.Purpose, r.Note)).Should().BeEquivalentTo(
            [("residentId", "data_request", (string?)null), ("disabilityCertificate", "other", "残联核对证件")]);
    }

    [Fact]
    public async Task Supervisors_are_refused_with_403_and_nothing_is_logged()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, PersonalNumbers.New().TicketIntake("钱三"));
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var response = await RevealAsync(supervisor, "tickets", Id(ticket), new { field = "callerPhone", purpose = "callback" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("zh").ValueKind.Should().Be(JsonValueKind.Object);
        (await LogRowsAsync(Id(ticket))).Should().BeEmpty();
    }

    [Fact]
    public async Task Unit_staff_reveal_their_units_items_and_get_404_for_another_units()
    {
        using var op = await Operator(system);
        var numbers = PersonalNumbers.New();
        var ticket = await RegisteredAsync(op, numbers.TicketIntake("孙四"));
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        using var own = await Staff(system, "330402-CENTRE");
        using var other = await Staff(system, "330411-CENTRE");

        var refused = await RevealAsync(other, "tickets", Id(ticket), new { field = "callerPhone", purpose = "contact" });
        var shown = await ValueAsync(own, "tickets", Id(ticket), "callerPhone", "contact");

        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        shown.Should().Be(numbers.Phone);
        (await LogRowsAsync(Id(ticket))).Should().ContainSingle(r => r.Role == "unit_staff");
    }

    [Theory]
    [InlineData("callerName", "callback", null)]
    [InlineData("callerPhone", "curiosity", null)]
    [InlineData("callerPhone", "other", null)]
    [InlineData("callerPhone", null, null)]
    public async Task A_bad_field_or_purpose_is_400_and_nothing_is_logged(string? field, string? purpose, string? note)
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, PersonalNumbers.New().TicketIntake("李五"));

        var response = await RevealAsync(op, "tickets", Id(ticket), new { field, purpose, note });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").GetArrayLength().Should().BeGreaterThan(0);
        (await LogRowsAsync(Id(ticket))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_legal_aid_applicants_and_a_visited_persons_numbers_are_revealed_too()
    {
        using var op = await Operator(system);
        var applicant = PersonalNumbers.New();
        var person = PersonalNumbers.New();
        var legalAid = await Dispatch.Tests.Integration.LegalAid.CaseApi.OpenedAsync(op, new
        {
            applicant = applicant.Person("周六"), caseType = "labour_dispute", summary = "用人单位拖欠工资三个月，申请法律援助。",
        });
        var visit = await Dispatch.Tests.Integration.Rehab.VisitApi.RequestedAsync(op, new { person = person.Person("吴七"), serviceType = "assessment" });

        legalAid.GetProperty("applicant").GetProperty("residentId").GetString().Should().NotBe(applicant.ResidentId).And.Contain("********");
        (await ValueAsync(op, "legal-aid-cases", Id(legalAid), "applicantPhone", "legal_service")).Should().Be(applicant.Phone);
        (await ValueAsync(op, "rehab-visits", Id(visit), "personPhone", "contact")).Should().Be(person.Phone);
        (await ValueAsync(op, "rehab-visits", Id(visit), "disabilityCertificate", "contact")).Should().Be(person.Certificate);
        (await LogRowsAsync(Id(legalAid))).Should().ContainSingle(r => r.ItemType == "legal_aid_case");
        (await LogRowsAsync(Id(visit))).Should().HaveCount(2).And.OnlyContain(r => r.ItemType == "rehab_visit");
    }

    [Theory]
    [InlineData("update personal_data_access_log set purpose = 'callback'")]
    [InlineData("delete from personal_data_access_log")]
    [InlineData("truncate personal_data_access_log")]
    public async Task The_access_log_refuses_to_change_or_lose_a_row_even_for_its_owner(string sql)
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, PersonalNumbers.New().TicketIntake("郑八"));
        await ValueAsync(op, "tickets", Id(ticket), "callerPhone", "callback");
        // The application's role has no such right at all; the trigger holds even for the table's owner.
        await using var application = NpgsqlDataSource.Create(system.ConnectionString);
        var asApplication = async () => await application.CreateCommand(sql).ExecuteNonQueryAsync();
        (await asApplication.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        await using var owner = NpgsqlDataSource.Create(system.SchemaConnectionString);
        var asOwner = async () => await owner.CreateCommand(sql).ExecuteNonQueryAsync();
        (await asOwner.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await LogRowsAsync(Id(ticket))).Should().ContainSingle(r => r.Purpose == "callback");
    }

    [Fact]
    public async Task The_audit_lists_reveals_newest_first_by_filter_for_administrators_only()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, PersonalNumbers.New().TicketIntake("王九"));
        await ValueAsync(op, "tickets", Id(ticket), "callerPhone", "callback");
        await ValueAsync(op, "tickets", Id(ticket), "residentId", "data_request");
        using var admin = await system.SignInAsync("admin@jx12385.test");
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/audit/access?itemId={Id(ticket)}");
        var byPurpose = await admin.GetFromJsonAsync<JsonElement>($"/api/audit/access?itemId={Id(ticket)}&purpose=callback&field=callerPhone");
        var paged = await admin.GetFromJsonAsync<JsonElement>($"/api/audit/access?itemId={Id(ticket)}&pageSize=1&page=2");
        var later = await admin.GetFromJsonAsync<JsonElement>($"/api/audit/access?itemId={Id(ticket)}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");

        all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("field").GetString()).Should().Equal("residentId", "callerPhone");
        all.GetProperty("total").GetInt64().Should().Be(2);
        all.GetProperty("items")[0].GetProperty("clientAddress").GetString().Should().Be("127.0.0.1");
        byPurpose.GetProperty("items").EnumerateArray().Should().ContainSingle(i => i.GetProperty("purpose").GetString() == "callback");
        paged.GetProperty("items").EnumerateArray().Should().ContainSingle(i => i.GetProperty("field").GetString() == "callerPhone");
        later.GetProperty("items").GetArrayLength().Should().Be(0);
        (await op.GetAsync("/api/audit/access")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync("/api/audit/access")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=0")]
    [InlineData("page=0")]
    [InlineData("page=99999999999")]
    [InlineData("from=yesterday")]
    [InlineData("purpose=gossip")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")]
    public async Task Bad_audit_filters_are_400_problem_details(string query)
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");

        var response = await admin.GetAsync("/api/audit/access?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").GetArrayLength().Should().BeGreaterThan(0);
    }

    private static async Task<HttpResponseMessage> RevealAsync(HttpClient client, string route, string id, object body) =>
        await client.PostAsJsonAsync($"/api/{route}/{id}/reveal", body);

    private static async Task<string> ValueAsync(HttpClient client, string route, string id, string field, string purpose, string? note = null)
    {
        var response = await RevealAsync(client, route, id, new { field, purpose, note });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return json.GetProperty("value").GetString()!;
    }

    private async Task<IReadOnlyList<LogRow>> LogRowsAsync(string itemId)
    {
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = database.CreateCommand(
            "select user_id, user_role, item_type, field, purpose, note, client_address, accessed_at from personal_data_access_log where item_id = $1 order by id");
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LogRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LogRow(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)) { UserId = reader.GetString(0), At = reader.GetFieldValue<DateTimeOffset>(7) });
        }
        return rows;
    }

    private sealed record LogRow(string Role, string ItemType, string Field, string Purpose, string? Note, string ClientAddress)
    {
        public string UserId { get; init; } = "";

        public DateTimeOffset At { get; init; }
    }
}
