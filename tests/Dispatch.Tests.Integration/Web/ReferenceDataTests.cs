using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

public sealed class ReferenceDataTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Counties_lists_the_seven_counties_of_Jiaxing_with_their_towns()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");
        var areas = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/counties");
        var counties = areas!.Where(a => a.GetProperty("level").GetString() == "county").ToList();
        counties.Select(c => c.GetProperty("code").GetString()).Should().BeEquivalentTo(
            ["330402", "330411", "330421", "330424", "330481", "330482", "330483"]);
        counties.Should().OnlyContain(c => c.GetProperty("towns").GetArrayLength() > 0);
        areas!.Should().ContainSingle(a => a.GetProperty("code").GetString() == "330400" && a.GetProperty("level").GetString() == "city");
    }

    [Fact]
    public async Task Units_filter_by_county_and_kind()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");
        var units = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/units?county=330402&kind=centre");
        units.Should().ContainSingle();
        units![0].GetProperty("code").GetString().Should().Be("330402-CENTRE");
        units[0].GetProperty("name").GetString().Should().Contain("矛盾纠纷");
    }

    [Fact]
    public async Task An_unknown_kind_filter_gets_400_naming_the_field()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");
        var response = await client.GetAsync("/api/reference/units?kind=hospital");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("kind").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task An_admin_adds_a_unit_and_then_changes_it()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var code = "330481-REHAB-T" + Random.Shared.Next(100, 999);
        var created = await admin.PostAsJsonAsync("/api/reference/units",
            new { code, name = "海宁市测试康复站", kind = "rehab", countyCode = "330481", phone = "0573-87000000" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/reference/units/{code}");

        var changed = await admin.PutAsJsonAsync($"/api/reference/units/{code}",
            new { name = "海宁市测试康复服务站", kind = "rehab", countyCode = "330481" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().Should().Be(2);

        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/reference/units?county=330481&kind=rehab");
        listed.Should().Contain(u => u.GetProperty("code").GetString() == code && u.GetProperty("name").GetString() == "海宁市测试康复服务站");
    }

    [Fact]
    public async Task A_duplicate_unit_code_gets_400_naming_the_code_and_changes_nothing()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var response = await admin.PostAsJsonAsync("/api/reference/units",
            new { code = "330402-CENTRE", name = "重复的中心", kind = "centre", countyCode = "330402" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("code");
        problem.GetProperty("fieldErrors")[0].GetProperty("code").GetString().Should().Be("duplicate");

        var units = await admin.GetFromJsonAsync<JsonElement[]>("/api/reference/units?county=330402&kind=centre");
        units!.Single().GetProperty("name").GetString().Should().NotBe("重复的中心");
    }

    [Fact]
    public async Task An_unknown_county_gets_400_naming_the_county_field()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var response = await admin.PostAsJsonAsync("/api/reference/units",
            new { code = "999999-CENTRE", name = "不存在的县中心", kind = "centre", countyCode = "999999" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("countyCode", out _).Should().BeTrue();
        problem.GetProperty("fieldErrors")[0].GetProperty("en").GetString().Should().Contain("999999");
    }

    [Fact]
    public async Task An_operator_may_not_change_units()
    {
        using var client = await system.SignInAsync("operator@jx12385.test");
        var response = await client.PostAsJsonAsync("/api/reference/units",
            new { code = "330402-X", name = "x", kind = "centre", countyCode = "330402" });
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
