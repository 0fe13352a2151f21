using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static Dispatch.Tests.Integration.LegalAid.CaseApi;
using TicketApi = Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.LegalAid;

/// <summary>The eligibility checklist (资格审查) through the API: recorded on the case and in its history, required before a grant.</summary>
public sealed partial class LegalAidApiTests
{
    [Fact]
    public async Task A_grant_waits_for_a_complete_eligibility_checklist_which_the_case_and_its_history_show()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await ActOkAsync(station, await OpenedAsync(op), "accept");

        var refused = await ActAsync(station, legalAid, "grant");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("eligibility_incomplete");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("资格审查清单尚未完成").And.Contain("第三十八条");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("eligibility checklist is incomplete");
        Version(await GetAsync(op, legalAid)).Should().Be(Version(legalAid), "a refused grant changes nothing");

        var partial = await ActOkAsync(station, legalAid, "eligibility", new { scope = "labour_relation_or_pay", means = "financial_hardship", competent = true });
        partial.GetProperty("eligibility").GetProperty("missing").EnumerateArray().Select(m => m.GetString()).Should().Equal("meansBasis");
        partial.GetProperty("eligibility").GetProperty("complete").GetBoolean().Should().BeFalse();
        (await ActAsync(station, legalAid, "grant")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var complete = await ActOkAsync(station, legalAid, "eligibility",
            new { scope = "labour_relation_or_pay", means = "financial_hardship", meansBasis = "持有嘉兴市最低生活保障证明", competent = true });
        complete.GetProperty("eligibility").GetProperty("complete").GetBoolean().Should().BeTrue();
        Status(await ActOkAsync(station, legalAid, "grant")).Should().Be("granted");

        var history = (await op.GetFromJsonAsync<JsonElement[]>($"/api/legal-aid-cases/{Id(legalAid)}/history"))!;
        history.Select(h => h.GetProperty("type").GetString()).Should().Equal("opened", "accepted", "eligibility_recorded", "eligibility_recorded", "granted");
        history[3].GetProperty("data").GetProperty("meansBasis").GetString().Should().Be("持有嘉兴市最低生活保障证明");
    }

    [Fact]
    public async Task A_station_not_competent_for_the_matter_cannot_grant()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await ActOkAsync(station, await OpenedAsync(op), "accept");
        await ActOkAsync(station, legalAid, "eligibility",
            new { scope = "maintenance", means = "exempt_matter", exemptMatter = "abuse_or_domestic_violence", competent = false });

        var response = await ActAsync(station, legalAid, "grant");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("station_not_competent");
        Status(await GetAsync(op, legalAid)).Should().Be("under_review");
    }

    [Fact]
    public async Task A_checklist_with_unknown_codes_or_misplaced_details_is_a_400_naming_them_and_changes_nothing()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await ActOkAsync(station, await OpenedAsync(op), "accept");

        var response = await ActAsync(station, legalAid, "eligibility", new { scope = "divorce", means = "not_verified", meansBasis = "低保证明" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(f => f.GetProperty("field").GetString()).Should().Equal("scope", "meansBasis");
        Version(await GetAsync(op, legalAid)).Should().Be(Version(legalAid));
        var unchanged = await GetAsync(op, legalAid);
        (unchanged.TryGetProperty("eligibility", out var none) ? none.ValueKind : JsonValueKind.Null).Should().Be(JsonValueKind.Null);
    }
}
