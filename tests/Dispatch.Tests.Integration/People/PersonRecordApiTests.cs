using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.LegalAid;
using Dispatch.Tests.Integration.Rehab;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;

namespace Dispatch.Tests.Integration.People;

/// <summary>一人一档 and links: a ticket, the case and visit opened from it, each pointing at the others.</summary>
public sealed class PersonRecordApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_ticket_lists_the_case_and_visit_opened_from_it_and_each_shows_the_ticket()
    {
        using var op = await TicketApi.Operator(system);
        var residentId = TicketApi.ResidentId("33040219800101" + Random.Shared.Next(100, 999));
        var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(content: "来电求助：需要上门康复，并咨询工伤赔偿。", residentId: residentId));

        var legalAid = await CreatedAsync(await op.PostAsJsonAsync($"/api/tickets/{TicketApi.Id(ticket)}/legal-aid", new { caseType = "personal_injury" }));
        var visit = await CreatedAsync(await op.PostAsJsonAsync($"/api/tickets/{TicketApi.Id(ticket)}/rehab-visits", new { serviceType = "assessment" }));

        var linked = await TicketApi.GetAsync(op, ticket);
        linked.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("itemType").GetString(), l.GetProperty("id").GetString()))
            .Should().Equal(("legal_aid_case", CaseApi.Id(legalAid)), ("rehab_visit", VisitApi.Id(visit)));
        legalAid.GetProperty("ticket").GetProperty("ticketId").GetString().Should().Be(TicketApi.Id(ticket));
        visit.GetProperty("ticket").GetProperty("ticketNumber").GetString().Should().Be(ticket.GetProperty("number").GetString());
        visit.GetProperty("personId").GetString().Should().StartWith("p_").And.Be(ticket.GetProperty("personId").GetString());
        legalAid.GetProperty("personId").GetString().Should().Be(ticket.GetProperty("personId").GetString());
        visit.GetProperty("providerCode").GetString().Should().Be("330402-REHAB-1");
    }

    [Fact]
    public async Task The_person_timeline_shows_tickets_cases_and_visits_together_newest_first_each_with_its_item_type()
    {
        using var op = await TicketApi.Operator(system);
        var residentId = TicketApi.ResidentId("33041119750715" + Random.Shared.Next(100, 999));
        var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: "330411", residentId: residentId, content: "来电反映辅具适配问题。"));
        var legalAid = await CaseApi.OpenedAsync(op, CaseApi.Application(county: "330411", residentId: residentId));
        var visit = await VisitApi.RequestedAsync(op, VisitApi.Request(county: "330411", residentId: residentId, serviceType: "assistive_device_fitting"));

        var personId = ticket.GetProperty("personId").GetString();
        var timeline = (await op.GetFromJsonAsync<JsonElement[]>($"/api/persons/{personId}/timeline"))!;

        timeline.Select(t => (t.GetProperty("itemType").GetString(), t.GetProperty("id").GetString())).Should().Equal(
            ("rehab_visit", VisitApi.Id(visit)), ("legal_aid_case", CaseApi.Id(legalAid)), ("ticket", TicketApi.Id(ticket)));
        timeline[0].GetProperty("label").GetString().Should().Be("assistive_device_fitting");
        timeline[1].GetProperty("unitCode").GetString().Should().Be("330411-LEGAL");
    }

    [Fact]
    public async Task Unit_staff_see_only_their_own_units_items_on_a_person_record()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330421-LEGAL");
        var residentId = TicketApi.ResidentId("33042119900101" + Random.Shared.Next(100, 999));
        var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: "330421", residentId: residentId));
        var legalAid = await CaseApi.OpenedAsync(op, CaseApi.Application(county: "330421", residentId: residentId));
        await VisitApi.RequestedAsync(op, VisitApi.Request(county: "330421", residentId: residentId));

        var timeline = (await station.GetFromJsonAsync<JsonElement[]>($"/api/persons/{ticket.GetProperty("personId").GetString()}/timeline"))!;

        timeline.Select(t => t.GetProperty("id").GetString()).Should().Equal(CaseApi.Id(legalAid));
    }

    [Fact]
    public async Task A_person_record_is_refused_for_an_id_number_in_the_url()
    {
        using var op = await TicketApi.Operator(system);
        var residentId = TicketApi.ResidentId("33040219810202" + Random.Shared.Next(100, 999));
        await TicketApi.RegisteredAsync(op, TicketApi.Intake(residentId: residentId));

        var response = await op.GetAsync($"/api/persons/{Uri.EscapeDataString("id:" + residentId)}/timeline");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a person record is asked by its opaque id only");
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.Created, json.ToString());
        return json;
    }
}
