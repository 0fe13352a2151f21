using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.LegalAid;
using Dispatch.Tests.Integration.Tickets;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;
using Dispatch.Items;
using Dispatch.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Integration.Live;

/// <summary>The supervision hub with the real SignalR .NET client against two running web instances.</summary>
public sealed class SupervisionHubTests(LiveSystem system) : IClassFixture<LiveSystem>
{
    private const string CitySupervisor = "supervisor@jx12385.test";
    private const string NanhuSupervisor = "supervisor.330402@jx12385.test";
    private const string XiuzhouSupervisor = "supervisor.330411@jx12385.test";

    [Fact]
    public async Task Joining_a_scope_sends_its_snapshot_at_once()
    {
        await using var city = await LiveListener.ConnectAsync(system.WebA, CitySupervisor);

        await city.JoinAsync("city");

        var snapshot = await city.WaitForAsync("snapshot", _ => true, "snapshot");
        snapshot.Scope().Should().Be("city");
        snapshot.GetProperty("stats").GetProperty("period").GetString().Should().Be("day");
        snapshot.GetProperty("month").GetProperty("period").GetString().Should().Be("month");
        snapshot.GetProperty("stats").GetProperty("target").GetDouble().Should().Be(0.95);
        snapshot.GetProperty("stats").GetProperty("children").GetArrayLength().Should().Be(8, "seven counties and the city level");
        snapshot.GetProperty("atRisk").ValueKind.Should().Be(JsonValueKind.Array);
        snapshot.GetProperty("overdue").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task A_registered_then_dispatched_ticket_reaches_the_county_supervisor_as_item_changes_and_new_measures()
    {
        await using var nanhu = await LiveListener.ConnectAsync(system.WebA, NanhuSupervisor);
        await nanhu.JoinAsync("county:330402");
        var before = (await nanhu.WaitForAsync("snapshot", _ => true, "snapshot")).GetProperty("stats").Received();
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var ticket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));
        var registered = await nanhu.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(ticket), "itemChanged registered");
        await TicketApi.ActOkAsync(operatorClient, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
        var dispatched = await nanhu.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(ticket) && m.Change() == "dispatched", "itemChanged dispatched");

        registered.Change().Should().Be("registered");
        registered.Scope().Should().Be("county:330402");
        registered.GetProperty("item").GetProperty("number").GetString().Should().Be(ticket.GetProperty("number").GetString());
        registered.GetProperty("at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        dispatched.GetProperty("item").GetProperty("unitCode").GetString().Should().Be("330402-CENTRE");
        dispatched.GetProperty("item").GetProperty("dueAt").ValueKind.Should().Be(JsonValueKind.String);
        var stats = await nanhu.WaitForAsync("statsChanged", m => m.GetProperty("stats").Received() == before + 1, "statsChanged with the new ticket");
        stats.GetProperty("month").Received().Should().BeGreaterThanOrEqualTo(before + 1);
    }

    [Fact]
    public async Task A_change_is_written_to_each_watcher_from_one_serialisation_and_reads_the_same_on_both()
    {
        await using var first = await JoinedAsync(NanhuSupervisor, "county:330402");
        await using var second = await JoinedAsync(NanhuSupervisor, "county:330402");
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var ticket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));
        var one = await first.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(ticket), "itemChanged on the first");
        var other = await second.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(ticket), "itemChanged on the second");

        // SignalR's lifetime manager for the hub is the one that keeps the connections, so the outboxes write the message
        // serialised once (LiveMessage.Serialized) rather than through the per-connection proxy.
        system.WebA.Services.GetRequiredService<HubLifetimeManager<SupervisionHub>>().Should().BeOfType<LiveConnections>();
        one.GetRawText().Should().Be(other.GetRawText());
        one.GetProperty("item").GetProperty("number").GetString().Should().Be(ticket.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_county_supervisor_never_hears_about_another_countys_tickets()
    {
        await using var nanhu = await JoinedAsync(NanhuSupervisor, "county:330402");
        await using var xiuzhou = await JoinedAsync(XiuzhouSupervisor, "county:330411");
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var nanhuTicket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));
        await TicketApi.ActOkAsync(operatorClient, nanhuTicket, "dispatch", new { unitCode = "330402-CENTRE" });
        await nanhu.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(nanhuTicket) && m.Change() == "dispatched", "Nanhu's dispatch");
        var xiuzhouTicket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330411"));
        await xiuzhou.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(xiuzhouTicket), "Xiuzhou's own ticket");
        await xiuzhou.WaitForAsync("statsChanged", _ => true, "Xiuzhou's new measures");

        xiuzhou.About(TicketApi.Id(nanhuTicket)).Should().BeEmpty();
        xiuzhou.Received.Where(m => m.Name is "itemChanged" or "alert")
            .Should().OnlyContain(m => m.Payload.GetProperty("item").GetProperty("countyCode").GetString() == "330411");
        xiuzhou.Received.Where(m => m.Name == "statsChanged").Should().OnlyContain(m => m.Payload.Scope() == "county:330411");
    }

    [Fact]
    public async Task A_county_supervisor_hears_about_a_legal_aid_case_opened_in_the_county_and_not_about_another_countys()
    {
        await using var nanhu = await LiveListener.ConnectAsync(system.WebA, NanhuSupervisor);
        await nanhu.JoinAsync("county:330402");
        var before = (await nanhu.WaitForAsync("snapshot", _ => true, "snapshot")).GetProperty("stats").GetProperty("legalAid").GetProperty("received").GetInt64();
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var xiuzhouCase = await CaseApi.OpenedAsync(operatorClient, CaseApi.Application(county: "330411", phone: "13912340001"));
        var nanhuCase = await CaseApi.OpenedAsync(operatorClient, CaseApi.Application(county: "330402", phone: "13912340002"));
        var opened = await nanhu.WaitForAsync("itemChanged", m => m.ItemId() == CaseApi.Id(nanhuCase), "itemChanged for Nanhu's case");
        var stats = await nanhu.WaitForAsync("statsChanged",
            m => m.GetProperty("stats").GetProperty("legalAid").GetProperty("received").GetInt64() == before + 1, "statsChanged with the new case");

        opened.Change().Should().Be("registered");
        opened.GetProperty("item").GetProperty("itemType").GetString().Should().Be("legal_aid_case");
        opened.GetProperty("item").GetProperty("countyCode").GetString().Should().Be("330402");
        opened.GetProperty("item").GetProperty("status").GetString().Should().Be("applied");
        stats.GetProperty("stats").GetProperty("legalAid").GetProperty("open").GetInt64().Should().BeGreaterThan(0);
        stats.GetProperty("stats").GetProperty("rehab").ValueKind.Should().Be(JsonValueKind.Object);
        nanhu.About(CaseApi.Id(xiuzhouCase)).Should().BeEmpty();
    }

    [Fact]
    public async Task Unit_staff_never_hear_about_another_units_tickets()
    {
        await using var nanhuCentre = await LiveListener.ConnectAsync(system.WebA, "staff.330402-centre@jx12385.test");
        await using var xiuzhouCentre = await LiveListener.ConnectAsync(system.WebB, "staff.330411-centre@jx12385.test");
        await nanhuCentre.JoinAsync("unit:330402-CENTRE");
        await xiuzhouCentre.JoinAsync("unit:330411-centre");
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var nanhuTicket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));
        await TicketApi.ActOkAsync(operatorClient, nanhuTicket, "dispatch", new { unitCode = "330402-CENTRE" });
        var xiuzhouTicket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330411"));
        await TicketApi.ActOkAsync(operatorClient, xiuzhouTicket, "dispatch", new { unitCode = "330411-CENTRE" });

        var mine = await nanhuCentre.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(nanhuTicket), "the Nanhu centre's ticket");
        await xiuzhouCentre.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(xiuzhouTicket), "the Xiuzhou centre's ticket");
        mine.Scope().Should().Be("unit:330402-CENTRE");
        xiuzhouCentre.About(TicketApi.Id(nanhuTicket)).Should().BeEmpty();
        nanhuCentre.About(TicketApi.Id(xiuzhouTicket)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_change_made_through_one_web_instance_reaches_a_browser_connected_to_the_other()
    {
        await using var onB = await LiveListener.ConnectAsync(system.WebB, CitySupervisor);
        await onB.JoinAsync("city");
        using var operatorOnA = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var ticket = await TicketApi.RegisteredAsync(operatorOnA, TicketApi.Intake(county: "330483"));

        var heard = await onB.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(ticket), "the change made through web A");
        heard.Change().Should().Be("registered");
        heard.Scope().Should().Be("city");
    }

    [Theory]
    [InlineData(NanhuSupervisor, "county:330411")]
    [InlineData(NanhuSupervisor, "unit:330411-CENTRE")]
    [InlineData("staff.330402-centre@jx12385.test", "city")]
    [InlineData("staff.330402-centre@jx12385.test", "unit:330402-LEGAL")]
    [InlineData("operator@jx12385.test", "county:330402")]
    [InlineData(CitySupervisor, "province")]
    [InlineData(CitySupervisor, "unit:NO-SUCH-UNIT")]
    public async Task Joining_a_scope_one_may_not_see_fails_with_a_bilingual_hub_error(string email, string scope)
    {
        await using var listener = await LiveListener.ConnectAsync(system.WebA, email);

        var join = () => listener.JoinAsync(scope);

        var error = (await join.Should().ThrowAsync<HubException>()).Which.Message;
        error.Should().Contain("不存在或无权查看").And.Contain("was not found");
        listener.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task After_leaving_a_scope_its_messages_stop()
    {
        await using var city = await LiveListener.ConnectAsync(system.WebA, CitySupervisor);
        await city.JoinAsync("city");
        await city.JoinAsync("county:330421");
        await city.LeaveAsync("county:330421");
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");

        var ticket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330421"));

        await city.WaitForAsync("itemChanged", m => m.ItemId() == TicketApi.Id(ticket), "the city's message");
        city.About(TicketApi.Id(ticket)).Should().OnlyContain(m => m.Payload.Scope() == "city");
    }

    [Fact]
    public async Task A_supervision_order_alerts_the_supervisors_watching_the_ticket()
    {
        await using var nanhu = await LiveListener.ConnectAsync(system.WebB, NanhuSupervisor);
        await nanhu.JoinAsync("county:330402");
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");
        using var supervisor = await LiveSystem.ClientAsync(system.WebA, NanhuSupervisor);
        var ticket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));

        await TicketApi.ActOkAsync(supervisor, ticket, "supervise", new { note = "请本周内办结" });

        var alert = await nanhu.WaitForAsync("alert", m => m.ItemId() == TicketApi.Id(ticket), "the supervision alert");
        alert.GetProperty("kind").GetString().Should().Be("supervision");
        alert.GetProperty("messageZh").GetString().Should().Contain("请本周内办结");
        alert.GetProperty("messageEn").GetString().Should().Contain("Supervision order");
    }

    [Fact]
    public async Task A_reminder_reaches_the_units_open_worklist_as_a_notice_and_is_no_order()
    {
        await using var centre = await LiveListener.ConnectAsync(system.WebB, "staff.330402-centre@jx12385.test");
        await centre.JoinAsync("unit:330402-CENTRE");
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");
        var ticket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));
        ticket = await TicketApi.ActOkAsync(operatorClient, ticket, "dispatch", new { unitCode = "330402-CENTRE" });

        var reminded = await TicketApi.ActOkAsync(operatorClient, ticket, "remind", new { note = "来电人再次询问进度" });

        var notice = await centre.WaitForAsync("alert", m => m.ItemId() == TicketApi.Id(ticket), "the reminder");
        notice.GetProperty("kind").GetString().Should().Be("reminder");
        notice.GetProperty("messageZh").GetString().Should().Contain("来电人再次询问进度");
        reminded.GetProperty("supervisionOrders").GetArrayLength().Should().Be(0, "a reminder is not an order: no clock, no escalation");
        var history = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/tickets/{TicketApi.Id(ticket)}/history");
        history.ToString().Should().Contain("reminded");
    }

    [Fact]
    public async Task The_units_written_reply_closes_the_order_and_another_county_cannot_reach_it()
    {
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");
        using var supervisor = await LiveSystem.ClientAsync(system.WebA, NanhuSupervisor);
        using var otherSupervisor = await LiveSystem.ClientAsync(system.WebA, XiuzhouSupervisor);
        using var staff = await LiveSystem.ClientAsync(system.WebA, "staff.330402-centre@jx12385.test");
        using var otherStaff = await LiveSystem.ClientAsync(system.WebA, "staff.330411-centre@jx12385.test");
        var ticket = await TicketApi.RegisteredAsync(operatorClient, TicketApi.Intake(county: "330402"));
        ticket = await TicketApi.ActOkAsync(operatorClient, ticket, "dispatch", new { unitCode = "330402-CENTRE" });

        var order = (await TicketApi.ActOkAsync(supervisor, ticket, "supervise", new { note = "请说明办理进展" })).GetProperty("supervisionOrders")[0];
        var orderId = order.GetProperty("orderId").GetString()!;
        order.GetProperty("state").GetString().Should().Be("open");
        order.GetProperty("level").GetString().Should().Be("unit");
        (await OpenOrdersAsync(supervisor)).Should().Contain(orderId);
        (await OpenOrdersAsync(otherSupervisor)).Should().NotContain(orderId);
        (await OpenSupervisionColumnAsync(ticket)).Should().Be(1, "the read model counts the order waiting for its reply");
        var reply = new { orderId, reply = "已约谈经办人，本周内办结。" };
        (await TicketApi.ActAsync(otherStaff, ticket, "supervision-reply", reply)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TicketApi.ActAsync(supervisor, ticket, "supervision-reply", reply)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var replied = (await TicketApi.ActOkAsync(staff, ticket, "supervision-reply", reply)).GetProperty("supervisionOrders")[0];

        replied.GetProperty("state").GetString().Should().Be("replied");
        replied.GetProperty("reply").GetString().Should().Be("已约谈经办人，本周内办结。");
        (await OpenOrdersAsync(supervisor)).Should().NotContain(orderId);
        (await OpenSupervisionColumnAsync(ticket)).Should().Be(0, "an answered order is no longer open");
        (await TicketApi.ActAsync(staff, ticket, "supervision-reply", reply)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    /// <summary>A listener on web instance A, signed in as <paramref name="email"/> and joined to <paramref name="scope"/>.</summary>
    private async Task<LiveListener> JoinedAsync(string email, string scope)
    {
        var listener = await LiveListener.ConnectAsync(system.WebA, email);
        await listener.JoinAsync(scope);
        return listener;
    }

    private async Task<int> OpenSupervisionColumnAsync(JsonElement ticket)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select open_supervision from tickets where id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Guid.Parse(TicketApi.Id(ticket)) });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_order_on_a_legal_aid_case_or_a_visit_asks_the_station_or_provider_for_a_reply_that_closes_it()
    {
        using var operatorClient = await LiveSystem.ClientAsync(system.WebA, "operator@jx12385.test");
        using var supervisor = await LiveSystem.ClientAsync(system.WebA, NanhuSupervisor);
        using var otherSupervisor = await LiveSystem.ClientAsync(system.WebA, XiuzhouSupervisor);
        using var station = await LiveSystem.ClientAsync(system.WebA, "staff.330402-legal@jx12385.test");
        using var provider = await LiveSystem.ClientAsync(system.WebA, "staff.330402-rehab-1@jx12385.test");
        var legalAid = await CaseApi.OpenedAsync(operatorClient);
        var visit = await Rehab.VisitApi.RequestedAsync(operatorClient, Rehab.VisitApi.Request(providerCode: "330402-REHAB-1"));

        var caseOrder = (await CaseApi.ActOkAsync(supervisor, legalAid, "supervise", new { note = "请说明审查进度" })).GetProperty("supervisionOrders")[0];
        var visitOrder = (await Rehab.VisitApi.ActOkAsync(supervisor, visit, "supervise", new { note = "请尽快受理" })).GetProperty("supervisionOrders")[0];

        foreach (var order in new[] { caseOrder, visitOrder })
        {
            order.GetProperty("state").GetString().Should().Be("open");
            order.GetProperty("level").GetString().Should().Be("unit");
            order.GetProperty("dueAt").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.UtcNow);
        }
        var caseOrderId = caseOrder.GetProperty("orderId").GetString()!;
        var visitOrderId = visitOrder.GetProperty("orderId").GetString()!;
        var listed = await OrdersAsync(supervisor, "330402-LEGAL");
        listed.Should().ContainKey(caseOrderId).WhoseValue.Should().Be("legal_aid_case");
        (await OrdersAsync(supervisor, "330402-REHAB-1")).Should().ContainKey(visitOrderId).WhoseValue.Should().Be("rehab_visit");
        (await OrdersAsync(otherSupervisor, "330402-LEGAL")).Should().NotContainKey(caseOrderId);

        var caseReply = new { orderId = caseOrderId, reply = "材料已补齐，三日内作出决定。" };
        (await CaseApi.ActAsync(provider, legalAid, "supervision-reply", caseReply)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CaseApi.ActAsync(supervisor, legalAid, "supervision-reply", caseReply)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var replied = await CaseApi.ActOkAsync(station, legalAid, "supervision-reply", caseReply);
        var visitReplied = await Rehab.VisitApi.ActOkAsync(provider, visit, "supervision-reply", new { orderId = visitOrderId, reply = "已受理，周三上门。" });

        replied.GetProperty("supervisionOrders")[0].GetProperty("state").GetString().Should().Be("replied");
        replied.GetProperty("supervisionOrders")[0].GetProperty("reply").GetString().Should().Be("材料已补齐，三日内作出决定。");
        visitReplied.GetProperty("supervisionOrders")[0].GetProperty("state").GetString().Should().Be("replied");
        (await OrdersAsync(supervisor, "330402-LEGAL")).Should().NotContainKey(caseOrderId);
        (await OrdersAsync(supervisor, "330402-REHAB-1")).Should().NotContainKey(visitOrderId);
        (await CaseApi.ActAsync(station, replied, "supervision-reply", caseReply)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var history = await station.GetFromJsonAsync<JsonElement>($"/api/legal-aid-cases/{replied.GetProperty("id").GetString()}/history");
        history.ToString().Should().Contain("supervision_replied");
    }

    /// <summary>The open orders of a unit in the supervisors' list, each with its item type.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> OrdersAsync(HttpClient client, string unit)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/supervision-orders?unit={unit}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().ToDictionary(o => o.GetProperty("orderId").GetString()!, o => o.GetProperty("itemType").GetString()!);
    }

    private static async Task<IReadOnlyList<string>> OpenOrdersAsync(HttpClient client) => [.. (await OrdersAsync(client, "330402-CENTRE")).Keys];

    [Fact]
    public async Task A_browser_signed_in_with_the_cookie_joins_too()
    {
        var cookies = new CookieContainer();
        using (var handler = new HttpClientHandler { CookieContainer = cookies })
        using (var browser = new HttpClient(handler) { BaseAddress = system.WebA.Address })
        {
            (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = CitySupervisor, password = "Demo#12385" }))
                .EnsureSuccessStatusCode();
        }
        await using var listener = await LiveListener.ConnectWithCookiesAsync(system.WebA, cookies);

        await listener.JoinAsync("county:330424");

        (await listener.WaitForAsync("snapshot", _ => true, "snapshot")).Scope().Should().Be("county:330424");
    }

    [Fact]
    public async Task Without_signing_in_the_hub_refuses_the_connection()
    {
        var connect = () => LiveListener.ConnectWithCookiesAsync(system.WebA, new CookieContainer());

        (await connect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
