using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Calendar;

/// <summary>
/// PUT /api/calendars/{year}, its preview and history, against a running silo and web app on their own database: only
/// administrators write, bad input changes nothing, every change is recorded with who, when and why.
/// </summary>
public sealed class CalendarAdministrationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    public const string AdminEmail = "admin@jx12385.test";

    public static object Notice(int year, string reason = "国务院办公厅关于放假安排的通知已发布") => new
    {
        holidayBlocks = new object[]
        {
            new { name = "元旦", nameEn = "New Year's Day", from = $"{year}-01-01", to = $"{year}-01-03" },
            new { name = "国庆节、中秋节", nameEn = "National Day and Mid-Autumn", from = $"{year}-10-01", to = $"{year}-10-08" },
        },
        makeUpWorkingDays = new object[] { new { date = SaturdayIn(year, 9), name = "国庆调休上班" } },
        source = $"国办发明电（{year - 1}）X号：关于{year}年部分节假日安排的通知",
        reason,
    };

    [Fact]
    public async Task An_administrator_publishes_a_year_and_it_becomes_official()
    {
        using var admin = await system.SignInAsync(AdminEmail);

        var response = await admin.PutAsJsonAsync("/api/calendars/2030", Notice(2030));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var year = await admin.GetFromJsonAsync<JsonElement>("/api/calendars/2030");
        year.GetProperty("status").GetString().Should().Be("official");
        year.GetProperty("source").GetString().Should().Contain("2030年部分节假日安排");
        year.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).Should().Contain(["2030-10-08", "2030-01-02"]);
        year.GetProperty("makeUpWorkingDays").EnumerateArray().Single().GetProperty("date").GetString().Should().Be(SaturdayIn(2030, 9));
    }

    [Fact]
    public async Task Every_publication_is_in_the_years_history_with_who_when_and_why()
    {
        using var admin = await system.SignInAsync(AdminEmail);
        (await admin.PutAsJsonAsync("/api/calendars/2031", Notice(2031, "首次发布"))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/calendars/2031", Notice(2031, "更正国庆假期"))).EnsureSuccessStatusCode();

        var history = await admin.GetFromJsonAsync<JsonElement>("/api/calendars/2031/history");

        history.EnumerateArray().Select(c => c.GetProperty("reason").GetString()).Should().Equal("首次发布", "更正国庆假期");
        history.EnumerateArray().Should().OnlyContain(c => c.GetProperty("changedBy").GetString()!.Length > 0
            && c.GetProperty("changedRole").GetString() == "admin" && c.GetProperty("kind").GetString() == "year_published"
            && c.GetProperty("holidayBlocks").GetArrayLength() == 2);
        var sequences = history.EnumerateArray().Select(c => c.GetProperty("sequence").GetInt64()).ToList();
        sequences.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("supervisor.330402@jx12385.test")]
    [InlineData("operator@jx12385.test")]
    [InlineData("staff.330402-centre@jx12385.test")]
    public async Task Only_administrators_publish_or_preview(string email)
    {
        using var client = await system.SignInAsync(email);

        (await client.PutAsJsonAsync("/api/calendars/2028", Notice(2028))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/calendars/2028/preview", Notice(2028))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await client.GetFromJsonAsync<JsonElement>("/api/calendars/2028")).GetProperty("status").GetString().Should().Be("provisional");
        (await client.GetFromJsonAsync<JsonElement>("/api/calendars/2028/history")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_in_both_languages_and_changes_nothing()
    {
        using var admin = await system.SignInAsync(AdminEmail);
        var bad = new
        {
            holidayBlocks = new object[] { new { name = "国庆节", from = "2028-10-08", to = "2028-10-01" } },
            makeUpWorkingDays = new object[] { new { date = "2028-09-27" } }, // a Wednesday
            source = "",
            reason = "",
        };

        var response = await admin.PutAsJsonAsync("/api/calendars/2028", bad);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(f => f.GetProperty("field").GetString())
            .Should().BeEquivalentTo(["holidayBlocks[0].to", "makeUpWorkingDays[0].date", "source", "reason"]);
        problem.GetProperty("fieldErrors").EnumerateArray().Should().OnlyContain(f =>
            f.GetProperty("zh").GetString()!.Length > 0 && f.GetProperty("en").GetString()!.Length > 0);
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/2028")).GetProperty("status").GetString().Should().Be("provisional");
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/2028/history")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_preview_answers_and_changes_nothing()
    {
        using var admin = await system.SignInAsync(AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/calendars/2029/preview", Notice(2029));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("clocksMoved").GetInt32().Should().Be(0, "no open clock runs into 2029");
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/2029")).GetProperty("status").GetString().Should().Be("provisional");
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/2029/history")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_the_history() =>
        (await (await system.SignInAsync("operator@jx12385.test")).GetAsync("/api/calendars/2030/history")).StatusCode.Should().Be(HttpStatusCode.OK);

    /// <summary>The first Saturday of a month, as yyyy-MM-dd.</summary>
    public static string SaturdayIn(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }
        return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
