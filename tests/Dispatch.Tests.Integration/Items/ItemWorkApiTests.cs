using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;
using CaseApi = Dispatch.Tests.Integration.LegalAid.CaseApi;
using VisitApi = Dispatch.Tests.Integration.Rehab.VisitApi;

namespace Dispatch.Tests.Integration.Items;

/// <summary>The unit's own work on every item: progress notes, internal comments and the assignee (承办人).</summary>
public sealed partial class ItemWorkApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Centre = "330483-CENTRE";

    [Fact]
    public async Task A_progress_note_is_in_every_history_but_an_internal_comment_is_not_in_the_operators()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        using var supervisor = await system.SignInAsync("supervisor.330483@jx12385.test");
        var ticket = await DispatchedAsync(op);

        await ActOkAsync(staff, ticket, "note", new { kind = "progress", note = "已电话联系街道，约定周三上门核实。" });
        await ActOkAsync(staff, ticket, "note", new { kind = "internal", note = "此事需请示负责人后再答复。" });

        var seenByOperator = await HistoryAsync(op, ticket);
        var seenByStaff = await HistoryAsync(staff, ticket);
        var seenBySupervisor = await HistoryAsync(supervisor, ticket);
        Notes(seenByOperator).Should().Equal("progress");
        Notes(seenByStaff).Should().Equal("progress", "internal");
        Notes(seenBySupervisor).Should().Equal("progress", "internal");
        var progress = seenByOperator.Single(e => e.GetProperty("type").GetString() == "note_added");
        progress.GetProperty("data").GetProperty("note").GetString().Should().Be("已电话联系街道，约定周三上门核实。");
        progress.GetProperty("actor").GetProperty("unitCode").GetString().Should().Be(Centre);
        (await op.GetStringAsync($"/api/tickets/{Id(ticket)}/history")).Should().NotContain("请示负责人");
    }

    [Fact]
    public async Task A_note_changes_neither_the_status_nor_the_deadlines()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);
        var before = await GetAsync(staff, ticket);

        var after = await ActOkAsync(staff, ticket, "note", new { kind = "progress", note = "已受理，正在核实。" });

        Status(after).Should().Be("dispatched");
        Version(after).Should().Be(Version(before) + 1);
        after.GetProperty("deadlines").GetRawText().Should().Be(before.GetProperty("deadlines").GetRawText());
        after.GetProperty("allowedActions").GetRawText().Should().Be(before.GetProperty("allowedActions").GetRawText());
    }

    [Fact]
    public async Task The_hotline_may_not_write_notes_and_a_supervisor_only_an_internal_comment()
    {
        using var op = await Operator(system);
        using var supervisor = await system.SignInAsync("supervisor.330483@jx12385.test");
        var ticket = await DispatchedAsync(op);

        (await ActAsync(op, ticket, "note", new { kind = "progress", note = "话务员不写进展。" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ActAsync(supervisor, ticket, "note", new { kind = "progress", note = "督办不写进展。" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ActAsync(supervisor, ticket, "note", new { kind = "internal", note = "请加快办理。" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_empty_note_or_an_unknown_kind_is_refused_in_both_languages_and_records_nothing()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);

        var response = await ActAsync(staff, ticket, "note", new { kind = "secret", note = "  " });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        fields.Should().BeEquivalentTo(["kind", "note"]);
        problem.GetRawText().Should().Contain("记录内容").And.Contain("note is required");
        Version(await GetAsync(staff, ticket)).Should().Be(Version(ticket));
    }

    [Fact]
    public async Task Unit_staff_take_a_ticket_and_the_mine_and_unassigned_filters_follow()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        using var head = await system.SignInAsync($"head.{Centre.ToLowerInvariant()}@jx12385.test");
        var taken = await DispatchedAsync(op);
        var left = await DispatchedAsync(op);

        var view = await ActOkAsync(staff, taken, "assignee", new { });

        view.GetProperty("assignee").GetProperty("name").GetString().Should().Contain("承办人");
        Status(view).Should().Be("dispatched");
        var mine = await WorklistIdsAsync(staff, "me");
        var unassigned = await WorklistIdsAsync(staff, "none");
        mine.Should().Contain(Id(taken)).And.NotContain(Id(left));
        unassigned.Should().Contain(Id(left)).And.NotContain(Id(taken));
        (await WorklistIdsAsync(head, "me")).Should().NotContain(Id(taken), "mine is the asking user's own");
        var row = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/units/{Centre}/worklist"))!.Single(t => Id(t) == Id(taken));
        row.GetProperty("assigneeName").GetString().Should().Be(view.GetProperty("assignee").GetProperty("name").GetString());
        (await staff.GetAsync($"/api/units/{Centre}/worklist?assignee=everyone")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_unit_head_names_a_member_of_the_unit_but_never_staff_of_another_unit()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        using var head = await system.SignInAsync($"head.{Centre.ToLowerInvariant()}@jx12385.test");
        var ticket = await DispatchedAsync(op);
        var member = await MemberIdAsync(head, Centre, "staff");
        var outsider = await MemberIdAsync(op, "330482-CENTRE", "staff");

        var wrongUnit = await ActAsync(head, ticket, "assignee", new { userId = outsider });
        var byPlainStaff = await ActAsync(staff, ticket, "assignee", new { userId = await MemberIdAsync(head, Centre, "head") });
        var named = await ActOkAsync(head, ticket, "assignee", new { userId = member });

        wrongUnit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongUnit.Content.ReadAsStringAsync()).Should().Contain("not_unit_member").And.Contain("在岗人员").And.Contain("active staff member");
        byPlainStaff.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        named.GetProperty("assignee").GetProperty("userId").GetString().Should().Be(member);
    }

    [Fact]
    public async Task The_assignment_ends_when_the_ticket_is_transferred_to_another_unit()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);
        await ActOkAsync(staff, ticket, "assignee", new { });

        var moved = await ActOkAsync(staff, ticket, "transfer", new { unitCode = "330482-CENTRE", note = "属平湖市管辖。" });

        moved.GetProperty("assignee").ValueKind.Should().Be(JsonValueKind.Null);
        using var newUnit = await Staff(system, "330482-CENTRE");
        (await WorklistIdsAsync(newUnit, "none", "330482-CENTRE")).Should().Contain(Id(ticket));
    }

    [Fact]
    public async Task Unassigning_is_for_the_assignee_and_the_head_and_twice_is_a_conflict()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);
        await ActOkAsync(staff, ticket, "assignee", new { });

        (await ActAsync(op, ticket, "unassign")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ActOkAsync(staff, ticket, "unassign")).GetProperty("assignee").ValueKind.Should().Be(JsonValueKind.Null);
        (await ActAsync(staff, ticket, "unassign")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_legal_aid_station_takes_a_case_writes_a_note_and_finds_it_under_mine()
    {
        using var op = await Operator(system);
        using var station = await Staff(system, "330483-LEGAL");
        var legalAid = await CaseApi.OpenedAsync(op, CaseApi.Application(county: "330483"));

        await CaseApi.ActOkAsync(station, legalAid, "assignee", new { });
        await CaseApi.ActOkAsync(station, legalAid, "note", new { kind = "internal", note = "材料基本齐全，待核实收入证明。" });

        var mine = await station.GetFromJsonAsync<JsonElement[]>("/api/units/330483-LEGAL/legal-aid-worklist?assignee=me");
        mine!.Select(CaseApi.Id).Should().Contain(CaseApi.Id(legalAid));
        Notes(await HistoryAsync(op, legalAid, "legal-aid-cases")).Should().BeEmpty();
        Notes(await HistoryAsync(station, legalAid, "legal-aid-cases")).Should().Equal("internal");
    }

    [Fact]
    public async Task A_rehabilitation_provider_takes_a_visit_and_it_leaves_the_unassigned_list()
    {
        using var op = await Operator(system);
        using var provider = await Staff(system, "330483-REHAB-1");
        var visit = await VisitApi.RequestedAsync(op, VisitApi.Request(county: "330483", providerCode: "330483-REHAB-1", phone: "13612348831"));

        await VisitApi.ActOkAsync(provider, visit, "assignee", new { });
        await VisitApi.ActOkAsync(provider, visit, "note", new { kind = "progress", note = "已与家属确认上门时间。" });

        var unassigned = await provider.GetFromJsonAsync<JsonElement[]>("/api/units/330483-REHAB-1/rehab-worklist?assignee=none");
        var mine = await provider.GetFromJsonAsync<JsonElement[]>("/api/units/330483-REHAB-1/rehab-worklist?assignee=me");
        unassigned!.Select(VisitApi.Id).Should().NotContain(VisitApi.Id(visit));
        mine!.Select(VisitApi.Id).Should().Contain(VisitApi.Id(visit));
        Notes(await HistoryAsync(op, visit, "rehab-visits")).Should().Equal("progress");
    }

    [Fact]
    public async Task The_members_list_names_a_units_active_staff_only_within_the_users_scope()
    {
        using var staff = await Staff(system, Centre);

        var members = await staff.GetFromJsonAsync<JsonElement[]>($"/api/units/{Centre}/members");

        members!.Select(m => m.GetProperty("displayName").GetString()).Should().HaveCount(2).And.Contain(n => n!.Contains("负责人"));
        members!.Select(m => m.TryGetProperty("email", out _)).Should().OnlyContain(hasEmail => !hasEmail);
        (await staff.GetAsync("/api/units/330482-CENTRE/members")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> DispatchedAsync(HttpClient op)
    {
        var ticket = await RegisteredAsync(op, Intake(county: "330483"));
        return await ActOkAsync(op, ticket, "dispatch", new { unitCode = Centre });
    }

    private static async Task<JsonElement[]> HistoryAsync(HttpClient client, JsonElement item, string route = "tickets") =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/{route}/{Id(item)}/history"))!;

    private static IEnumerable<string?> Notes(JsonElement[] history) =>
        history.Where(e => e.GetProperty("type").GetString() == "note_added").Select(e => e.GetProperty("data").GetProperty("kind").GetString());

    private static async Task<List<string?>> WorklistIdsAsync(HttpClient client, string assignee, string unit = Centre) =>
        [.. (await client.GetFromJsonAsync<JsonElement[]>($"/api/units/{unit}/worklist?assignee={assignee}"))!.Select(t => t.GetProperty("id").GetString())];

    /// <summary>The id of the unit's member whose display name has the demo account's role word (承办人 staff, 负责人 head).</summary>
    private static async Task<string> MemberIdAsync(HttpClient client, string unit, string which)
    {
        var members = (await client.GetFromJsonAsync<JsonElement[]>($"/api/units/{unit}/members"))!;
        var word = which == "head" ? "负责人" : "承办人";
        return members.Single(m => m.GetProperty("displayName").GetString()!.Contains(word)).GetProperty("id").GetString()!;
    }
}
