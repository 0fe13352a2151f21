using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>
/// GET /api/sla-rules and /api/sla-rules/{version}: every rule version with its lengths and where each rule comes from.
/// The real today is on or after 1 December 2026, so version 2 (《法律援助法》 for legal aid) is the one in force.
/// </summary>
public sealed class SlaRulesApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static JsonElement Rule(JsonElement version, string item, string name) => version.GetProperty("rules").EnumerateArray()
        .Single(r => r.GetProperty("item").GetString() == item && r.GetProperty("name").GetString() == name);

    private static bool HasRule(JsonElement version, string item, string name) => version.GetProperty("rules").EnumerateArray()
        .Any(r => r.GetProperty("item").GetString() == item && r.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Every_rule_in_force_is_shown_with_its_source_and_lengths()
    {
        using var client = await system.SignInAsync("supervisor@jx12385.test");

        var rules = await client.GetFromJsonAsync<JsonElement>("/api/sla-rules");

        rules.GetProperty("version").GetInt32().Should().Be(2);
        rules.GetProperty("effectiveFrom").GetString().Should().Be("2026-12-01");
        var all = rules.GetProperty("rules").EnumerateArray().ToList();
        all.Should().OnlyContain(r => r.GetProperty("source").GetString()!.Length > 0);
        var acceptance = Rule(rules, "petition", "acceptance");
        acceptance.GetProperty("source").GetString().Should().Contain("信访工作条例");
        acceptance.GetProperty("clocks")[0].GetProperty("amount").GetDecimal().Should().Be(15);
        acceptance.GetProperty("clocks")[0].GetProperty("unit").GetString().Should().Be("calendar_days");
        all.Where(r => r.GetProperty("item").GetString() == "petition").Select(r => r.GetProperty("name").GetString())
            .Should().BeEquivalentTo(["acceptance", "reply", "extension", "review_request", "review", "re_review_request", "re_review",
                "urgent_first_contact", "callback"]);
        var decision = Rule(rules, "legalAid", "decision");
        decision.GetProperty("clocks")[0].GetProperty("amount").GetDecimal().Should().Be(7);
        decision.GetProperty("clocks")[0].GetProperty("unit").GetString().Should().Be("calendar_days");
        decision.GetProperty("from").GetString().Should().Be("receipt");
        decision.GetProperty("source").GetString().Should().Contain("第四十三条");
    }

    [Fact]
    public async Task Every_version_is_listed_with_its_start_and_whether_it_is_in_force()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");

        var rules = await client.GetFromJsonAsync<JsonElement>("/api/sla-rules");

        var versions = rules.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("version").GetInt32()).Should().Equal(1, 2);
        versions.Select(v => v.GetProperty("effectiveFrom").GetString()).Should().Equal("2025-01-01", "2026-12-01");
        versions.Select(v => v.GetProperty("inForce").GetBoolean()).Should().Equal(false, true);
        HasRule(versions[0], "legalAid", "objection_window").Should().BeTrue();
        Rule(versions[0], "legalAid", "objection_window").GetProperty("source").GetString().Should().StartWith("Local practice");
        HasRule(versions[1], "legalAid", "objection_window").Should().BeFalse("the Law gives the applicant no objection window");
        versions.Should().OnlyContain(v => v.GetProperty("rules").EnumerateArray()
            .All(r => r.GetProperty("clocks").GetArrayLength() > 0 && r.GetProperty("source").GetString()!.Length > 0));
    }

    [Fact]
    public async Task One_version_is_shown_by_its_number()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");

        var v1 = await client.GetFromJsonAsync<JsonElement>("/api/sla-rules/1");

        v1.GetProperty("version").GetInt32().Should().Be(1);
        v1.GetProperty("inForce").GetBoolean().Should().BeFalse();
        var decision = Rule(v1, "legalAid", "decision");
        decision.GetProperty("from").GetString().Should().Be("acceptance");
        decision.GetProperty("clocks")[0].GetProperty("unit").GetString().Should().Be("working_days");
        decision.GetProperty("source").GetString().Should().Contain("《办理法律援助案件程序规定》(2012)");
    }

    [Fact]
    public async Task An_unknown_version_is_a_404_problem_in_both_languages()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");

        var response = await client.GetAsync("/api/sla-rules/99");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("时限规则版本 99");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("Deadline-rule version 99");
    }

    [Fact]
    public async Task The_rules_are_for_signed_in_users()
    {
        (await system.Web.Client.GetAsync("/api/sla-rules")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await system.Web.Client.GetAsync("/api/sla-rules/1")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
