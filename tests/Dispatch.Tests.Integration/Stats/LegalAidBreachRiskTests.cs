using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// GET /api/stats/breach-risk?type=legal_aid_case through the real web app and silo, over the cases of
/// <see cref="LegalAidBreachRiskSystem"/>: every answer equals an independent SQL computation over legal_aid_cases, the
/// history cells kept write by write equal a recount from the rows, and a rebuild gives the same.
/// </summary>
[Collection(LegalAidBreachRiskCollection.Name)]
public sealed class LegalAidBreachRiskTests(LegalAidBreachRiskSystem system)
{
    private const string Path = "/api/stats/breach-risk?type=legal_aid_case&scope=";

    [Theory]
    [InlineData("unit:330402-LEGAL")]
    [InlineData("county:330402")]
    [InlineData("city")]
    public async Task Breach_risk_of_every_open_case_equals_the_SQL_over_the_cases_of_the_scope(string scope)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var answer = await supervisor.GetFromJsonAsync<JsonElement>(Path + Uri.EscapeDataString(scope));

        var expected = await LegalAidBreachRiskSql.RowsAsync(system.ConnectionString, scope, answer.GetProperty("at").GetDateTimeOffset(),
            answer.GetProperty("minimumHistory").GetInt32());
        var items = Items(answer);
        items.Select(i => i with { RemainingHours = 0 }).Should().BeEquivalentTo(expected.Select(r => r with { RemainingHours = 0 }));
        foreach (var item in items)
        {
            item.RemainingHours.Should().BeApproximately(expected.Single(r => r.Id == item.Id).RemainingHours, 0.005, $"the hours left of {item.Id}");
        }
        expected.Should().Contain(r => r.Basis != null, "the scenario has an open case with enough history");
        var risks = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("risk")).Select(r => r.ValueKind == JsonValueKind.Null ? -1 : r.GetDouble());
        risks.Should().BeInDescendingOrder("the riskiest come first");
        answer.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("itemType").GetString() == "legal_aid_case"
            && i.GetProperty("title").GetString() == i.GetProperty("kind").GetString(), "a case is titled by its type, never by the applicant's name");
    }

    [Fact]
    public async Task A_case_accepted_now_is_flagged_from_the_stations_own_decisions_while_its_clock_is_not_yet_in_warning()
    {
        using var staff = await system.SignInAsync($"staff.{LegalAidBreachRiskSystem.Station.ToLowerInvariant()}@jx12385.test");

        var answer = await staff.GetFromJsonAsync<JsonElement>(Path + $"unit:{LegalAidBreachRiskSystem.Station}");

        var item = Item(answer, system.Open["fresh"]);
        (item.GetProperty("kind").GetString(), item.GetProperty("topic").GetString()).Should().Be(("labour_dispute", "decision"));
        item.GetProperty("basis").GetString().Should().Be("unit");
        item.GetProperty("comparable").GetInt64().Should().Be(20, "every past decision at the station took at least no time");
        item.GetProperty("longer").GetInt64().Should().Be(10, "the ten refused after 73 working hours took longer than the 52.5 it has");
        item.GetProperty("risk").GetDouble().Should().Be(0.5);
        item.GetProperty("atRisk").GetBoolean().Should().BeTrue();
        item.GetProperty("remainingHours").GetDouble().Should().Be(52.5, "seven working days of 7.5 hours, counted from its acceptance now");
        item.GetProperty("clockState").GetString().Should().Be("running", "the fixed warning comes only at 75% of the clock");
        item.GetProperty("unitCode").GetString().Should().Be(LegalAidBreachRiskSystem.Station);
    }

    [Fact]
    public async Task Cases_are_judged_against_those_still_undecided_at_their_age_then_the_county_then_the_city()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var answer = await supervisor.GetFromJsonAsync<JsonElement>(Path + "city");

        var older = Item(answer, system.Open["older"]);
        older.GetProperty("basis").ValueKind.Should().Be(JsonValueKind.Null, "after 8 working hours only 14 past cases were still undecided");
        older.GetProperty("atRisk").GetBoolean().Should().BeFalse();
        var elsewhere = Item(answer, system.Open["elsewhere"]);
        (elsewhere.GetProperty("basis").GetString(), elsewhere.GetProperty("comparable").GetInt64()).Should().Be(("city", 20L),
            "neither the Xiuzhou station nor its county has decided a case");
        var granted = Item(answer, system.Open["granted"]);
        granted.GetProperty("topic").GetString().Should().Be("assignment");
        granted.GetProperty("basis").ValueKind.Should().Be(JsonValueKind.Null, "no personal-injury case was assigned before");
        granted.GetProperty("remainingHours").GetDouble().Should().Be(72, "three statutory days from the midnight after the grant, the last a Friday");
        Item(answer, system.Open["other_type"]).GetProperty("basis").ValueKind.Should().Be(JsonValueKind.Null, "no marriage case was decided");
        Ids(answer).Should().NotContain([system.Open["waiting"], system.Open["applied"]],
            "a clock paused for documents is not judged, and a case not yet accepted under version 1 has no clock");
    }

    [Fact]
    public async Task The_history_cells_kept_write_by_write_equal_a_recount_from_the_rows_and_a_rebuild_gives_the_same()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var kept = await MeasuresSql.ReadAsync(system.ConnectionString, KeptHistory);
        var recount = await MeasuresSql.ReadAsync(system.ConnectionString, LegalAidBreachRiskSql.HistoryCells);

        MeasuresSql.Differences(kept, recount).Should().BeEmpty();
        var city = kept.Where(k => k.Key.Scope == "city").ToDictionary(k => k.Key.Measure, k => k.Value);
        city.Should().BeEquivalentTo(new Dictionary<string, long>
        {
            ["by:risk:labour_dispute:decision:2"] = 6, ["by:risk:labour_dispute:decision:9"] = 4, ["by:risk:labour_dispute:decision:72"] = 10,
            ["by:risk:labour_dispute:assignment:10"] = 3, ["by:risk:personal_injury:decision:0"] = 1,
        });
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(system.ConnectionString, CaseMeasuresSql.Kept("legal_aid_case")),
            await MeasuresSql.ReadAsync(system.ConnectionString, CaseMeasuresSql.LegalAidExpected)).Should().BeEmpty("every case counter equals the SQL");

        var before = await admin.GetStringAsync(Path + "city");
        (await admin.PostAsync("/api/stats/rebuild", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        MeasuresSql.Differences(await MeasuresSql.ReadAsync(system.ConnectionString, KeptHistory), recount).Should().BeEmpty();
        (await admin.GetStringAsync(Path + "city")).Should().Be(before);
    }

    [Theory]
    [InlineData("legal_aid")]
    [InlineData("LEGAL_AID_CASE")]
    public async Task An_unknown_type_is_a_400_naming_type(string type)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var response = await supervisor.GetAsync($"/api/stats/breach-risk?scope=city&type={type}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Single().GetProperty("field").GetString().Should().Be("type");
    }

    [Fact]
    public async Task Another_stations_staff_do_not_get_this_stations_cases()
    {
        using var xiuzhou = await system.SignInAsync($"staff.{LegalAidBreachRiskSystem.OtherStation.ToLowerInvariant()}@jx12385.test");

        (await xiuzhou.GetAsync(Path + $"unit:{LegalAidBreachRiskSystem.Station}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Ids(await xiuzhou.GetFromJsonAsync<JsonElement>(Path + $"unit:{LegalAidBreachRiskSystem.OtherStation}"))
            .Should().Equal(system.Open["elsewhere"]);
    }

    private const string KeptHistory = """
        select scope, period, period_start, measure, sum(value)::bigint from stats_counter_totals
        where item_type = 'legal_aid_case' and starts_with(measure, 'by:risk:')
        group by scope, period, period_start, measure
        having sum(value) <> 0
        """;

    private static List<LegalAidBreachRiskSql.Row> Items(JsonElement answer) =>
        [.. answer.GetProperty("items").EnumerateArray().Select(i => new LegalAidBreachRiskSql.Row(i.GetProperty("id").GetGuid(),
            i.GetProperty("kind").GetString()!, i.GetProperty("topic").GetString()!, i.GetProperty("basis").GetString(),
            i.GetProperty("comparable").GetInt64(), i.GetProperty("longer").GetInt64(), i.GetProperty("remainingHours").GetDouble()))];

    private static JsonElement Item(JsonElement answer, string id) =>
        answer.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static List<string> Ids(JsonElement answer) => [.. answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
