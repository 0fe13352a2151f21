using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>GET /api/stats and its lists through the real web app: shapes, scope checks, and live numbers.</summary>
public sealed class StatsApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task The_city_snapshot_has_the_period_the_target_every_county_and_the_legal_aid_and_rehab_figures()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var snapshot = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats?scope=city&period=month&date=2026-11-29");

        snapshot.GetProperty("scope").GetString().Should().Be("city");
        snapshot.GetProperty("scopeName").GetString().Should().Be("嘉兴市");
        snapshot.GetProperty("period").GetString().Should().Be("month");
        snapshot.GetProperty("from").GetString().Should().Be("2026-11-01");
        snapshot.GetProperty("to").GetString().Should().Be("2026-11-30");
        snapshot.GetProperty("target").GetDouble().Should().Be(0.95);
        snapshot.GetProperty("legalAid").EnumerateObject().Select(p => p.Name).Should().Equal(
            "received", "open", "atRisk", "overdue", "decided", "granted", "refused", "concluded", "onTimeDecisionRate", "grantRate", "onTimeAssignmentRate");
        snapshot.GetProperty("rehab").EnumerateObject().Select(p => p.Name).Should().Equal(
            "requested", "open", "atRisk", "overdue", "completed", "missed", "cancelled", "onTimeFirstVisitRate", "completionRate", "onTimeRecordRate");
        snapshot.GetProperty("tickets").GetProperty("pauseShareByReason").ValueKind.Should().Be(JsonValueKind.Object);
        snapshot.GetProperty("forecast").GetProperty("mustCloseToday").GetInt64().Should().BeGreaterThanOrEqualTo(0);
        snapshot.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("scope").GetString()).Should().Equal(
            "county:330402", "county:330411", "county:330421", "county:330424", "county:330481", "county:330482", "county:330483", "county:330400");
    }

    [Fact]
    public async Task A_registered_ticket_counts_at_once_in_todays_figures_of_the_city_and_its_county()
    {
        using var supervisor = await system.SignInAsync("supervisor.330482@jx12385.test");
        using var operatorClient = await TicketApi.Operator(system);
        var before = await ReceivedAsync(supervisor, "county:330482");

        await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330482"));

        (await ReceivedAsync(supervisor, "county:330482")).Should().Be(before + 1);
        var city = await (await system.SignInAsync("supervisor@jx12385.test")).GetFromJsonAsync<JsonElement>("/api/stats?scope=city");
        city.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("scope").GetString() == "county:330482")
            .GetProperty("received").GetInt64().Should().Be(before + 1);
    }

    [Fact]
    public async Task The_silo_folds_each_writes_counter_changes_into_the_counters_by_itself_and_the_figures_stay_the_same()
    {
        using var supervisor = await system.SignInAsync("supervisor.330483@jx12385.test");
        using var operatorClient = await TicketApi.Operator(system);
        var before = await ReceivedAsync(supervisor, "county:330483");
        await using var source = NpgsqlDataSource.Create(system.ConnectionString);

        await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330483"));

        (await ReceivedAsync(supervisor, "county:330483")).Should().Be(before + 1, "a pending change counts at once");
        await Eventually.Get(() => ScalarAsync(source, "select count(*) from stats_counter_changes"), n => n == 0,
            TimeSpan.FromSeconds(30), "the silo to fold the pending counter changes");
        (await ScalarAsync(source, """
            select coalesce(sum(value), 0) from stats_counters
            where item_type = 'ticket' and scope = 'county:330483' and period = 'day' and period_start = (now() at time zone 'Asia/Shanghai')::date and measure = 'received'
            """)).Should().Be(before + 1, "the folded counters alone now hold the change");
        (await ReceivedAsync(supervisor, "county:330483")).Should().Be(before + 1, "folding moves a change, never counts it twice");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("supervisor.330402@jx12385.test", "county:330402", HttpStatusCode.OK)]
    [InlineData("supervisor.330402@jx12385.test", "unit:330402-LEGAL", HttpStatusCode.OK)]
    [InlineData("supervisor.330402@jx12385.test", "county:330411", HttpStatusCode.NotFound)]
    [InlineData("supervisor.330402@jx12385.test", "unit:330411-CENTRE", HttpStatusCode.NotFound)]
    [InlineData("supervisor.330402@jx12385.test", "city", HttpStatusCode.NotFound)]
    [InlineData("staff.330402-centre@jx12385.test", "unit:330402-CENTRE", HttpStatusCode.OK)]
    [InlineData("staff.330402-centre@jx12385.test", "unit:330402-LEGAL", HttpStatusCode.NotFound)]
    [InlineData("operator@jx12385.test", "city", HttpStatusCode.OK)]
    [InlineData("operator@jx12385.test", "county:330402", HttpStatusCode.NotFound)]
    [InlineData("supervisor@jx12385.test", "county:999999", HttpStatusCode.NotFound)]
    public async Task Each_user_sees_the_measures_and_lists_of_their_own_scopes_only(string email, string scope, HttpStatusCode expected)
    {
        using var client = await system.SignInAsync(email);

        foreach (var path in new[] { "/api/stats", "/api/stats/trend", "/api/stats/at-risk", "/api/stats/overdue" })
        {
            var response = await client.GetAsync($"{path}?scope={Uri.EscapeDataString(scope)}");
            response.StatusCode.Should().Be(expected, path);
            if (expected == HttpStatusCode.NotFound)
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("zh").GetProperty("detail").GetString().Should().Contain("统计范围");
            }
        }
    }

    [Fact]
    public async Task A_unit_has_no_children_and_a_county_lists_its_units()
    {
        using var supervisor = await system.SignInAsync("supervisor.330402@jx12385.test");

        var unit = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats?scope=unit:330402-CENTRE");
        var county = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats?scope=county:330402");

        unit.GetProperty("children").GetArrayLength().Should().Be(0);
        county.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("scope").GetString())
            .Should().Contain(["unit:330402-CENTRE", "unit:330402-LEGAL"]).And.OnlyContain(s => s!.StartsWith("unit:330402-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/stats?scope=city&period=week", "period")]
    [InlineData("/api/stats?scope=city&date=29-11-2026", "date")]
    [InlineData("/api/stats/trend?scope=city&month=2026-13", "month")]
    public async Task A_malformed_period_date_or_month_gets_400_naming_the_field(string path, string field)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var response = await supervisor.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be(field);
    }

    [Fact]
    public async Task The_trend_has_one_point_per_day_of_the_month()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");

        var trend = await supervisor.GetFromJsonAsync<JsonElement[]>("/api/stats/trend?scope=city&month=2026-02");

        trend!.Select(p => p.GetProperty("date").GetString()).Should().HaveCount(28).And.StartWith("2026-02-01").And.EndWith("2026-02-28");
        trend![0].GetProperty("onTimeClosureRate").ValueKind.Should().Be(JsonValueKind.Null, "nothing was counted that day");
    }

    [Fact]
    public async Task Only_an_administrator_rebuilds_the_counters_and_the_figures_stay_the_same()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        using var operatorClient = await TicketApi.Operator(system);
        await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330424"));
        var before = await supervisor.GetStringAsync("/api/stats?scope=city&period=year");

        (await supervisor.PostAsync("/api/stats/rebuild", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var rebuilt = await admin.PostAsync("/api/stats/rebuild", null);

        rebuilt.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rebuilt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetInt64().Should().BeGreaterThan(0);
        (await supervisor.GetStringAsync("/api/stats?scope=city&period=year")).Should().Be(before);
    }

    private static async Task<long> ReceivedAsync(HttpClient client, string scope) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/stats?scope={scope}")).GetProperty("tickets").GetProperty("received").GetInt64();
}
