using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Open311.Open311Api;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>
/// POST requests makes a ticket through the hotline's intake rules; GET requests and GET a request show a key only its own
/// requests, with the ticket's status, handling unit, deadline and reply, and never the caller's personal data.
/// </summary>
public sealed class Open311RequestsApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private HttpClient Anyone => system.Web.Client;

    private async Task<IssuedKey> KeyAsync()
    {
        using var admin = await Admin(system);
        return await IssueKeyAsync(admin);
    }

    /// <summary>The ticket behind a request, as the operator finds it in the ticket search by its number.</summary>
    private async Task<JsonElement> TicketAsync(HttpClient op, string number)
    {
        var page = await op.GetFromJsonAsync<JsonElement>($"/api/tickets?q=&pageSize=100");
        var row = page.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("number").GetString() == number);
        return await GetAsync(op, row);
    }

    [Fact]
    public async Task A_submitted_form_becomes_an_online_ticket_in_the_ticket_list()
    {
        var key = await KeyAsync();
        var form = Form(key.ApiKey, "complaint-accessibility");

        var response = await SubmitAsync(Anyone, form);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        answer.GetArrayLength().Should().Be(1);
        answer[0].EnumerateObject().Select(p => p.Name).Should().Equal(Open311Shapes.Submitted);
        var number = answer[0].GetProperty("service_request_id").GetString()!;
        number.Should().MatchRegex(@"^JX12385-\d{8}-\d{6}$");
        answer[0].GetProperty("account_id").ValueKind.Should().Be(JsonValueKind.Null);
        response.Headers.Location!.ToString().Should().Be($"{Root}/requests/{number}.json");

        using var op = await Operator(system);
        var ticket = await TicketAsync(op, number);
        ticket.GetProperty("channel").GetString().Should().Be("online");
        ticket.GetProperty("kind").GetString().Should().Be("complaint");
        ticket.GetProperty("topic").GetString().Should().Be("accessibility");
        ticket.GetProperty("countyCode").GetString().Should().Be("330402");
        ticket.GetProperty("callerName").GetString().Should().Be("王秀英", "a Chinese name is family name first");
        ticket.GetProperty("content").GetString().Should().Be(form["description"]);
        var history = await op.GetFromJsonAsync<JsonElement[]>($"/api/tickets/{Id(ticket)}/history");
        history![0].GetProperty("actor").GetProperty("role").GetString().Should().Be("online_intake");
        history[0].GetProperty("actor").GetProperty("userId").GetString().Should().Be("open311:" + Guid.Parse(key.Id).ToString("N"));
    }

    [Fact]
    public async Task An_xml_submission_answers_the_service_requests_root()
    {
        var key = await KeyAsync();

        var response = await SubmitAsync(Anyone, Form(key.ApiKey), "xml");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        root.Name.LocalName.Should().Be("service_requests");
        var request = root.Elements().Single();
        request.Name.LocalName.Should().Be("request");
        request.Elements().Select(e => e.Name.LocalName).Should().Equal(Open311Shapes.Submitted);
        request.Element("service_request_id")!.Value.Should().StartWith("JX12385-");
        request.Element("account_id")!.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unknown_service_code_is_a_400_error_list_and_registers_nothing(string format)
    {
        var key = await KeyAsync();

        var response = await SubmitAsync(Anyone, Form(key.ApiKey, "repair-potholes"), format);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        var descriptions = format == "json"
            ? JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => (e.GetProperty("code").GetInt32(), e.GetProperty("description").GetString()!)).ToList()
            : XDocument.Parse(body).Root!.Elements("error").Select(e => (int.Parse(e.Element("code")!.Value), e.Element("description")!.Value)).ToList();
        descriptions.Should().ContainSingle().Which.Item1.Should().Be(400);
        descriptions[0].Item2.Should().Contain("service_code").And.Contain("没有这一服务");
        (await JsonAsync(Anyone, $"{Root}/requests.json?api_key={key.ApiKey}")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_intake_rules_refuse_a_form_field_by_field_in_chinese_and_english()
    {
        var key = await KeyAsync();
        var form = Form(key.ApiKey);
        // Without a phone, an e-mail or an address, nothing reaches the citizen: the form lacks its phone.
        form.Remove("phone");
        form.Remove("email");
        form.Remove("address_string");
        form["attribute[county]"] = "999999";
        form["description"] = "太短";

        var (status, errors) = await JsonErrorsAsync(await SubmitAsync(Anyone, form));

        status.Should().Be(400);
        var descriptions = errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
        errors.EnumerateArray().Should().OnlyContain(e => e.GetProperty("code").GetInt32() == 400);
        descriptions.Should().Contain(d => d.StartsWith("phone：") && d.Contains(" / phone: "));
        descriptions.Should().Contain(d => d.StartsWith("attribute[county]："));
        descriptions.Should().Contain(d => d.StartsWith("description："));
        (await JsonAsync(Anyone, $"{Root}/requests.json?api_key={key.ApiKey}")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_same_form_sent_twice_is_one_request()
    {
        var key = await KeyAsync();
        var form = Form(key.ApiKey);

        var first = await SubmitAsync(Anyone, form);
        var again = await SubmitAsync(Anyone, form);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var ids = new List<string>();
        foreach (var response in new[] { first, again })
        {
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!);
        }
        ids.Distinct().Should().ContainSingle();
        (await JsonAsync(Anyone, $"{Root}/requests.json?api_key={key.ApiKey}")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task An_idempotency_key_returns_the_same_request_and_refuses_other_content_with_409()
    {
        var key = await KeyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await SubmitAsync(Anyone, Form(key.ApiKey, description: "网上反映：盲道被占用，出行困难，请协调处理。"), idempotencyKey: idempotencyKey);
        var repeat = await SubmitAsync(Anyone, Form(key.ApiKey, description: "网上反映：盲道被占用，出行困难，请协调处理。"), idempotencyKey: idempotencyKey);
        var changed = await SubmitAsync(Anyone, Form(key.ApiKey, description: "网上反映：另一件事情，请帮助核实处理。"), idempotencyKey: idempotencyKey);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        var (status, errors) = await JsonErrorsAsync(changed);
        status.Should().Be(409);
        errors[0].GetProperty("code").GetInt32().Should().Be(409);
        (await JsonAsync(Anyone, $"{Root}/requests.json?api_key={key.ApiKey}")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_key_reads_only_the_requests_it_submitted()
    {
        var (mine, theirs) = (await KeyAsync(), await KeyAsync());
        var myNumber = await SubmittedAsync(Anyone, Form(mine.ApiKey));
        var theirNumber = await SubmittedAsync(Anyone, Form(theirs.ApiKey));

        var myList = await JsonAsync(Anyone, $"{Root}/requests.json?api_key={mine.ApiKey}");
        var theirView = await Anyone.GetAsync($"{Root}/requests/{myNumber}.json?api_key={theirs.ApiKey}");
        var byIds = await JsonAsync(Anyone, $"{Root}/requests.json?api_key={mine.ApiKey}&service_request_id={myNumber},{theirNumber}");

        myList.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).Should().Equal(myNumber);
        theirView.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonErrorsAsync(theirView)).Errors[0].GetProperty("code").GetInt32().Should().Be(404);
        byIds.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).Should().Equal(myNumber);
        (await RequestAsync(Anyone, mine.ApiKey, myNumber)).GetProperty("status").GetString().Should().Be("open");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_403_on_every_request_route()
    {
        var key = await KeyAsync();
        var number = await SubmittedAsync(Anyone, Form(key.ApiKey));
        using (var admin = await Admin(system))
        {
            (await admin.PostAsync($"/api/admin/open311-keys/{key.Id}/revoke", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var submit = await SubmitAsync(Anyone, Form(key.ApiKey));
        var list = await Anyone.GetAsync($"{Root}/requests.xml?api_key={key.ApiKey}");
        var one = await Anyone.GetAsync($"{Root}/requests/{number}.json?api_key={key.ApiKey}");

        submit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JsonErrorsAsync(submit)).Errors[0].GetProperty("description").GetString().Should().Contain("已吊销").And.Contain("revoked");
        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        XDocument.Parse(await list.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value.Should().Be("403");
        one.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_a_key_a_request_is_400_and_with_an_unknown_key_403_whoever_is_signed_in()
    {
        using var admin = await Admin(system);
        var form = Form("o311_" + new string('A', 43));

        var unknown = await SubmitAsync(admin, form);
        form.Remove("api_key");
        var missing = await SubmitAsync(admin, form);
        var listWithoutKey = await admin.GetAsync($"{Root}/requests.json");

        unknown.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a session is not an api_key");
        (await JsonErrorsAsync(missing)).Errors[0].GetProperty("description").GetString().Should().Contain("api_key");
        listWithoutKey.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_with_400()
    {
        var key = await KeyAsync();

        var response = await Anyone.PostAsJsonAsync($"{Root}/requests.json", new { api_key = key.ApiKey, service_code = "help-other" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonErrorsAsync(response)).Errors[0].GetProperty("description").GetString().Should().Contain("application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task A_request_follows_its_ticket_to_the_unit_the_deadline_the_reply_and_closure_without_personal_data()
    {
        var key = await KeyAsync();
        var form = Form(key.ApiKey);
        form["attribute[resident_id]"] = ResidentId("33040219800101123");
        var number = await SubmittedAsync(Anyone, form);
        using var op = await Operator(system);
        using var staff = await Staff(system, "330402-CENTRE");
        var ticket = await TicketAsync(op, number);

        var registered = await RequestAsync(Anyone, key.ApiKey, number);
        registered.GetProperty("agency_responsible").ValueKind.Should().Be(JsonValueKind.Null, "no unit handles it yet");
        registered.GetProperty("expected_datetime").ValueKind.Should().Be(JsonValueKind.Null, "the handling clock starts at dispatch");

        var dispatched = await ActOkAsync(op, ticket, "dispatch", new { });
        var handling = DateTimeOffset.Parse(dispatched.GetProperty("deadlines").GetProperty("handling").GetProperty("dueAt").GetString()!);
        var atUnit = await RequestAsync(Anyone, key.ApiKey, number);
        atUnit.GetProperty("agency_responsible").GetString().Should().Be("南湖区社会矛盾纠纷调处化解中心");
        // Open311 times are whole seconds: the deadline's fraction of a second is cut, whatever the time of day the test runs.
        DateTimeOffset.Parse(atUnit.GetProperty("expected_datetime").GetString()!).Should().Be(handling.AddTicks(-(handling.Ticks % TimeSpan.TicksPerSecond)));
        atUnit.GetProperty("expected_datetime").GetString().Should().EndWith("+08:00");
        atUnit.GetProperty("status_notes").ValueKind.Should().Be(JsonValueKind.Null);

        await ActOkAsync(staff, ticket, "sign");
        await ActOkAsync(staff, ticket, "resolve", new { reply = "王秀英您好，经核实补贴已于本周补发到账，联系电话 13912345678。" });
        var resolved = await RequestAsync(Anyone, key.ApiKey, number);
        resolved.GetProperty("status").GetString().Should().Be("open", "a resolved ticket waits for the callback and may still be reopened");
        resolved.GetProperty("status_notes").GetString().Should().Contain("补贴已于本周补发到账");

        await ActOkAsync(op, ticket, "callback", new { reached = true, satisfaction = "satisfied" });
        await ActOkAsync(op, ticket, "close", new { });
        var closed = await RequestAsync(Anyone, key.ApiKey, number);
        closed.GetProperty("status").GetString().Should().Be("closed");
        closed.EnumerateObject().Select(p => p.Name).Should().Equal(Open311Shapes.Request);
        // Open311 times are whole seconds: the whole journey may fall within one.
        DateTimeOffset.Parse(closed.GetProperty("updated_datetime").GetString()!).Should()
            .BeOnOrAfter(DateTimeOffset.Parse(resolved.GetProperty("updated_datetime").GetString()!))
            .And.BeOnOrAfter(DateTimeOffset.Parse(closed.GetProperty("requested_datetime").GetString()!));
        (await JsonAsync(Anyone, $"{Root}/requests.json?api_key={key.ApiKey}&status=closed")).GetArrayLength().Should().Be(1);
        (await JsonAsync(Anyone, $"{Root}/requests.json?api_key={key.ApiKey}&status=open")).GetArrayLength().Should().Be(0);

        var answers = new[]
        {
            await Anyone.GetStringAsync($"{Root}/requests/{number}.json?api_key={key.ApiKey}"),
            await Anyone.GetStringAsync($"{Root}/requests/{number}.xml?api_key={key.ApiKey}"),
            await Anyone.GetStringAsync($"{Root}/requests.json?api_key={key.ApiKey}"),
            await Anyone.GetStringAsync($"{Root}/requests.xml?api_key={key.ApiKey}"),
        };
        string[] personal = ["王秀英", "秀英", "13912345678", "3912345678", "wang.xiuying", "禾兴南路", form["attribute[resident_id]"], "30.7467"];
        foreach (var answer in answers)
        {
            foreach (var value in personal)
            {
                answer.Should().NotContain(value, "Open311 never returns the caller's personal data");
            }
        }
        closed.GetProperty("status_notes").GetString().Should().Contain("王**", "the caller's name in the reply is masked as supervisors see it");
    }

    [Fact]
    public async Task The_list_in_xml_has_the_service_requests_root_and_the_specifications_request_elements()
    {
        var key = await KeyAsync();
        await SubmittedAsync(Anyone, Form(key.ApiKey, "inquiry-education"));

        var document = await XmlAsync(Anyone, $"{Root}/requests.xml?api_key={key.ApiKey}&service_code=inquiry-education");

        document.Root!.Name.LocalName.Should().Be("service_requests");
        var request = document.Root.Elements().Single();
        request.Name.LocalName.Should().Be("request");
        request.Elements().Select(e => e.Name.LocalName).Should().Equal(Open311Shapes.Request);
        request.Element("service_code")!.Value.Should().Be("inquiry-education");
        request.Element("service_name")!.Value.Should().Be("咨询·教育 / Inquiry: Education");
        request.Element("status")!.Value.Should().Be("open");
    }

    [Theory]
    [InlineData("start_date=2026-01-01&end_date=2026-06-01", "90")]
    [InlineData("start_date=yesterday", "start_date")]
    [InlineData("status=pending", "status")]
    [InlineData("service_code=repair-potholes", "service_code")]
    public async Task A_list_filter_the_specification_does_not_allow_is_a_400(string query, string named)
    {
        var key = await KeyAsync();

        var (status, errors) = await JsonErrorsAsync(await Anyone.GetAsync($"{Root}/requests.json?api_key={key.ApiKey}&{query}"));

        status.Should().Be(400);
        errors[0].GetProperty("description").GetString().Should().Contain(named);
    }
}
