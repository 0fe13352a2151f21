using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.LegalAid.CaseApi;
using TicketApi = Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.LegalAid;

public sealed partial class LegalAidApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Opening_at_a_station_answers_201_with_a_case_number_and_the_countys_station()
    {
        using var op = await TicketApi.Operator(system);

        var response = await OpenAsync(op, Application(county: "330411"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var legalAid = await response.Content.ReadFromJsonAsync<JsonElement>();
        legalAid.GetProperty("number").GetString().Should().MatchRegex(@"^JXFY-\d{8}-\d{6}$");
        Status(legalAid).Should().Be("applied");
        legalAid.GetProperty("stationCode").GetString().Should().Be("330411-LEGAL");
        legalAid.GetProperty("personId").GetString().Should().MatchRegex("^p_[a-z2-7]{26}$", "the person id is opaque, never the phone number");
        response.Headers.Location!.ToString().Should().Be($"/api/legal-aid-cases/{Id(legalAid)}");
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
    }

    [Fact]
    public async Task A_city_level_matter_goes_to_the_city_station()
    {
        using var op = await TicketApi.Operator(system);

        var legalAid = await OpenedAsync(op, Application(cityLevel: true));

        legalAid.GetProperty("stationCode").GetString().Should().Be("330400-LEGAL");
        legalAid.GetProperty("countyCode").GetString().Should().Be("330402");
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_case_also_when_sent_concurrently()
    {
        using var op = await TicketApi.Operator(system);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => OpenAsync(op, Application(), key)));

        responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Created);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => Id(await r.Content.ReadFromJsonAsync<JsonElement>())));
        ids.Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Opening_without_an_idempotency_key_or_with_bad_fields_is_a_400_naming_them()
    {
        using var op = await TicketApi.Operator(system);

        (await OpenAsync(op, Application(), key: "")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var bad = await OpenAsync(op, new { applicant = new { name = "李明", phone = "123", countyCode = "330402" }, caseType = "divorce", summary = "拖欠工资三个月" });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(f => f.GetProperty("field").GetString())
            .Should().Equal("applicant.phone", "caseType");
    }

    [Fact]
    public async Task A_granted_case_goes_to_archive_and_every_step_is_in_its_history()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await OpenedAsync(op);

        var accepted = await ActOkAsync(station, legalAid, "accept");
        accepted.GetProperty("deadlines").GetProperty("decision").GetProperty("state").GetString().Should().Be("running");
        // Received on the real today (from 1 December 2026 on), the case keeps rule version 2, 《法律援助法》.
        accepted.GetProperty("deadlines").GetProperty("decision").GetProperty("ruleVersion").GetInt32().Should().Be(2);
        var waiting = await ActOkAsync(station, legalAid, "request-documents", new { documents = "劳动合同复印件" });
        waiting.GetProperty("deadlines").GetProperty("decision").GetProperty("state").GetString().Should().Be("paused");
        await ActOkAsync(station, legalAid, "receive-documents");
        await ActOkAsync(station, legalAid, "eligibility", CompleteChecklist);
        var granted = await ActOkAsync(station, legalAid, "grant");
        granted.GetProperty("deadlines").GetProperty("decision").GetProperty("state").GetString().Should().Be("met");
        granted.GetProperty("deadlines").GetProperty("assignment").GetProperty("state").GetString().Should().Be("running");
        using var head = await Head("330402-LEGAL");
        Status(await ActOkAsync(station, legalAid, "assign", AssignTo(await HandlerAsync(head, "330402-LEGAL")))).Should().Be("assigned");
        Status(await ActOkAsync(station, legalAid, "agreement", new { })).Should().Be("in_progress");
        await ActOkAsync(station, legalAid, "progress", new { note = "已提交劳动仲裁申请。" });
        Status(await ActOkAsync(station, legalAid, "conclude", new { outcome = "mediated", summary = "调解结案，全部欠薪已支付。" })).Should().Be("concluded");
        var archived = await ActOkAsync(station, legalAid, "archive");
        Status(archived).Should().Be("archived");
        archived.GetProperty("allowedActions").GetArrayLength().Should().Be(0);

        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/legal-aid-cases/{Id(legalAid)}/history"))!;
        history.Select(h => h.GetProperty("type").GetString()).Should().Equal(
            "opened", "accepted", "documents_requested", "documents_received", "eligibility_recorded", "granted", "handler_assigned",
            "agreement_recorded", "progress_recorded", "concluded", "archived");
        history[1].GetProperty("actor").GetProperty("unitCode").GetString().Should().Be("330402-LEGAL");
    }

    [Fact]
    public async Task A_refusal_can_be_objected_to_and_the_supervisor_decides_the_objection()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        using var supervisor = await system.SignInAsync("supervisor.330402@jx12385.test");
        var legalAid = await OpenedAsync(op);
        await ActOkAsync(station, legalAid, "accept");

        var refused = await ActOkAsync(station, legalAid, "refuse", new { reasons = "经济状况不符合援助条件。" });
        // Received today, the case follows 《法律援助法》 (rule version 2): the applicant has no objection window to run out.
        (refused.TryGetProperty("objectionWindowEndsAt", out var window) ? window.ValueKind : JsonValueKind.Null).Should().Be(JsonValueKind.Null);
        var objected = await ActOkAsync(op, legalAid, "objection", new { grounds = "家庭收入已低于当地低保标准。" });
        objected.GetProperty("deadlines").GetProperty("objectionReview").GetProperty("state").GetString().Should().Be("running");
        var decided = await ActOkAsync(supervisor, legalAid, "objection-decision", new { decision = "grant" });

        Status(decided).Should().Be("granted");
        decided.GetProperty("objection").GetProperty("decision").GetString().Should().Be("grant");
        decided.GetProperty("applicant").GetProperty("phone").GetString().Should().Be("139****5678", "supervisors see masked numbers");
    }

    [Fact]
    public async Task An_action_not_allowed_now_answers_409_naming_the_status_and_what_is_allowed_and_changes_nothing()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await OpenedAsync(op);

        var response = await ActAsync(station, legalAid, "grant");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("currentStatus").GetString().Should().Be("applied");
        problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().Equal("accept", "transfer", "supervise");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("已申请");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("applied");
        Version(await GetAsync(op, legalAid)).Should().Be(1);
    }

    [Fact]
    public async Task A_stale_if_match_answers_412()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await OpenedAsync(op);
        await ActOkAsync(station, legalAid, "accept");
        await ActOkAsync(station, legalAid, "eligibility", CompleteChecklist);

        (await ActAsync(station, legalAid, "grant", ifMatch: 2)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await ActAsync(station, legalAid, "grant", ifMatch: 3)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_stations_staff_and_other_counties_supervisors_get_404()
    {
        using var op = await TicketApi.Operator(system);
        using var otherStation = await TicketApi.Staff(system, "330411-LEGAL");
        using var otherSupervisor = await system.SignInAsync("supervisor.330411@jx12385.test");
        var legalAid = await OpenedAsync(op);

        (await otherStation.GetAsync($"/api/legal-aid-cases/{Id(legalAid)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ActAsync(otherStation, legalAid, "accept")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherSupervisor.GetAsync($"/api/legal-aid-cases/{Id(legalAid)}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherStation.GetAsync("/api/units/330402-LEGAL/legal-aid-worklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_case_opened_from_a_ticket_shows_the_ticket_and_the_ticket_lists_the_case()
    {
        using var op = await TicketApi.Operator(system);
        var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(content: "来电反映用人单位拖欠工资，希望获得法律援助。", phone: "13912340001"));

        var response = await op.PostAsJsonAsync($"/api/tickets/{TicketApi.Id(ticket)}/legal-aid", new { caseType = "labour_dispute" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var legalAid = await response.Content.ReadFromJsonAsync<JsonElement>();
        legalAid.GetProperty("ticket").GetProperty("ticketId").GetString().Should().Be(TicketApi.Id(ticket));
        legalAid.GetProperty("ticket").GetProperty("ticketNumber").GetString().Should().Be(ticket.GetProperty("number").GetString());
        legalAid.GetProperty("applicant").GetProperty("phone").GetString().Should().Be("139****0001", "the caller's phone, masked");
        var again = await op.PostAsJsonAsync($"/api/tickets/{TicketApi.Id(ticket)}/legal-aid", new { caseType = "labour_dispute" });
        again.StatusCode.Should().Be(HttpStatusCode.OK);

        var linked = await TicketApi.GetAsync(op, ticket);
        linked.GetProperty("links").EnumerateArray().Should().ContainSingle(l =>
            l.GetProperty("itemType").GetString() == "legal_aid_case" && l.GetProperty("id").GetString() == Id(legalAid));
        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/tickets/{TicketApi.Id(ticket)}/history"))!;
        history.Last().GetProperty("type").GetString().Should().Be("item_linked");
        history.Last().GetProperty("actor").GetProperty("role").GetString().Should().Be("operator");
    }

    [Fact]
    public async Task The_station_searches_its_cases_and_sees_its_worklist_by_deadline()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330421-LEGAL");
        var waiting = await OpenedAsync(op, Application(county: "330421", name: "陈静"));
        var reviewing = await OpenedAsync(op, Application(county: "330421", caseType: "property", name: "陈静"));
        await ActOkAsync(station, reviewing, "accept");

        var worklist = (await station.GetFromJsonAsync<JsonElement[]>("/api/units/330421-LEGAL/legal-aid-worklist"))!;
        // Under the Law both decisions run from receipt, so the application received first is due first.
        worklist.Select(Id).Should().ContainInOrder(Id(waiting), Id(reviewing));
        var page = await station.GetFromJsonAsync<JsonElement>("/api/legal-aid-cases?status=under_review&type=property&q=陈静");
        page.GetProperty("items").EnumerateArray().Select(Id).Should().Contain(Id(reviewing)).And.NotContain(Id(waiting));
        page.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("stationCode").GetString() == "330421-LEGAL");
        (await station.GetAsync("/api/legal-aid-cases?status=pending")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_legal_aid_rehab_and_person_record_endpoint_with_a_summary()
    {
        var document = await system.Web.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        string[] expected =
        [
            "/api/legal-aid-cases", "/api/legal-aid-cases/{id}", "/api/legal-aid-cases/{id}/history", "/api/legal-aid-cases/{id}/accept",
            "/api/legal-aid-cases/{id}/request-documents", "/api/legal-aid-cases/{id}/objection-decision", "/api/tickets/{id}/legal-aid",
            "/api/units/{unitCode}/legal-aid-worklist", "/api/rehab-visits", "/api/rehab-visits/{id}", "/api/rehab-visits/{id}/history",
            "/api/rehab-visits/{id}/accept", "/api/rehab-visits/{id}/assign", "/api/rehab-visits/{id}/reschedule", "/api/tickets/{id}/rehab-visits", "/api/rehab-plans",
            "/api/rehab-plans/{id}", "/api/units/{unitCode}/rehab-worklist", "/api/units/{unitCode}/rehab-calendar",
            "/api/persons/{personId}/timeline", "/api/legal-aid-cases/{id}/reveal", "/api/rehab-visits/{id}/reveal", "/api/tickets/{id}/reveal",
            "/api/intake/caller-history", "/api/audit/access",
        ];
        paths.Keys.Should().Contain(expected);
        foreach (var path in expected)
        {
            foreach (var operation in paths[path].EnumerateObject().Where(o => o.Name is "get" or "post"))
            {
                operation.Value.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace($"{operation.Name} {path} needs a summary");
            }
        }
    }
}
