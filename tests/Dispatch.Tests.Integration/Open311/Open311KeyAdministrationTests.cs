using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Open311.Open311Api;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>Administrators issue Open311 keys (shown once, stored hashed), list them by hint and revoke them; each change is logged.</summary>
public sealed class Open311KeyAdministrationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task An_issued_key_is_shown_once_and_stored_only_as_its_hash()
    {
        using var admin = await Admin(system);

        var response = await admin.PostAsJsonAsync("/api/admin/open311-keys", new { name = "  市残联网站诉求表单  " });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = issued.GetProperty("apiKey").GetString()!;
        apiKey.Should().MatchRegex("^o311_[A-Za-z0-9_-]{43}$", "256 random bits");
        var key = issued.GetProperty("key");
        key.GetProperty("name").GetString().Should().Be("市残联网站诉求表单");
        key.GetProperty("hint").GetString().Should().Be(apiKey[..9] + "…");
        key.GetProperty("createdBy").GetString().Should().Be("admin@jx12385.test");
        key.GetProperty("revoked").GetBoolean().Should().BeFalse();

        var list = await admin.GetStringAsync("/api/admin/open311-keys");
        list.Should().Contain(key.GetProperty("id").GetString()).And.NotContain(apiKey);
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var stored = database.CreateCommand("select count(*) from open311_api_keys where key_hash = sha256(convert_to($1, 'UTF8')) and id = $2::uuid");
        stored.Parameters.AddWithValue(apiKey);
        stored.Parameters.AddWithValue(key.GetProperty("id").GetString()!);
        ((long)(await stored.ExecuteScalarAsync())!).Should().Be(1);
        await using var plain = database.CreateCommand("select count(*) from open311_api_keys where position($1 in row(open311_api_keys.*)::text) > 0");
        plain.Parameters.AddWithValue(apiKey[5..]);
        ((long)(await plain.ExecuteScalarAsync())!).Should().Be(0, "the key itself is stored nowhere");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_key_without_a_name_is_refused_with_a_field_error(string name)
    {
        using var admin = await Admin(system);

        var response = await admin.PostAsJsonAsync("/api/admin/open311-keys", new { name });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("name");
    }

    [Fact]
    public async Task Revoking_is_for_good_logged_with_who_and_a_second_revocation_is_a_409()
    {
        using var admin = await Admin(system);
        var key = await IssueKeyAsync(admin, "撤销测试网站");

        var revoked = await admin.PostAsync($"/api/admin/open311-keys/{key.Id}/revoke", null);
        var again = await admin.PostAsync($"/api/admin/open311-keys/{key.Id}/revoke", null);
        var unknown = await admin.PostAsync($"/api/admin/open311-keys/{Guid.NewGuid()}/revoke", null);

        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("revoked").GetBoolean().Should().BeTrue();
        view.GetProperty("revokedBy").GetString().Should().Be("admin@jx12385.test");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("already_revoked");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var log = database.CreateCommand("select action, actor_email, key_name from open311_key_events where key_id = $1::uuid order by id");
        log.Parameters.AddWithValue(key.Id);
        await using var reader = await log.ExecuteReaderAsync();
        var entries = new List<string>();
        while (await reader.ReadAsync())
        {
            entries.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        }
        entries.Should().Equal("issued admin@jx12385.test 撤销测试网站", "revoked admin@jx12385.test 撤销测试网站");
    }

    [Fact]
    public async Task Only_administrators_manage_keys()
    {
        using var op = await system.SignInAsync("operator@jx12385.test");

        (await op.GetAsync("/api/admin/open311-keys")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await op.PostAsJsonAsync("/api/admin/open311-keys", new { name = "话务员不能签发" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await system.Web.Client.GetAsync("/api/admin/open311-keys")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
