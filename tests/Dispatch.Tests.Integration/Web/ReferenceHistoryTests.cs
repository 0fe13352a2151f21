using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>The history of units, towns and routing rules: written with the change, never for a refused one, read within scope.</summary>
public sealed class ReferenceHistoryTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Admin = "admin@jx12385.test";

    [Fact]
    public async Task A_unit_change_is_in_its_history_with_who_made_it_and_the_record_before_and_after()
    {
        using var admin = await system.SignInAsync(Admin);
        var code = await AddUnitAsync(admin, "330481");
        (await admin.PutAsJsonAsync($"/api/reference/units/{code}", UnitBody(code, "330481", routingShare: 3))).StatusCode.Should().Be(HttpStatusCode.OK);

        var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/reference/units/{code}/history");
        history.GetProperty("total").GetInt32().Should().Be(2);
        var newest = history.GetProperty("items")[0];
        newest.GetProperty("action").GetString().Should().Be("changed");
        newest.GetProperty("changedBy").GetString().Should().Be(me.GetProperty("id").GetString());
        newest.GetProperty("changedByName").GetString().Should().Be("系统管理员（演示）");
        newest.GetProperty("before").GetProperty("routingShare").GetInt32().Should().Be(1);
        newest.GetProperty("after").GetProperty("routingShare").GetInt32().Should().Be(3);
        var first = history.GetProperty("items")[1];
        first.GetProperty("action").GetString().Should().Be("added");
        first.GetProperty("before").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_refused_unit_change_writes_no_history()
    {
        using var admin = await system.SignInAsync(Admin);
        var code = await AddUnitAsync(admin, "330481");
        (await admin.PutAsJsonAsync($"/api/reference/units/{code}", UnitBody(code, "330481", routingShare: 0))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        (await supervisor.PutAsJsonAsync($"/api/reference/units/{code}", UnitBody(code, "330481", routingShare: 2))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/reference/units", UnitBody(code, "330481"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/reference/units/{code}/history");
        history.GetProperty("total").GetInt32().Should().Be(1);
        history.GetProperty("items")[0].GetProperty("action").GetString().Should().Be("added");
    }

    [Fact]
    public async Task A_unit_e_mail_address_is_checked_saved_and_its_change_is_in_the_history()
    {
        using var admin = await system.SignInAsync(Admin);
        var code = await AddUnitAsync(admin, "330481");

        var bad = await admin.PutAsJsonAsync($"/api/reference/units/{code}", UnitBody(code, "330481", email: "not an address"));
        var saved = await admin.PutAsJsonAsync($"/api/reference/units/{code}", UnitBody(code, "330481", email: "rehab.test@example.org"));

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var field = problem.GetProperty("fieldErrors").EnumerateArray().Should().ContainSingle().Subject;
        field.GetProperty("field").GetString().Should().Be("email");
        field.GetProperty("zh").GetString().Should().Contain("电子邮箱");
        field.GetProperty("en").GetString().Should().Contain("e-mail address is not valid");
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString().Should().Be("rehab.test@example.org");
        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/reference/units?county=330481&kind=rehab");
        listed!.Single(u => u.GetProperty("code").GetString() == code).GetProperty("email").GetString().Should().Be("rehab.test@example.org");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/reference/units/{code}/history");
        history.GetProperty("total").GetInt32().Should().Be(2, "the refused change wrote nothing");
        var newest = history.GetProperty("items")[0];
        newest.GetProperty("before").GetProperty("email").ValueKind.Should().Be(JsonValueKind.Null);
        newest.GetProperty("after").GetProperty("email").GetString().Should().Be("rehab.test@example.org");
    }

    [Fact]
    public async Task A_routing_rule_change_is_in_its_history()
    {
        using var admin = await system.SignInAsync(Admin);
        var added = await admin.PostAsJsonAsync("/api/routing-rules", new { countyCode = "330481", topic = "education", unitKind = "centre", active = false, note = "历史测试" });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await admin.PutAsJsonAsync($"/api/routing-rules/{id}", new { countyCode = "330481", topic = "education", unitKind = "legal_aid", active = false, note = "历史测试（改）" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/api/routing-rules/{id}", new { countyCode = "330481", unitKind = "hospital" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/routing-rules/{id}/history");
        history.GetProperty("total").GetInt32().Should().Be(2);
        var newest = history.GetProperty("items")[0];
        newest.GetProperty("before").GetProperty("unitKind").GetString().Should().Be("centre");
        newest.GetProperty("after").GetProperty("unitKind").GetString().Should().Be("legal_aid");
        newest.GetProperty("after").GetProperty("note").GetString().Should().Be("历史测试（改）");
    }

    [Fact]
    public async Task A_county_supervisor_reads_the_history_of_their_county_only_and_other_roles_none()
    {
        using var admin = await system.SignInAsync(Admin);
        var own = await AddUnitAsync(admin, "330402");
        var other = await AddUnitAsync(admin, "330481");
        using var supervisor = await system.SignInAsync("supervisor.330402@jx12385.test");
        (await supervisor.GetAsync($"/api/reference/units/{own}/history")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await supervisor.GetAsync($"/api/reference/units/{other}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var city = await system.SignInAsync("supervisor@jx12385.test");
        (await city.GetAsync($"/api/reference/units/{other}/history")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var op = await system.SignInAsync("operator@jx12385.test");
        (await op.GetAsync($"/api/reference/units/{own}/history")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var staff = await system.SignInAsync("staff.330402-centre@jx12385.test");
        (await staff.GetAsync($"/api/reference/units/{own}/history")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task History_of_an_unknown_record_is_404_and_bad_paging_400()
    {
        using var admin = await system.SignInAsync(Admin);
        (await admin.GetAsync("/api/reference/units/NO-SUCH-UNIT/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/reference/towns/330421999/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/routing-rules/999999/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var code = await AddUnitAsync(admin, "330481");
        var response = await admin.GetAsync($"/api/reference/units/{code}/history?pageSize=0");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pageSize", out _).Should().BeTrue();
    }

    private static async Task<string> AddUnitAsync(HttpClient admin, string county)
    {
        var code = $"{county}-HIST-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var created = await admin.PostAsJsonAsync("/api/reference/units", UnitBody(code, county));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return code;
    }

    private static object UnitBody(string code, string county, int? routingShare = null, string? email = null) => new
    {
        code, name = "历史测试单位", nameEn = "History test unit", kind = "rehab", countyCode = county, active = false, routingShare, email,
    };
}
