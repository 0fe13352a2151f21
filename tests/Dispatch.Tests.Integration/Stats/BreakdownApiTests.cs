using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// GET /api/stats/breakdown, /api/stats/months and /api/stats for past periods, through the real web app, over two
/// seeded months: every figure equals an independent SQL computation over the tickets read model for the same scope
/// and period, also after a rebuild of the counters.
/// </summary>
[Collection(BreakdownCollection.Name)]
public sealed class BreakdownApiTests(BreakdownSystem system)
{
    private static readonly string[] Dimensions = ["kind", "topic", "channel", "town"];

    public static TheoryData<string, string, string> Periods => new()
    {
        { "city", "month", "2026-10-01" },
        { "city", "month", "2026-11-01" },
        { "city", "year", "2026-01-01" },
        { "county:330402", "month", "2026-10-01" },
        { "county:330402", "year", "2026-06-30" },
        { "unit:330402-CENTRE", "month", "2026-11-01" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Every_breakdown_figure_equals_the_SQL_over_the_tickets_of_the_same_scope_and_period(string scope, string period, string date)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        foreach (var by in Dimensions)
        {
            var answer = await supervisor.GetFromJsonAsync<JsonElement>(
                $"/api/stats/breakdown?scope={Uri.EscapeDataString(scope)}&period={period}&date={date}&by={by}");

            answer.GetProperty("by").GetString().Should().Be(by);
            var expected = await BreakdownSql.RowsAsync(system.ConnectionString, scope, period, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), by);
            Rows(answer).Should().BeEquivalentTo(expected, $"the {by} breakdown of {scope}, {period} of {date}");
        }
    }

