using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>Administrators add towns to a county and change their names and kind; every change is in the town's history.</summary>
public sealed class TownApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string County = "330424";
    private static int next = Random.Shared.Next(500, 900);

    [Fact]
    public async Task An_admin_adds_a_town_which_the_county_then_lists_and_changes_its_names_with_history()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var code = NewCode();
        var created = await admin.PostAsJsonAsync("/api/reference/towns", new { code, countyCode = County, name = "测试镇", nameEn = "Ceshi Town", kind = "town" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/reference/towns/{code}");

        var changed = await admin.PutAsJsonAsync($"/api/reference/towns/{code}", new { name = "测试街道", nameEn = "Ceshi Subdistrict", kind = "subdistrict" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);

        var counties = await admin.GetFromJsonAsync<JsonElement[]>("/api/reference/counties");
        var town = counties!.Single(c => c.GetProperty("code").GetString() == County).GetProperty("towns").EnumerateArray()
            .Single(t => t.GetProperty("code").GetString() == code);
        town.GetProperty("name").GetString().Should().Be("测试街道");
        town.GetProperty("kind").GetString().Should().Be("subdistrict");

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/reference/towns/{code}/history");
        history.GetProperty("total").GetInt32().Should().Be(2);
        history.GetProperty("items")[0].GetProperty("before").GetProperty("name").GetString().Should().Be("测试镇");
        history.GetProperty("items")[0].GetProperty("after").GetProperty("name").GetString().Should().Be("测试街道");
    }

    [Fact]
    public async Task A_town_code_that_exists_is_a_409_and_changes_nothing()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var code = NewCode();
        (await admin.PostAsJsonAsync("/api/reference/towns", new { code, countyCode = County, name = "重复镇", kind = "town" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await admin.PostAsJsonAsync("/api/reference/towns", new { code, countyCode = County, name = "另一个镇", kind = "town" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain(code);
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("already exists");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/reference/towns/{code}/history");
        history.GetProperty("total").GetInt32().Should().Be(1);
        history.GetProperty("items")[0].GetProperty("after").GetProperty("name").GetString().Should().Be("重复镇");
    }

    [Fact]
    public async Task An_unknown_county_is_a_400_naming_the_field()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var response = await admin.PostAsJsonAsync("/api/reference/towns", new { code = "110101001", countyCode = "110101", name = "外地街道", kind = "subdistrict" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Should().Contain("unknown_county");
    }

    [Fact]
    public async Task A_town_code_outside_its_county_a_bad_kind_and_a_missing_name_are_refused_together()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var response = await admin.PostAsJsonAsync("/api/reference/towns", new { code = "330402888", countyCode = County, name = "", kind = "village" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}")
            .Should().BeEquivalentTo(["code:not_in_county", "name:required", "kind:unknown_kind"]);
        (await admin.GetAsync("/api/reference/towns/330402888/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_town_keeps_its_county()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var code = NewCode();
        (await admin.PostAsJsonAsync("/api/reference/towns", new { code, countyCode = County, name = "留守镇", kind = "town" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var moved = await admin.PutAsJsonAsync($"/api/reference/towns/{code}", new { countyCode = "330402", name = "留守镇", kind = "town" });
        moved.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("code").GetString().Should().Be("county_fixed");
    }

    [Fact]
    public async Task Only_administrators_add_or_change_towns()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var code = NewCode();
        (await supervisor.PostAsJsonAsync("/api/reference/towns", new { code, countyCode = County, name = "越权镇", kind = "town" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync($"/api/reference/towns/{code}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static string NewCode() => $"{County}{Interlocked.Increment(ref next) % 1000:D3}";
}
