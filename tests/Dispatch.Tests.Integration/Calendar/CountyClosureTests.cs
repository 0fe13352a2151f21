using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Calendar;

/// <summary>
/// County closures through the API against a running system: added, listed, withdrawn once, previewed; a closure moves
/// the running clocks of that county's open tickets, and the recount writes the new due time into the read model.
/// </summary>
public sealed class CountyClosureTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Admin = CalendarAdministrationTests.AdminEmail;

    private static object Closure(string county, string date, string reason = "台风“梅花”过境，全县停工") => new { countyCode = county, date, reason };

    [Fact]
    public async Task A_closure_is_added_listed_and_withdrawn_once()
    {
        using var admin = await system.SignInAsync(Admin);

        var added = await admin.PostAsJsonAsync("/api/calendars/closures", Closure("330421", "2031-06-03"));
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/calendars/closures");
        listed.EnumerateArray().Should().Contain(c => c.GetProperty("id").GetString() == id && c.GetProperty("countyCode").GetString() == "330421");

        var withdrawn = await admin.PostAsJsonAsync($"/api/calendars/closures/{id}/withdraw", new { reason = "误录" });
        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
        (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("withdrawalReason").GetString().Should().Be("误录");
        (await admin.PostAsJsonAsync($"/api/calendars/closures/{id}/withdraw", new { reason = "再次撤销" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/closures")).EnumerateArray()
            .Should().NotContain(c => c.GetProperty("id").GetString() == id);
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/closures?includeWithdrawn=true")).EnumerateArray()
            .Should().Contain(c => c.GetProperty("id").GetString() == id && c.GetProperty("withdrawnBy").GetString() != null);
    }

    [Fact]
    public async Task The_same_county_and_day_cannot_be_closed_twice()
    {
        using var admin = await system.SignInAsync(Admin);
        (await admin.PostAsJsonAsync("/api/calendars/closures", Closure("330424", "2031-07-01"))).EnsureSuccessStatusCode();

        (await admin.PostAsJsonAsync("/api/calendars/closures", Closure("330424", "2031-07-01"))).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_bad_closure_is_a_problem_and_changes_nothing()
    {
        using var admin = await system.SignInAsync(Admin);

        var response = await admin.PostAsJsonAsync("/api/calendars/closures", Closure("999999", "2031-02-30", ""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray()
            .Select(f => f.GetProperty("field").GetString()).Should().BeEquivalentTo(["countyCode", "date", "reason"]);
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendars/closures?includeWithdrawn=true")).EnumerateArray()
            .Should().NotContain(c => c.GetProperty("countyCode").GetString() == "999999");
    }

    [Fact]
    public async Task Only_administrators_add_or_withdraw_closures()
    {
        using var supervisor = await system.SignInAsync("supervisor.330481@jx12385.test");

        (await supervisor.PostAsJsonAsync("/api/calendars/closures", Closure("330481", "2031-08-01"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.PostAsJsonAsync($"/api/calendars/closures/{Guid.NewGuid()}/withdraw", new { reason = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.GetFromJsonAsync<JsonElement>("/api/calendars/closures?includeWithdrawn=true")).EnumerateArray()
            .Should().NotContain(c => c.GetProperty("countyCode").GetString() == "330481");
    }

    [Fact]
    public async Task A_closure_on_the_due_day_moves_a_running_clock_of_that_county_after_a_preview_that_shows_it()
    {
        using var op = await system.SignInAsync("operator@jx12385.test");
        using var admin = await system.SignInAsync(Admin);
        var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: "330482", phone: "13900000482"));
        ticket = await TicketApi.ActOkAsync(op, ticket, "dispatch", new { });
        var dueBefore = SignForDue(ticket);
        var dueDay = DateOnly.FromDateTime(dueBefore.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var previewed = await admin.PostAsJsonAsync("/api/calendars/closures/preview", Closure("330482", dueDay));
        previewed.StatusCode.Should().Be(HttpStatusCode.OK, await previewed.Content.ReadAsStringAsync());
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        var moved = preview.GetProperty("moved").EnumerateArray()
            .Where(m => m.GetProperty("itemId").GetString() == TicketApi.Id(ticket) && m.GetProperty("clock").GetString() == "signFor").ToList();
        moved.Should().ContainSingle(m => m.GetProperty("shiftHours").GetDouble() > 0);
        (await ReadModelDueAsync(ticket)).Should().Be(Micro(dueBefore), "a preview changes nothing (the row keeps whole microseconds)");

        (await admin.PostAsJsonAsync("/api/calendars/closures", Closure("330482", dueDay))).EnsureSuccessStatusCode();

        var dueAfter = moved.Single().GetProperty("dueAfter").GetDateTimeOffset();
        dueAfter.Should().BeAfter(dueBefore);
        SignForDue(await TicketApi.GetAsync(op, ticket)).Should().Be(dueAfter);
        (await Eventually.Get(() => ReadModelDueAsync(ticket), due => due == Micro(dueAfter), TimeSpan.FromSeconds(30), "the recount to rewrite the row"))
            .Should().Be(Micro(dueAfter));
    }

    [Fact]
    public async Task A_closure_elsewhere_leaves_the_clock_alone()
    {
        using var op = await system.SignInAsync("operator@jx12385.test");
        using var admin = await system.SignInAsync(Admin);
        var ticket = await TicketApi.ActOkAsync(op, await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: "330483", phone: "13900000483")), "dispatch", new { });
        var due = SignForDue(ticket);
        var dueDay = DateOnly.FromDateTime(due.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        (await admin.PostAsJsonAsync("/api/calendars/closures", Closure("330411", dueDay))).EnsureSuccessStatusCode();

        SignForDue(await TicketApi.GetAsync(op, ticket)).Should().Be(due);
    }

    private static DateTimeOffset SignForDue(JsonElement ticket) =>
        ticket.GetProperty("deadlines").GetProperty("signFor").GetProperty("dueAt").GetDateTimeOffset();

    private async Task<DateTimeOffset> ReadModelDueAsync(JsonElement ticket)
    {
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = database.CreateCommand("select sign_due_at from tickets where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(TicketApi.Id(ticket)) });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    /// <summary>An instant as PostgreSQL keeps it: cut to whole microseconds.</summary>
    private static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
