using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>GET /api/sla-rules: every rule in force is shown with its lengths and where it comes from.</summary>
public sealed class SlaRulesApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Every_rule_is_shown_with_its_source_and_lengths()
    {
        using var client = await system.SignInAsync("supervisor@jx12385.test");

        var rules = await client.GetFromJsonAsync<JsonElement>("/api/sla-rules");

        rules.GetProperty("version").GetInt32().Should().BeGreaterThan(0);
        var all = rules.GetProperty("rules").EnumerateArray().ToList();
        all.Should().OnlyContain(r => r.GetProperty("source").GetString()!.Length > 0);
        var acceptance = all.Single(r => r.GetProperty("item").GetString() == "petition" && r.GetProperty("name").GetString() == "acceptance");
        acceptance.GetProperty("source").GetString().Should().Contain("信访工作条例");
        acceptance.GetProperty("clocks")[0].GetProperty("amount").GetDecimal().Should().Be(15);
        acceptance.GetProperty("clocks")[0].GetProperty("unit").GetString().Should().Be("calendar_days");
        all.Where(r => r.GetProperty("item").GetString() == "petition").Select(r => r.GetProperty("name").GetString())
            .Should().BeEquivalentTo(["acceptance", "reply", "extension", "review_request", "review", "re_review_request", "re_review",
                "urgent_first_contact", "callback"]);
        var decision = all.Single(r => r.GetProperty("item").GetString() == "legalAid" && r.GetProperty("name").GetString() == "decision");
        decision.GetProperty("clocks")[0].GetProperty("amount").GetDecimal().Should().Be(7);
    }

    [Fact]
    public async Task The_rules_are_for_signed_in_users() =>
        (await system.Web.Client.GetAsync("/api/sla-rules")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
}