    [Fact]
    public async Task The_scenario_spreads_over_several_values_of_every_dimension_and_both_months()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        foreach (var by in Dimensions)
        {
            var year = Rows(await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/breakdown?scope=city&period=year&date=2026-01-01&by={by}"));
            year.Where(r => r.Received > 0).Should().HaveCountGreaterThan(2, $"the scenario has several {by} values");
        }
        var october = Rows(await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/breakdown?scope=city&period=month&date=2026-10-01&by=kind"));
        var november = Rows(await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/breakdown?scope=city&period=month&date=2026-11-01&by=kind"));
        october.Sum(r => r.Received).Should().Be(4);
        november.Sum(r => r.Received).Should().Be(4);
        october.Single(r => r.Value == "complaint").Should().Match<BreakdownSql.Row>(r => r.Received == 2 && r.Resolved == 1 && r.OnTime == 1 && r.OnTimeCounted == 1);
    }

    [Theory]
    [InlineData("city", "2026-10")]
    [InlineData("city", "2026-11")]
    [InlineData("county:330402", "2026-10")]
    [InlineData("unit:330402-CENTRE", "2026-11")]
    public async Task A_past_or_current_month_and_its_column_of_the_year_view_equal_the_SQL_over_the_tickets(string scope, string month)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var first = DateOnly.Parse(month + "-01", System.Globalization.CultureInfo.InvariantCulture);

        var snapshot = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats?scope={Uri.EscapeDataString(scope)}&period=month&date={first:yyyy-MM-dd}");
        var year = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/months?scope={Uri.EscapeDataString(scope)}&year=2026");

        var expected = await BreakdownSql.MonthAsync(system.ConnectionString, scope, first);
        var tickets = snapshot.GetProperty("tickets");
        Figures(tickets).Should().BeEquivalentTo(expected);
        year.GetArrayLength().Should().Be(12);
        var column = year.EnumerateArray().Single(m => m.GetProperty("month").GetString() == $"{first:yyyy-MM-dd}").GetProperty("tickets");
        column.GetRawText().Should().Be(tickets.GetRawText(), "the year view's column is the month's own figures");
        year[0].GetProperty("month").GetString().Should().Be("2026-01-01");
    }

    [Fact]
    public async Task A_rebuild_from_the_read_model_gives_the_same_breakdowns()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var before = await Task.WhenAll(Dimensions.Select(by => admin.GetStringAsync($"/api/stats/breakdown?scope=city&period=year&date=2026-01-01&by={by}")));
        await using (var source = NpgsqlDataSource.Create(system.ConnectionString))
        await using (var wipe = source.CreateCommand("delete from stats_counters where starts_with(measure, 'by:')"))
        {
            await wipe.ExecuteNonQueryAsync();
        }

        (await admin.PostAsync("/api/stats/rebuild", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await Task.WhenAll(Dimensions.Select(by => admin.GetStringAsync($"/api/stats/breakdown?scope=city&period=year&date=2026-01-01&by={by}")));
        after.Should().Equal(before);
        foreach (var by in Dimensions)
        {
            var rows = Rows(JsonDocument.Parse(after[Array.IndexOf(Dimensions, by)]).RootElement);
            rows.Should().BeEquivalentTo(await BreakdownSql.RowsAsync(system.ConnectionString, "city", "year", new DateOnly(2026, 1, 1), by));
        }
    }

    [Theory]
    [InlineData("/api/stats/breakdown?scope=city&period=month&by=colour", "by")]
    [InlineData("/api/stats/breakdown?scope=city&period=day&by=kind", "period")]
    [InlineData("/api/stats/breakdown?scope=city&period=month&date=2026-10&by=kind", "date")]
    [InlineData("/api/stats/months?scope=city&year=26", "year")]
    [InlineData("/api/stats/months?scope=city&year=1999", "year")]
    public async Task A_bad_dimension_period_date_or_year_gets_400_in_chinese_and_english_naming_the_field(string path, string field)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var response = await supervisor.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("fieldErrors").EnumerateArray().Single();
        error.GetProperty("field").GetString().Should().Be(field);
        error.GetProperty("zh").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("en").GetString().Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("supervisor.330411@jx12385.test", "county:330402")]
    [InlineData("supervisor.330402@jx12385.test", "city")]
    [InlineData("staff.330402-centre@jx12385.test", "county:330402")]
    public async Task A_scope_outside_the_users_own_is_not_found_for_breakdowns_and_year_views(string email, string scope)
    {
        using var user = await system.SignInAsync(email);

        (await user.GetAsync($"/api/stats/breakdown?scope={scope}&period=month&by=kind")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await user.GetAsync($"/api/stats/months?scope={scope}&year=2026")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await user.GetAsync($"/api/stats/breach-risk?scope={scope}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await user.GetAsync($"/api/stats/clock-gaming?scope={scope}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await user.GetAsync($"/api/stats/returns-heatmap?scope={scope}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static readonly string[] SqlKinds = ["repeated_suspension", "reopen_loop", "return_bounce"];

    private static readonly string[] AllGamingKinds =
        ["late_suspension", "repeated_suspension", "late_extension", "near_due_merge", "reopen_loop", "return_bounce"];

    [Theory]
    [InlineData("city", "month", "2026-09-01")]
    [InlineData("county:330402", "month", "2026-09-21")]
    [InlineData("unit:330402-CENTRE", "year", "2026-01-01")]
    [InlineData("unit:330402-LEGAL", "month", "2026-09-30")]
    public async Task Clock_gaming_figures_and_the_returns_heat_map_equal_the_SQL_over_the_ticket_events(string scope, string period, string date)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var query = $"scope={Uri.EscapeDataString(scope)}&period={period}&date={date}";
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var from = period == "year" ? new DateOnly(day.Year, 1, 1) : new DateOnly(day.Year, day.Month, 1);
        var to = period == "year" ? from.AddYears(1) : from.AddMonths(1);

        var report = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/clock-gaming?{query}");
        var heat = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/returns-heatmap?{query}");
        var signals = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/clock-gaming/signals?{query}&pageSize=100");

        var rules = report.GetProperty("rules");
        var expected = await ClockGamingSql.CountsAsync(system.ConnectionString, scope, from, to,
            rules.GetProperty("repeatedSuspensions").GetInt32(), rules.GetProperty("reopenLoops").GetInt32());
        var resolved = await ClockGamingSql.ResolvedAsync(system.ConnectionString, from, to);
        var units = report.GetProperty("units").EnumerateArray().ToList();
        var shown = units.SelectMany(u => u.GetProperty("kinds").EnumerateArray().Where(k => SqlKinds.Contains(k.GetProperty("kind").GetString()))
            .Select(k => (Unit: u.GetProperty("unitCode").GetString()!, Kind: k.GetProperty("kind").GetString()!, Count: k.GetProperty("count").GetInt64())))
            .Where(x => x.Count > 0).ToDictionary(x => (x.Unit, x.Kind), x => x.Count);
        shown.Should().BeEquivalentTo(expected, "every unit's count of each event-derived signal equals the SQL over the events");
        expected.Should().NotBeEmpty("the scenario has such signals in every scope and period tested");
        foreach (var unit in units)
        {
            var handled = resolved.GetValueOrDefault(unit.GetProperty("unitCode").GetString()!);
            unit.GetProperty("handled").GetInt64().Should().Be(handled);
            var total = unit.GetProperty("total");
            if (handled > 0)
            {
                total.GetProperty("rate").GetDouble().Should().BeApproximately(100.0 * total.GetProperty("count").GetInt64() / handled, 1e-3);
            }
        }
        Cells(heat).Should().BeEquivalentTo(await ClockGamingSql.PassesAsync(system.ConnectionString, scope, from, to));
        Cells(heat).Should().NotBeEmpty();
        signals.GetProperty("total").GetInt32().Should().Be((int)units.Sum(u => u.GetProperty("total").GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task The_scenario_raises_each_signal_once_with_the_evidence_of_its_own_event()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var signals = (await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/clock-gaming/signals?scope=city&period=month&date=2026-09-01&pageSize=100"))
            .GetProperty("items").EnumerateArray().ToList();

        var byKind = signals.ToDictionary(s => s.GetProperty("kind").GetString()!);
        byKind.Keys.Should().BeEquivalentTo(AllGamingKinds);
        var parts = new Dictionary<string, string>
        {
            ["late_suspension"] = "late", ["repeated_suspension"] = "repeated", ["late_extension"] = "extended",
            ["near_due_merge"] = "merged", ["reopen_loop"] = "reopened", ["return_bounce"] = "bounced",
        };
        var events = new Dictionary<string, string>
        {
            ["late_suspension"] = "suspended", ["repeated_suspension"] = "suspended", ["late_extension"] = "extension_requested",
            ["near_due_merge"] = "merged", ["reopen_loop"] = "reopened", ["return_bounce"] = "dispatched",
        };
        foreach (var (kind, signal) in byKind)
        {
            var id = signal.GetProperty("itemId").GetGuid();
            id.ToString().Should().Be(system.Gaming[parts[kind]], kind);
            var trigger = signal.GetProperty("evidence").GetProperty("events").EnumerateArray().Last().GetInt32();
            (await ClockGamingSql.EventTypeAsync(system.ConnectionString, id, trigger)).Should().Be(events[kind], kind);
        }
        Evidence(byKind["late_suspension"]).Should().Be(("handling", 0.9111));
        Evidence(byKind["near_due_merge"]).Should().Be(("handling", 0.9111));
        Evidence(byKind["late_extension"]).Should().Be(("handling", 0.9667));
        byKind["repeated_suspension"].GetProperty("evidence").GetProperty("count").GetInt32().Should().Be(2);
        byKind["reopen_loop"].GetProperty("evidence").GetProperty("count").GetInt32().Should().Be(2);
        var bounce = byKind["return_bounce"];
        bounce.GetProperty("unitCode").GetString().Should().Be("330402-LEGAL");
        bounce.GetProperty("evidence").GetProperty("otherUnit").GetString().Should().Be(BreakdownSystem.Centre);
        byKind.Values.Where(s => s.GetProperty("kind").GetString() != "return_bounce")
            .Should().OnlyContain(s => s.GetProperty("unitCode").GetString() == BreakdownSystem.Centre);
        signals.Should().OnlyContain(s => !s.GetRawText().Contains("13912", StringComparison.Ordinal), "no phone number reaches the list");
    }

    [Fact]
    public async Task A_unit_with_fewer_signals_than_the_minimum_is_not_flagged_and_the_rules_come_with_the_figures()
    {
        using var supervisor = await system.SignInAsync("supervisor.330402@jx12385.test");

        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats/clock-gaming?scope=county:330402&period=month&date=2026-09-01");

        var rules = report.GetProperty("rules");
        rules.GetProperty("lateSuspensionShare").GetDouble().Should().Be(0.9);
        rules.GetProperty("lateExtensionShare").GetDouble().Should().Be(0.95);
        rules.GetProperty("minimumCount").GetInt32().Should().Be(3);
        var centre = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == BreakdownSystem.Centre);
        centre.GetProperty("unitKind").GetString().Should().Be("centre");
        var late = centre.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "late_suspension");
        late.GetProperty("count").GetInt64().Should().Be(1);
        late.GetProperty("flagged").GetBoolean().Should().BeFalse("one signal is below the minimum of three");
        late.GetProperty("ownAverage").ValueKind.Should().Be(JsonValueKind.Null, "the centre resolved nothing in June to August");
        centre.GetProperty("total").GetProperty("count").GetInt64().Should().Be(5, "every signal but the legal-aid station's bounce");
    }

    [Theory]
    [InlineData("/api/stats/clock-gaming?scope=city&period=day", "period")]
    [InlineData("/api/stats/clock-gaming?scope=city&date=2026-9-1", "date")]
    [InlineData("/api/stats/clock-gaming/signals?scope=city&kind=colour", "kind")]
    [InlineData("/api/stats/clock-gaming/signals?scope=city&pageSize=0", "pageSize")]
    [InlineData("/api/stats/returns-heatmap?scope=city&period=week", "period")]
    public async Task Bad_clock_gaming_input_gets_400_in_chinese_and_english_naming_the_field(string path, string field)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var response = await supervisor.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("fieldErrors").EnumerateArray().Single();
        error.GetProperty("field").GetString().Should().Be(field);
        error.GetProperty("zh").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("en").GetString().Should().NotBeNullOrEmpty();
    }

    private static List<ClockGamingSql.Cell> Cells(JsonElement heat) =>
        [.. heat.GetProperty("cells").EnumerateArray().Select(c => new ClockGamingSql.Cell(
            c.GetProperty("fromUnit").GetString()!, c.GetProperty("toUnit").GetString()!, c.GetProperty("count").GetInt64()))];

    private static (string?, double) Evidence(JsonElement signal) =>
        (signal.GetProperty("evidence").GetProperty("clock").GetString(), signal.GetProperty("evidence").GetProperty("shareUsed").GetDouble());

    [Theory]
    [InlineData("unit:330402-CENTRE")]
    [InlineData("county:330402")]
    [InlineData("city")]
    public async Task Breach_risk_of_every_open_ticket_equals_the_SQL_over_the_tickets_of_the_scope(string scope)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var answer = await supervisor.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope={Uri.EscapeDataString(scope)}");

        var expected = await BreachRiskSql.RowsAsync(system.ConnectionString, scope, answer.GetProperty("at").GetDateTimeOffset(),
            answer.GetProperty("minimumHistory").GetInt32());
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => new BreachRiskSql.Row(i.GetProperty("id").GetGuid(), i.GetProperty("basis").GetString(),
            i.GetProperty("comparable").GetInt64(), i.GetProperty("longer").GetInt64())).Should().BeEquivalentTo(expected);
        expected.Should().Contain(r => r.Basis != null, "the scenario has an open ticket with enough history");
        var flagAt = answer.GetProperty("flagAt").GetDouble();
        foreach (var item in items.Where(i => i.GetProperty("basis").ValueKind != JsonValueKind.Null))
        {
            var risk = (double)item.GetProperty("longer").GetInt64() / item.GetProperty("comparable").GetInt64();
            item.GetProperty("risk").GetDouble().Should().BeApproximately(risk, 1e-9);
            item.GetProperty("atRisk").GetBoolean().Should().Be(risk >= flagAt);
        }
    }

    [Fact]
    public async Task An_open_complaint_is_flagged_from_the_centres_own_history_while_its_clock_is_not_yet_in_warning()
    {
        using var staff = await system.SignInAsync($"staff.{BreakdownSystem.Centre.ToLowerInvariant()}@jx12385.test");

        var answer = await staff.GetFromJsonAsync<JsonElement>($"/api/stats/breach-risk?scope=unit:{BreakdownSystem.Centre}");

        var item = answer.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == system.OpenComplaint);
        item.GetProperty("basis").GetString().Should().Be("unit");
        item.GetProperty("comparable").GetInt64().Should().Be(20, "every past complaint on rehabilitation at the centre was open at age 0");
        item.GetProperty("longer").GetInt64().Should().Be(10, "the ten resolved after 400 hours took longer than its 10 working days");
        item.GetProperty("risk").GetDouble().Should().Be(0.5);
        item.GetProperty("atRisk").GetBoolean().Should().BeTrue();
        item.GetProperty("clockState").GetString().Should().Be("running", "the fixed warning comes only at 75% of the clock");
    }

    private static List<BreakdownSql.Row> Rows(JsonElement answer) =>
        [.. answer.GetProperty("rows").EnumerateArray().Select(r => new BreakdownSql.Row(
            r.GetProperty("value").GetString()!, r.GetProperty("received").GetInt64(), r.GetProperty("resolved").GetInt64(),
            r.GetProperty("onTime").GetInt64(), r.GetProperty("onTimeCounted").GetInt64(), r.GetProperty("open").GetInt64(),
            r.GetProperty("overdue").GetInt64()))];

    private static BreakdownSql.Month Figures(JsonElement t) => new(
        t.GetProperty("received").GetInt64(), t.GetProperty("resolved").GetInt64(), t.GetProperty("open").GetInt64(),
        Rate(t, "onTimeClosureRate"), Rate(t, "firstContactResolutionRate"), Rate(t, "returnRate"), Rate(t, "reworkRate"));

    private static double? Rate(JsonElement t, string name) =>
        t.GetProperty(name).ValueKind == JsonValueKind.Null ? null : t.GetProperty(name).GetDouble();
}
