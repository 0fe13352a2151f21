using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static Dispatch.Tests.Integration.LegalAid.CaseApi;
using TicketApi = Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.LegalAid;

/// <summary>Transfer to the competent station, termination, and withdrawal through the API.</summary>
public sealed partial class LegalAidApiTests
{
    [Fact]
    public async Task A_transferred_case_leaves_the_first_stations_lists_and_reaches_the_competent_station_with_both_in_its_history()
    {
        using var op = await TicketApi.Operator(system);
        using var first = await TicketApi.Staff(system, "330402-LEGAL");
        using var competent = await TicketApi.Staff(system, "330411-LEGAL");
        var legalAid = await ActOkAsync(first, await OpenedAsync(op), "accept");

        var moved = await ActOkAsync(first, legalAid, "transfer", new { stationCode = "330411-LEGAL", reason = "劳动争议仲裁委员会在秀洲区，应由秀洲区法律援助站受理。" });

        moved.GetProperty("stationCode").GetString().Should().Be("330411-LEGAL");
        (await first.GetAsync($"/api/legal-aid-cases/{Id(legalAid)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var worklist = (await competent.GetFromJsonAsync<JsonElement[]>("/api/units/330411-LEGAL/legal-aid-worklist"))!;
        worklist.Select(Id).Should().Contain(Id(legalAid));
        var transfer = (await GetAsync(competent, legalAid)).GetProperty("transfers").EnumerateArray().Single();
        transfer.GetProperty("fromStation").GetString().Should().Be("330402-LEGAL");
        transfer.GetProperty("toStation").GetString().Should().Be("330411-LEGAL");
        var history = (await competent.GetFromJsonAsync<JsonElement[]>($"/api/legal-aid-cases/{Id(legalAid)}/history"))!;
        history.Last().GetProperty("type").GetString().Should().Be("transferred");
        history.Last().GetProperty("data").GetProperty("fromStation").GetString().Should().Be("330402-LEGAL");
        var search = await op.GetFromJsonAsync<JsonElement>($"/api/legal-aid-cases?station=330411-LEGAL&q={legalAid.GetProperty("number").GetString()}");
        search.GetProperty("items").EnumerateArray().Select(Id).Should().Equal(Id(legalAid));
    }

    [Fact]
    public async Task A_transfer_to_a_unit_that_is_not_a_legal_aid_station_is_a_400_and_changes_nothing()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await OpenedAsync(op);

        var response = await ActAsync(station, legalAid, "transfer", new { stationCode = "330402-CENTRE", reason = "不属本站" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("stationCode");
        (await GetAsync(op, legalAid)).GetProperty("stationCode").GetString().Should().Be("330402-LEGAL");
    }

    [Fact]
    public async Task Terminated_aid_records_its_article_48_reason_and_leaves_the_worklist()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await ActOkAsync(station, await OpenedAsync(op), "accept");
        await ActOkAsync(station, legalAid, "eligibility", CompleteChecklist);
        await ActOkAsync(station, legalAid, "grant");
        using var head = await Head("330402-LEGAL");
        await ActOkAsync(station, legalAid, "assign", AssignTo(await HandlerAsync(head, "330402-LEGAL")));

        var ended = await ActOkAsync(station, legalAid, "terminate", new { reason = "own_lawyer_engaged", note = "受援人已自行委托律师。" });

        Status(ended).Should().Be("terminated");
        ended.GetProperty("terminationReason").GetString().Should().Be("own_lawyer_engaged");
        ended.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().Equal("archive");
        var worklist = (await station.GetFromJsonAsync<JsonElement[]>("/api/units/330402-LEGAL/legal-aid-worklist"))!;
        worklist.Select(Id).Should().NotContain(Id(legalAid));
    }

    [Fact]
    public async Task Documents_due_today_cannot_yet_make_the_application_withdrawn()
    {
        using var op = await TicketApi.Operator(system);
        using var station = await TicketApi.Staff(system, "330402-LEGAL");
        var legalAid = await ActOkAsync(station, await OpenedAsync(op), "accept");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var asked = await ActOkAsync(station, legalAid, "request-documents", new { documents = "劳动合同复印件", respondBy = today.ToString("yyyy-MM-dd") });
        asked.GetProperty("documentRequests")[0].GetProperty("respondBy").GetString().Should().Be(today.ToString("yyyy-MM-dd"));

        var response = await ActAsync(station, legalAid, "withdraw");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("documents_not_overdue");
        Status(await GetAsync(op, legalAid)).Should().Be("under_review");
    }
}
