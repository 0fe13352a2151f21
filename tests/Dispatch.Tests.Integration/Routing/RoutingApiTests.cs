using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Routing;

/// <summary>Automatic dispatch by the routing rules, and the rules' administration; fair routing among several units of a kind is in the other part.</summary>
public sealed partial class RoutingApiTests(RunningSystem system) : IClassFixture<RunningSystem>
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
}
