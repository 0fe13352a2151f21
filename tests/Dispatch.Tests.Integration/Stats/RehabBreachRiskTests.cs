using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// GET /api/stats/breach-risk?type=rehab_visit through the real web app and silo over visits worked through the API
/// (<see cref="RehabBreachRiskSystem"/>): every answer equals an independent SQL computation over the visits read model,
/// the history counters equal a recount from the read model, also after a rebuild.
/// </summary>
[Collection(RehabBreachRiskCollection.Name)]
public sealed class RehabBreachRiskTests(RehabBreachRiskSystem system)
{
    [Theory]
    [InlineData("unit:330402-REHAB-1")]
    [InlineData("county:330402")]
    [InlineData("city")]
    public async Task Breach_risk_of_every_open_visit_equals_the_SQL_over_the_visits_of_the_scope(string scope)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var answer = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope={Uri.EscapeDataString(scope)}&type=rehab_visit");

        var expected = await RehabBreachRiskSql.RowsAsync(system.ConnectionString, scope, answer.GetProperty("at").GetDateTimeOffset(),
            answer.GetProperty("minimumHistory").GetInt32());
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => new RehabBreachRiskSql.Row(i.GetProperty("id").GetGuid(), i.GetProperty("kind").GetString()!, i.GetProperty("topic").GetString()!,
            i.GetProperty("basis").GetString(), i.GetProperty("comparable").GetInt64(), i.GetProperty("longer").GetInt64())).Should().BeEquivalentTo(expected);
        expected.Should().Contain(r => r.Basis != null, "the scenario has an open visit with enough history");
        items.Should().OnlyContain(i => i.GetProperty("itemType").GetString() == "rehab_visit" && i.GetProperty("title").GetString() == RehabBreachRiskSystem.ServiceType,
            "a visit is titled by its service type, never by the person's name");
        var risks = items.Select(i => i.GetProperty("risk")).Select(r => r.ValueKind == JsonValueKind.Null ? -1 : r.GetDouble()).ToList();
        risks.Should().BeInDescendingOrder("the riskiest come first, those without history last");
        var flagAt = answer.GetProperty("flagAt").GetDouble();
        foreach (var item in items.Where(i => i.GetProperty("basis").ValueKind != JsonValueKind.Null))
        {
            var risk = (double)item.GetProperty("longer").GetInt64() / item.GetProperty("comparable").GetInt64();
            item.GetProperty("risk").GetDouble().Should().BeApproximately(risk, 1e-9);
            item.GetProperty("atRisk").GetBoolean().Should().Be(risk >= flagAt);
        }
    }

    [Fact]
    public async Task Each_open_visit_is_judged_on_the_clock_of_its_stage_against_the_past_visits_of_that_clock()
    {
        using var staff = await system.SignInAsync($"staff.{RehabBreachRiskSystem.Provider.ToLowerInvariant()}@jx12385.test");

        var answer = await staff.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope=unit:{RehabBreachRiskSystem.Provider}&type=rehab_visit");

        answer.GetProperty("at").GetDateTimeOffset().Should().Be(RehabBreachRiskSystem.Now);
        var items = answer.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        items.Keys.Should().BeEquivalentTo([system.InWindow, system.Recording, system.Owed], "done and cancelled visits run no clock");

        var window = items[system.InWindow];
        window.GetProperty("topic").GetString().Should().Be("window");
        window.GetProperty("remainingHours").GetDouble().Should().Be(1.5);
        window.GetProperty("basis").GetString().Should().Be("unit");
        window.GetProperty("comparable").GetInt64().Should().Be(25, "every past window took 30 minutes or more");
        window.GetProperty("longer").GetInt64().Should().Be(14, "the fourteen done after 180 minutes took longer than its 120");
        window.GetProperty("atRisk").GetBoolean().Should().BeTrue();
        window.GetProperty("clockState").GetString().Should().Be("running", "the fixed warning comes only at 75% of the window");

        var record = items[system.Recording];
        record.GetProperty("topic").GetString().Should().Be("record");
        record.GetProperty("remainingHours").GetDouble().Should().Be(7.5, "one working day of 7.5 working hours");
        (record.GetProperty("comparable").GetInt64(), record.GetProperty("longer").GetInt64()).Should().Be((24L, 0L));

        var owed = items[system.Owed];
        owed.GetProperty("topic").GetString().Should().Be("firstVisit");
        owed.GetProperty("remainingHours").GetDouble().Should().Be(28.5, "9 of its 37.5 working hours are used");
        owed.GetProperty("risk").ValueKind.Should().Be(JsonValueKind.Null, "no past first visit took 9 working hours");
    }

    [Fact]
    public async Task A_provider_without_history_in_its_county_is_judged_on_the_citys()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var answer = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/breach-risk?scope=city&type=rehab_visit");

        var item = answer.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == system.Elsewhere);
        item.GetProperty("unitCode").GetString().Should().Be(RehabBreachRiskSystem.OtherProvider);
        item.GetProperty("basis").GetString().Should().Be("city");
        (item.GetProperty("comparable").GetInt64(), item.GetProperty("longer").GetInt64()).Should().Be((25L, 14L));
    }

    [Fact]
    public async Task The_history_counters_equal_a_recount_from_the_visits_and_a_rebuild_gives_the_same()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var recount = await RehabBreachRiskSql.HistoryAsync(system.ConnectionString);

        recount.Should().Contain(new RehabBreachRiskSql.Cell("unit:330402-REHAB-1", "by:risk:rehabilitation_training:window:180", 14));
        (await RehabBreachRiskSql.CountersAsync(system.ConnectionString)).Should().BeEquivalentTo(recount);
        var before = await admin.GetStringAsync("/api/stats/breach-risk?scope=city&type=rehab_visit");

        (await admin.PostAsync("/api/stats/rebuild", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await RehabBreachRiskSql.CountersAsync(system.ConnectionString)).Should().BeEquivalentTo(recount);
        (await admin.GetStringAsync("/api/stats/breach-risk?scope=city&type=rehab_visit")).Should().Be(before);
    }

    [Theory]
    [InlineData("rehab")]
    [InlineData("Rehab_Visit")]
    public async Task An_unknown_item_type_gets_400_naming_type(string type)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var response = await supervisor.GetAsync($"/api/stats/breach-risk?scope=city&type={type}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray().Single();
        error.GetProperty("field").GetString().Should().Be("type");
        error.GetProperty("en").GetString().Should().Contain("rehab_visit", "the message names the types there are");
    }
}
