using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>GET /api/calendars: the years the deadlines are counted on, official or provisional, with their days.</summary>
public sealed class CalendarApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task The_years_after_the_last_notice_are_listed_as_provisional()
    {
        using var client = await system.SignInAsync("staff.330402-centre@jx12385.test");

        var years = await client.GetFromJsonAsync<JsonElement>("/api/calendars");

        var status = years.EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("status").GetString());
        status[2025].Should().Be("official");
        status[2026].Should().Be("official");
        status[2027].Should().Be("provisional");
    }

    [Fact]
    public async Task A_provisional_year_shows_its_statutory_days_off_and_says_where_they_come_from()
    {
        using var client = await system.SignInAsync("staff.330402-centre@jx12385.test");

        var year = await client.GetFromJsonAsync<JsonElement>("/api/calendars/2027");

        year.GetProperty("status").GetString().Should().Be("provisional");
        year.GetProperty("source").GetString().Should().Contain("全国年节及纪念日放假办法");
        year.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString())
            .Should().Contain(["2027-01-01", "2027-02-05", "2027-10-05"]);
        year.GetProperty("makeUpWorkingDays").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task An_official_year_carries_its_make_up_working_days()
    {
        using var client = await system.SignInAsync("staff.330402-centre@jx12385.test");

        var year = await client.GetFromJsonAsync<JsonElement>("/api/calendars/2026");

        year.GetProperty("status").GetString().Should().Be("official");
        year.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).Should().Contain("2026-02-14");
    }

    [Fact]
    public async Task A_year_out_of_range_is_a_problem_in_both_languages()
    {
        using var client = await system.SignInAsync("staff.330402-centre@jx12385.test");

        var response = await client.GetAsync("/api/calendars/1999");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("year").And.Contain("2000");
    }

    [Fact]
    public async Task The_calendar_is_for_signed_in_users() =>
        (await system.Web.Client.GetAsync("/api/calendars")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
}
