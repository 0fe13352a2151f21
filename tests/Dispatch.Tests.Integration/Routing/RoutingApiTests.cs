using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.LegalAid;
using Dispatch.Tests.Integration.Rehab;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Routing;

/// <summary>Automatic dispatch by the routing rules, fair routing among several units of a kind, and the rules' administration.</summary>
public sealed class RoutingApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("care_services", "help", "330402-CENTRE")]
    [InlineData("rights_protection", "complaint", "330402-LEGAL")]
    [InlineData("rights_protection", "petition", "330402-CENTRE")]
    public async Task Automatic_dispatch_follows_the_shipped_rules(string topic, string kind, string unit)
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, Intake(topic: topic, kind: kind));
        var dispatched = await ActOkAsync(op, ticket, "dispatch", new { });
        dispatched.GetProperty("unitCode").GetString().Should().Be(unit);
    }

    [Fact]
    public async Task The_town_decides_the_county_a_ticket_is_routed_in()
    {
        using var op = await Operator(system);
        var counties = await op.GetFromJsonAsync<JsonElement[]>("/api/reference/counties");
        var town = counties!.Single(c => c.GetProperty("code").GetString() == "330483").GetProperty("towns")[0].GetProperty("code").GetString()!;
        var ticket = await RegisteredAsync(op, new
        {
            channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "钱七",
            callerPhone = "13811112222", townCode = town, content = "按乡镇确定县区的测试来电内容。",
        });
        ticket.GetProperty("countyCode").GetString().Should().Be("330483");
        (await ActOkAsync(op, ticket, "dispatch", new { })).GetProperty("unitCode").GetString().Should().Be("330483-CENTRE");
    }

    [Fact]
    public async Task An_admin_adds_a_more_specific_rule_and_dispatch_follows_it()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var added = await admin.PostAsJsonAsync("/api/routing-rules",
            new { countyCode = "330424", topic = "employment", unitKind = "legal_aid", note = "海盐县就业类试点" });
        added.StatusCode.Should().Be(HttpStatusCode.Created);

        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, Intake(county: "330424", topic: "employment"));
        (await ActOkAsync(op, ticket, "dispatch", new { })).GetProperty("unitCode").GetString().Should().Be("330424-LEGAL");
        var rules = await admin.GetFromJsonAsync<JsonElement[]>("/api/routing-rules");
        rules.Should().Contain(r => r.GetProperty("note").GetString() == "海盐县就业类试点");
    }

    [Fact]
    public async Task A_rule_with_an_unknown_unit_kind_and_county_is_refused_naming_both_fields()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var response = await admin.PostAsJsonAsync("/api/routing-rules", new { countyCode = "110101", unitKind = "hospital" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString())
            .Should().BeEquivalentTo(["countyCode", "unitKind"]);
    }

    [Fact]
    public async Task Operators_may_read_but_not_change_routing_rules()
    {
        using var op = await Operator(system);
        (await op.GetAsync("/api/routing-rules")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await op.PostAsJsonAsync("/api/routing-rules", new { unitKind = "centre" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    // Fair routing: where a county has two rehabilitation providers, work goes to the one with the least open load per
    // share, and the choice is recorded with every candidate's load. Each test uses a county of its own: loads are per county.

    [Fact]
    public async Task Visits_requested_where_two_providers_serve_alternate_between_them_and_the_history_says_why()
    {
        using var op = await Operator(system);
        var visits = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            visits.Add(await VisitApi.RequestedAsync(op, VisitApi.Request(county: "330481", name: "公平" + i, phone: $"1361235{i:D4}")));
        }

        visits.Select(v => v.GetProperty("providerCode").GetString()).Should().Equal("330481-REHAB-1", "330481-REHAB-2", "330481-REHAB-1", "330481-REHAB-2");
        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/rehab-visits/{VisitApi.Id(visits[1])}/history"))!;
        var routing = history[0].GetProperty("data").GetProperty("routing");
        routing.GetProperty("rule").GetString().Should().Be("least_loaded");
        Candidates(routing).Should().Equal(("330481-REHAB-1", 1, 1), ("330481-REHAB-2", 1, 0));
    }

    [Fact]
    public async Task Automatic_dispatch_counts_an_urgent_ticket_three_times_and_records_each_providers_load()
    {
        using var op = await Operator(system);
        var units = new List<string?>();
        var tickets = new List<JsonElement>();
        string[] urgencies = ["urgent", "normal", "normal", "normal", "normal"];
        for (var i = 0; i < urgencies.Length; i++)
        {
            var ticket = await RegisteredAsync(op, Intake(content: $"第{i}位来电询问居家康复训练安排。", topic: "rehabilitation", urgency: urgencies[i],
                phone: $"1381235{i:D4}", county: "330482"));
            units.Add((await ActOkAsync(op, ticket, "dispatch", new { })).GetProperty("unitCode").GetString());
            tickets.Add(ticket);
        }

        // The urgent ticket weighs 3: the second provider takes three normal ones before the loads are level again.
        units.Should().Equal("330482-REHAB-1", "330482-REHAB-2", "330482-REHAB-2", "330482-REHAB-2", "330482-REHAB-1");
        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/tickets/{Id(tickets[3])}/history"))!;
        var routing = history.Single(h => h.GetProperty("type").GetString() == "dispatched").GetProperty("data").GetProperty("routing");
        Candidates(routing).Should().Equal(("330482-REHAB-1", 1, 3), ("330482-REHAB-2", 1, 2));
    }

    [Fact]
    public async Task A_configured_share_of_three_to_one_sends_three_visits_to_the_first_provider_for_each_to_the_second()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var unit = new { name = "海盐县残疾人康复中心", nameEn = "Haiyan County Rehabilitation Centre for Persons with Disabilities", kind = "rehab", countyCode = "330424" };
        var refused = await admin.PutAsJsonAsync("/api/reference/units/330424-REHAB-1", new { unit.name, unit.nameEn, unit.kind, unit.countyCode, routingShare = 0 });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("routingShare");
        var changed = await admin.PutAsJsonAsync("/api/reference/units/330424-REHAB-1", new { unit.name, unit.nameEn, unit.kind, unit.countyCode, routingShare = 3 });
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("routingShare").GetInt32().Should().Be(3);

        using var op = await Operator(system);
        var visits = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            visits.Add(await VisitApi.RequestedAsync(op, VisitApi.Request(county: "330424", name: "份额" + i, phone: $"1361236{i:D4}")));
        }

        visits.Select(v => v.GetProperty("providerCode").GetString()).Should().Equal(
            "330424-REHAB-1", "330424-REHAB-2", "330424-REHAB-1", "330424-REHAB-1", "330424-REHAB-1", "330424-REHAB-2", "330424-REHAB-1", "330424-REHAB-1");
        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/rehab-visits/{VisitApi.Id(visits[^1])}/history"))!;
        var routing = history[0].GetProperty("data").GetProperty("routing");
        routing.GetProperty("rule").GetString().Should().Be("share");
        Candidates(routing).Should().Equal(("330424-REHAB-1", 3, 5), ("330424-REHAB-2", 1, 2));
        var listed = (await admin.GetFromJsonAsync<JsonElement[]>("/api/reference/units?county=330424&kind=rehab"))!;
        listed.Select(u => u.GetProperty("routingShare").GetInt32()).Should().Equal(3, 1);
    }

    [Fact]
    public async Task Applications_where_two_legal_aid_stations_serve_the_county_alternate_and_the_opening_records_why()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var added = await admin.PostAsJsonAsync("/api/reference/units", new
        {
            code = "330483-LEGAL-2", name = "桐乡市残疾人法律救助第二站", nameEn = "Tongxiang Second Legal Aid Station for Persons with Disabilities",
            kind = "legal_aid", countyCode = "330483",
        });
        added.IsSuccessStatusCode.Should().BeTrue(await added.Content.ReadAsStringAsync());

        using var op = await Operator(system);
        var cases = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await CaseApi.OpenedAsync(op, CaseApi.Application(county: "330483", phone: $"1391237{i:D4}")));
        }

        cases.Select(c => c.GetProperty("stationCode").GetString()).Should().Equal("330483-LEGAL", "330483-LEGAL-2", "330483-LEGAL");
        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/legal-aid-cases/{CaseApi.Id(cases[1])}/history"))!;
        var routing = history[0].GetProperty("data").GetProperty("routing");
        routing.GetProperty("rule").GetString().Should().Be("least_loaded");
        Candidates(routing).Should().Equal(("330483-LEGAL", 1, 1), ("330483-LEGAL-2", 1, 0));
    }

    private static IEnumerable<(string?, int, int)> Candidates(JsonElement routing) => routing.GetProperty("candidates").EnumerateArray()
        .Select(c => (c.GetProperty("unitCode").GetString(), c.GetProperty("share").GetInt32(), c.GetProperty("load").GetInt32()));
}
