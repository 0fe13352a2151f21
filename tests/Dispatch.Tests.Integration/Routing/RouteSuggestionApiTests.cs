using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Routing;

public sealed class RouteSuggestionApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("rights_protection", "complaint")]
    [InlineData("rehabilitation", "help")]
    public async Task The_suggested_unit_is_the_one_automatic_dispatch_then_chooses(string topic, string kind)
    {
        using var op = await Operator(system);
        var suggestion = await op.GetFromJsonAsync<JsonElement>(
            $"/api/routing-suggestion?countyCode=330402&kind={kind}&topic={topic}");

        var ticket = await RegisteredAsync(op, Intake(topic: topic, kind: kind));
        var dispatched = await ActOkAsync(op, ticket, "dispatch", new { });
        suggestion.GetProperty("unitCode").GetString().Should().Be(dispatched.GetProperty("unitCode").GetString());
        suggestion.GetProperty("name").GetString().Should().NotBe(suggestion.GetProperty("unitCode").GetString(), "the unit's name comes with it");
    }

    [Fact]
    public async Task A_suggestion_follows_the_town_to_its_county()
    {
        using var op = await Operator(system);
        var counties = await op.GetFromJsonAsync<JsonElement[]>("/api/reference/counties");
        var town = counties!.Single(c => c.GetProperty("code").GetString() == "330481").GetProperty("towns")[0].GetProperty("code").GetString();
        var suggestion = await op.GetFromJsonAsync<JsonElement>($"/api/routing-suggestion?townCode={town}&kind=help&topic=care_services");
        suggestion.GetProperty("unitCode").GetString().Should().Be("330481-CENTRE");
        suggestion.GetProperty("countyCode").GetString().Should().Be("330481");
    }

    [Fact]
    public async Task A_question_without_a_place_and_with_an_unknown_kind_names_both_fields()
    {
        using var op = await Operator(system);
        var response = await op.GetAsync("/api/routing-suggestion?kind=gossip&topic=education");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString())
            .Should().BeEquivalentTo(["kind", "countyCode"]);
    }
}
