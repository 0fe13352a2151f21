using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Schema;
using Dispatch.Silo.Hosting;
using Dispatch.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Web;

/// <summary>
/// POST /api/sla-rules/versions and its preview: an administrator publishes a new rule version from a later day; items
/// keep theirs, every publication is recorded with who, when and why, and bad input changes nothing.
/// </summary>
public sealed class SlaRulePublishingApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jiaxing).Date);

    /// <summary>The shipped version 2 as a new document: complaints handled in 8 working days, effective some days from now.</summary>
    private static JsonObject Draft(int daysAhead, int complaintDays = 8, bool dropSource = false)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(DatabaseSetup.DefaultReferenceDataFolder, "sla-rules", "v2.json")))!.AsObject();
        document.Remove("version");
        document["effectiveFrom"] = Today.AddDays(daysAhead).ToString("yyyy-MM-dd");
        var complaint = document["ticketRules"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "complaint" && r["urgency"]!.GetValue<string>() == "normal")!;
        complaint["handling"]!["amount"] = complaintDays;
        complaint["source"] = "Local default of the 12385 platform, shortened by the city's 2027 service pledge (test)";
        if (dropSource)
        {
            document["rehabRules"]![0]!.AsObject().Remove("source");
        }
        return document;
    }

    [Fact]
    public async Task An_administrator_previews_then_publishes_a_version_from_a_later_day_and_it_is_recorded_with_who_when_and_why()
    {
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/sla-rules");
        var next = before.GetProperty("versions").GetArrayLength() + 1;

        var previewed = await admin.PostAsJsonAsync("/api/sla-rules/versions/preview", new { reason = "市服务承诺：投诉10个工作日缩短为8个", rules = Draft(10) });
        previewed.StatusCode.Should().Be(HttpStatusCode.OK, await previewed.Content.ReadAsStringAsync());
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("version").GetInt32().Should().Be(next);
        preview.GetProperty("replacesVersion").GetInt32().Should().Be(next - 1);
        var changes = preview.GetProperty("changes").EnumerateArray().ToList();
        changes.Should().ContainSingle(c => c.GetProperty("name").GetString() == "complaint/normal" && c.GetProperty("clock").GetString() == "handling"
            && c.GetProperty("before").GetString() == "10 working_days" && c.GetProperty("after").GetString() == "8 working_days");
        changes.Should().ContainSingle(c => c.GetProperty("name").GetString() == "complaint/normal" && c.GetProperty("change").GetString() == "source");
        changes.Should().HaveCount(2, "nothing else differs from the version in force");
        (await admin.GetFromJsonAsync<JsonElement>("/api/sla-rules")).GetProperty("versions").GetArrayLength().Should().Be(next - 1, "a preview changes nothing");

        var published = await admin.PostAsJsonAsync("/api/sla-rules/versions", new { reason = "市服务承诺：投诉10个工作日缩短为8个", rules = Draft(10) });
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        published.Headers.Location!.OriginalString.Should().Be($"/api/sla-rules/{next}");
        var version = await published.Content.ReadFromJsonAsync<JsonElement>();
        version.GetProperty("version").GetInt32().Should().Be(next);
        version.GetProperty("inForce").GetBoolean().Should().BeFalse("it applies to items received from its effectiveFrom");
        version.GetProperty("publishedRole").GetString().Should().Be("admin");
        version.GetProperty("reason").GetString().Should().Be("市服务承诺：投诉10个工作日缩短为8个");

        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var shown = await supervisor.GetFromJsonAsync<JsonElement>($"/api/sla-rules/{next}");
        shown.GetProperty("effectiveFrom").GetString().Should().Be(Today.AddDays(10).ToString("yyyy-MM-dd"));
        shown.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "complaint/normal")
            .GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("clock").GetString() == "handling").GetProperty("amount").GetDecimal().Should().Be(8);
        (await supervisor.GetFromJsonAsync<JsonElement>("/api/sla-rules")).GetProperty("version").GetInt32().Should().Be(next - 1,
            "new items take the new version only from its effectiveFrom");
        (await StoredVersionsAsync()).Should().Be(1);

        // Another silo starting now loads the shipped files and the published version from the log.
        await using (var source = NpgsqlDataSource.Create(system.ConnectionString))
        {
            var elsewhere = DispatchSiloExtensions.LoadSla(DatabaseSetup.DefaultReferenceDataFolder);
            var feed = new SlaRuleFeed(source, new SlaRuleLog(source), elsewhere, TimeProvider.System, NullLogger<SlaRuleFeed>.Instance);
            (await feed.RefreshAsync()).Should().BeTrue();
            elsewhere.Versions.Latest.Version.Should().Be(next);
            elsewhere.Versions.Latest.Publication!.Reason.Should().Be("市服务承诺：投诉10个工作日缩短为8个");
            elsewhere.Versions.Latest.ForKind("complaint", "normal").Clock("handling").Amount.Should().Be(8);
        }

        var again = await admin.PostAsJsonAsync("/api/sla-rules/versions", new { reason = "再次发布", rules = Draft(5) });
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a version must take effect after the one before it");
        (await StoredVersionsAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Only_administrators_publish_and_bad_rules_change_nothing()
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        (await supervisor.PostAsJsonAsync("/api/sla-rules/versions", new { reason = "x", rules = Draft(40) })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.PostAsJsonAsync("/api/sla-rules/versions/preview", new { reason = "x", rules = Draft(40) })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var admin = await system.SignInAsync("admin@jx12385.test");
        var stored = await StoredVersionsAsync();
        await ShouldReportAsync(admin, new { reason = "缺少来源", rules = Draft(40, dropSource: true) }, "rules", "source");
        await ShouldReportAsync(admin, new { reason = "今天生效", rules = Draft(0) }, "rules.effectiveFrom", null);
        await ShouldReportAsync(admin, new { reason = " ", rules = Draft(40) }, "reason", null);
        await ShouldReportAsync(admin, new { reason = "没有内容" }, "rules", null);
        (await StoredVersionsAsync()).Should().Be(stored);
    }

    private static async Task ShouldReportAsync(HttpClient admin, object body, string field, string? mentioning)
    {
        var response = await admin.PostAsJsonAsync("/api/sla-rules/versions", body);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("fieldErrors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field);
        error.GetProperty("zh").GetString().Should().NotBeNullOrWhiteSpace();
        if (mentioning is not null)
        {
            error.GetProperty("en").GetString().Should().Contain(mentioning);
        }
    }

    private async Task<long> StoredVersionsAsync()
    {
        await using var source = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = source.CreateCommand("select count(*) from sla_rule_versions");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
