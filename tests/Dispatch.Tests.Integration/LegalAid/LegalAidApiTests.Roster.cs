using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static Dispatch.Tests.Integration.LegalAid.CaseApi;
using TicketApi = Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.LegalAid;

/// <summary>The station's roster, assignment by rotation and the conflict check through the API. Each test keeps a station of its own.</summary>
public sealed partial class LegalAidApiTests
{
    private Task<HttpClient> Head(string station) => system.SignInAsync($"head.{station.ToLowerInvariant()}@jx12385.test");

    /// <summary>A granted case at the station of <paramref name="county"/>, with the opposing party given.</summary>
    private async Task<JsonElement> GrantedAtAsync(HttpClient station, string county, string applicant = "李明", string? opposingParty = null)
    {
        using var op = await TicketApi.Operator(system);
        var application = new
        {
            applicant = new { name = applicant, phone = "13912345678", countyCode = county, address = "解放路 1 号" },
            caseType = "labour_dispute", summary = "用人单位拖欠工资三个月，申请法律援助。", opposingParty,
        };
        var legalAid = await ActOkAsync(station, await OpenedAsync(op, application), "accept");
        await ActOkAsync(station, legalAid, "eligibility", CompleteChecklist);
        return await ActOkAsync(station, legalAid, "grant");
    }

    private static async Task<JsonElement> RotationAsync(HttpClient client, JsonElement legalAid) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/legal-aid-cases/{Id(legalAid)}/rotation");

    [Fact]
    public async Task The_stations_head_keeps_the_roster_its_staff_read_it_masked_and_another_station_finds_nothing()
    {
        const string station = "330482-LEGAL";
        using var head = await Head(station);
        using var staff = await TicketApi.Staff(system, station);
        using var otherHead = await Head("330483-LEGAL");

        var added = await AddedAsync(head, station, RosterEntry("王律师", fields: ["labour_dispute"]));
        var id = Id(added);
        added.GetProperty("phone").GetString().Should().Be("139****2222");
        added.GetProperty("licenceNumber").GetString().Should().Be("1330***********01");
        var listed = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/legal-aid-stations/{station}/roster"))!;
        listed.Select(Id).Should().Equal(id);
        (await staff.PutAsJsonAsync($"/api/legal-aid-stations/{station}/roster/{id}", RosterEntry("王律师"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherHead.GetAsync($"/api/legal-aid-stations/{station}/roster")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherHead.PutAsJsonAsync($"/api/legal-aid-stations/{station}/roster/{id}", RosterEntry("王律师"))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var changed = await head.PutAsJsonAsync($"/api/legal-aid-stations/{station}/roster/{id}",
            RosterEntry("王律师", "on_leave", leaveFrom: "2026-12-01", leaveUntil: "2026-12-31"));
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().Should().Be(2);
        var history = await staff.GetFromJsonAsync<JsonElement>($"/api/legal-aid-stations/{station}/roster/{id}/history");
        history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Should().Equal("changed", "added");
        history.GetRawText().Should().NotContain("13900002222", "the history keeps the numbers masked");
        var revealed = await staff.PostAsJsonAsync($"/api/legal-aid-stations/{station}/roster/{id}/reveal", new { field = "phone", purpose = "legal_service" });
        (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString().Should().Be("13900002222");

        // A change without the numbers keeps the stored ones.
        var kept = await head.PutAsJsonAsync($"/api/legal-aid-stations/{station}/roster/{id}",
            new { name = "王律师", kind = "lawyer", status = "active", maxOpenCases = 4, phone = (string?)null, licenceNumber = "" });
        kept.StatusCode.Should().Be(HttpStatusCode.OK);
        var keptMember = await kept.Content.ReadFromJsonAsync<JsonElement>();
        keptMember.GetProperty("phone").GetString().Should().Be("139****2222");
        keptMember.GetProperty("licenceNumber").GetString().Should().Be("1330***********01");
    }

    [Fact]
    public async Task A_bad_roster_entry_is_a_400_naming_its_fields_and_stores_nothing()
    {
        const string station = "330483-LEGAL";
        using var head = await Head(station);

        var bad = await head.PostAsJsonAsync($"/api/legal-aid-stations/{station}/roster",
            RosterEntry("", "on_leave", cap: 0, fields: ["astrology"], phone: "123"));

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(f => f.GetProperty("field").GetString())
            .Should().Equal("name", "phone", "fields", "leaveFrom", "maxOpenCases");
        (await head.GetFromJsonAsync<JsonElement[]>($"/api/legal-aid-stations/{station}/roster"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task Rotation_offers_members_in_turn_skipping_leave_and_cap_and_another_choice_needs_a_reason()
    {
        const string station = "330424-LEGAL";
        using var head = await Head(station);
        using var staff = await TicketApi.Staff(system, station);
        var first = Id(await AddedAsync(head, station, RosterEntry("陈律师 1", fields: ["labour_dispute"])));
        var second = Id(await AddedAsync(head, station, RosterEntry("陈律师 2", cap: 1)));
        var away = Id(await AddedAsync(head, station, RosterEntry("陈律师 3", "on_leave", leaveFrom: "2026-01-01", leaveUntil: "2099-12-31")));

        var one = await GrantedAtAsync(staff, "330424");
        var offer = await RotationAsync(staff, one);
        offer.GetProperty("pick").GetString().Should().Be(first, "never assigned, and first by name");
        offer.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("member").GetProperty("id").GetString() == away)
            .GetProperty("skip").GetString().Should().Be("on_leave");
        var assigned = await ActOkAsync(staff, one, "assign", new { memberId = first });
        assigned.GetProperty("handler").GetProperty("memberId").GetString().Should().Be(first);
        assigned.GetProperty("handler").GetProperty("rotationPick").GetBoolean().Should().BeTrue();

        var two = await GrantedAtAsync(staff, "330424");
        (await RotationAsync(staff, two)).GetProperty("pick").GetString().Should().Be(second, "the first member's turn was last");
        var noReason = await ActAsync(staff, two, "assign", new { memberId = first });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await GetAsync(staff, two)).GetProperty("status").GetString().Should().Be("granted");
        var chosen = await ActOkAsync(staff, two, "assign", new { memberId = second });
        chosen.GetProperty("handler").GetProperty("name").GetString().Should().Be("陈律师 2");

        var three = await GrantedAtAsync(staff, "330424");
        var third = await RotationAsync(staff, three);
        third.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("member").GetProperty("id").GetString() == second)
            .GetProperty("skip").GetString().Should().Be("at_cap");
        third.GetProperty("pick").GetString().Should().Be(first);
        var other = await ActOkAsync(staff, three, "assign", new { memberId = first, reason = "熟悉该用人单位情况" });
        other.GetProperty("handler").GetProperty("reason").GetString().Should().Be("熟悉该用人单位情况");
    }

    [Fact]
    public async Task A_member_who_acted_for_the_other_side_is_refused_with_a_409_naming_the_conflict_and_nothing_changes()
    {
        const string station = "330481-LEGAL";
        using var head = await Head(station);
        using var staff = await TicketApi.Staff(system, station);
        var member = Id(await AddedAsync(head, station, RosterEntry("丁律师")));
        var earlier = await GrantedAtAsync(staff, "330481", applicant: "嘉兴某某制衣有限公司");
        await ActOkAsync(staff, earlier, "assign", new { memberId = member });

        var now = await GrantedAtAsync(staff, "330481", applicant: "李明", opposingParty: "  嘉兴某某制衣有限公司 ");
        var offer = await RotationAsync(staff, now);
        var refused = await ActAsync(staff, now, "assign", new { memberId = member, reason = "熟悉案情" });

        offer.GetProperty("pick").ValueKind.Should().Be(JsonValueKind.Null);
        offer.GetProperty("members")[0].GetProperty("skip").GetString().Should().Be("conflict");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("conflict_of_interest");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("嘉兴某某制衣有限公司").And.Contain(earlier.GetProperty("number").GetString());
        var after = await GetAsync(staff, now);
        after.GetProperty("status").GetString().Should().Be("granted");
        after.GetProperty("version").GetInt32().Should().Be(Version(now));
    }

    [Fact]
    public async Task Concurrent_assignments_to_a_members_last_slot_let_exactly_one_through_and_the_rest_get_409_with_nothing_changed()
    {
        const string station = "330421-LEGAL";
        using var head = await Head(station);
        using var staff = await TicketApi.Staff(system, station);
        var member = Id(await AddedAsync(head, station, RosterEntry("褚律师", cap: 2)));
        await ActOkAsync(staff, await GrantedAtAsync(staff, "330421"), "assign", AssignTo(member));
        var cases = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await GrantedAtAsync(staff, "330421"));
        }

        var answers = await Task.WhenAll(cases.Select(c => ActAsync(staff, c, "assign", AssignTo(member))));

        answers.Select(a => a.StatusCode).Should().ContainSingle(code => code == HttpStatusCode.OK)
            .And.OnlyContain(code => code == HttpStatusCode.OK || code == HttpStatusCode.Conflict);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("member_at_cap");
        }
        var after = await Task.WhenAll(cases.Select(c => GetAsync(staff, c)));
        after.Count(c => Status(c) == "assigned").Should().Be(1);
        after.Where(c => Status(c) == "granted").Select(Version).Should().Equal(cases.Where((_, i) => Status(after[i]) == "granted").Select(Version),
            "a refused assignment changes nothing");
        var offer = await RotationAsync(staff, await GrantedAtAsync(staff, "330421"));
        var entry = offer.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("member").GetProperty("id").GetString() == member);
        entry.GetProperty("openCases").GetInt32().Should().Be(2, "the member holds exactly the cap");
        entry.GetProperty("skip").GetString().Should().Be("at_cap");

        // The database itself refuses a case write that would take the member over the cap, whatever the grain read.
        await using var data = Npgsql.NpgsqlDataSource.Create(system.ConnectionString);
        await using var write = data.CreateCommand("update legal_aid_cases set handler_member_id = $1, handler_assigned_at = now() where id = $2");
        write.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Guid.Parse(member) });
        write.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Guid.Parse(Id(after.First(c => Status(c) == "granted"))) });
        var refusal = await write.Invoking(w => w.ExecuteNonQueryAsync()).Should().ThrowAsync<Npgsql.PostgresException>();
        refusal.Which.ConstraintName.Should().Be("legal_aid_roster_member_cap");
    }

    [Fact]
    public async Task A_member_whose_case_was_reassigned_to_someone_else_keeps_their_turn_in_the_rotation()
    {
        const string station = "330421-LEGAL";
        using var head = await Head(station);
        using var staff = await TicketApi.Staff(system, station);
        var first = Id(await AddedAsync(head, station, RosterEntry("柏律师 1")));
        var second = Id(await AddedAsync(head, station, RosterEntry("柏律师 2")));
        var third = Id(await AddedAsync(head, station, RosterEntry("柏律师 3")));
        var one = await GrantedAtAsync(staff, "330421");
        await ActOkAsync(staff, one, "assign", AssignTo(first));

        var reassigned = await ActOkAsync(staff, one, "assign", AssignTo(second));
        var offer = await RotationAsync(staff, await GrantedAtAsync(staff, "330421"));

        reassigned.GetProperty("handler").GetProperty("memberId").GetString().Should().Be(second);
        offer.GetProperty("pick").GetString().Should().Be(third, "the first member had their turn although the case went on to the second");
        var firstEntry = offer.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("member").GetProperty("id").GetString() == first);
        firstEntry.GetProperty("openCases").GetInt32().Should().Be(0);
        firstEntry.GetProperty("lastAssignedAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    [Fact]
    public async Task An_assignment_without_a_roster_member_is_a_400_and_changes_nothing()
    {
        using var staff = await TicketApi.Staff(system, "330421-LEGAL");
        var granted = await GrantedAtAsync(staff, "330421");

        var typed = await ActAsync(staff, granted, "assign", new { handlerName = "王律师", kind = "lawyer", organisation = "浙江禾城律师事务所" });

        typed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await typed.Content.ReadFromJsonAsync<JsonElement>();
        var field = problem.GetProperty("fieldErrors")[0];
        field.GetProperty("field").GetString().Should().Be("memberId");
        field.GetProperty("code").GetString().Should().Be("member_required");
        var after = await GetAsync(staff, granted);
        Status(after).Should().Be("granted");
        Version(after).Should().Be(Version(granted));
    }
}
