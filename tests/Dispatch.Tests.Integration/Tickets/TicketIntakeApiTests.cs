using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Tickets;

public sealed class TicketIntakeApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Twenty_identical_requests_at_once_register_exactly_one_ticket()
    {
        using var op = await Operator(system);
        var key = "double-click-" + Guid.NewGuid();
        var intake = Intake(content: "并发登记测试：同一来电重复提交。" + key);
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var ids = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var response = await RegisterAsync(op, intake, key);
            statuses.Add(response.StatusCode);
            ids.Add(Id(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }));
        statuses.Count(s => s == HttpStatusCode.Created).Should().Be(1);
        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(19);
        ids.Distinct().Should().ContainSingle();
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var count = database.CreateCommand("select count(*) from tickets where content like '%' || $1 || '%'");
        count.Parameters.Add(new NpgsqlParameter { Value = key });
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(1);
    }

    [Fact]
    public async Task Numbers_continue_after_those_already_issued_when_a_day_sequence_is_created_again()
    {
        using var op = await Operator(system);
        var first = (await RegisteredAsync(op)).GetProperty("number").GetString()!;
        var day = first.Split('-')[1];
        await using var database = NpgsqlDataSource.Create(system.SchemaConnectionString);
        await using (var drop = database.CreateCommand($"drop sequence ticket_number_{day}"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        var second = (await RegisteredAsync(op, Intake(content: "序列重建后的来电：编号不得与当天已发编号重复。"))).GetProperty("number").GetString()!;

        second.Should().StartWith($"JX12385-{day}-");
        int.Parse(second[17..]).Should().Be(int.Parse(first[17..]) + 1);
    }

    [Fact]
    public async Task The_days_first_numbers_asked_for_at_once_by_many_callers_are_all_issued()
    {
        using var op = await Operator(system);
        var day = (await RegisteredAsync(op)).GetProperty("number").GetString()!.Split('-')[1];
        await using (var schema = NpgsqlDataSource.Create(system.SchemaConnectionString))
        await using (var drop = schema.CreateCommand($"drop sequence ticket_number_{day}"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        // Every one of them is told the sequence does not exist and asks for it to be created at the same moment.
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            RegisterAsync(op, Intake(content: $"当天首批来电同时登记（第{i}件），编号序列同时创建。"), Guid.NewGuid().ToString())));

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        var numbers = await Task.WhenAll(answers.Select(async a =>
            (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!));
        numbers.Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.StartsWith($"JX12385-{day}-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_key_with_different_content_is_refused()
    {
        using var op = await Operator(system);
        var key = Guid.NewGuid().ToString();
        (await RegisterAsync(op, Intake(), key)).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await RegisterAsync(op, Intake(content: "完全不同的诉求内容，需要另行登记。"), key);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("idempotency_key_reused");
    }

    [Fact]
    public async Task Registering_without_an_idempotency_key_is_refused()
    {
        using var op = await Operator(system);
        var response = await op.PostAsJsonAsync("/api/tickets", Intake());
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("residentId", "330402198001011230", "invalid_checksum")]
    [InlineData("callerPhone", "12385", null)]
    [InlineData("countyCode", "330999", "unknown_county")]
    [InlineData("kind", "gossip", "unknown_value")]
    [InlineData("content", "", "required")]
    public async Task A_bad_field_gets_400_naming_it_and_stores_nothing(string field, string value, string? code)
    {
        using var op = await Operator(system);
        var intake = JsonSerializer.SerializeToNode(Intake(content: "字段校验测试内容 " + Guid.NewGuid()))!.AsObject();
        intake[field] = value;
        var response = await RegisterAsync(op, intake);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("fieldErrors").EnumerateArray().Should().ContainSingle(e => e.GetProperty("field").GetString() == field).Subject;
        if (code is not null)
        {
            error.GetProperty("code").GetString().Should().Be(code);
        }
        error.GetProperty("zh").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("en").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Unit_staff_cannot_register_tickets()
    {
        using var staff = await Staff(system, "330402-CENTRE");
        (await RegisterAsync(staff, Intake())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_caller_history_shows_earlier_tickets_and_open_possible_duplicates()
    {
        using var op = await Operator(system);
        var id = ResidentId("33040219800101" + Random.Shared.Next(100, 999));
        var first = await RegisteredAsync(op, Intake(residentId: id, topic: "employment"));
        var second = await RegisteredAsync(op, Intake(residentId: id, topic: "employment"));
        second.GetProperty("repeatCount").GetInt32().Should().Be(1);
        var personId = second.GetProperty("personId").GetString()!;
        personId.Should().StartWith("p_").And.NotContain(id[6..14]);
        first.GetProperty("personId").GetString().Should().Be(personId);

        var answer = await op.PostAsJsonAsync("/api/intake/caller-history", new { residentId = id, topic = "employment" });
        var history = await answer.Content.ReadFromJsonAsync<JsonElement>();
        history.GetProperty("personId").GetString().Should().Be(personId);
        history.GetProperty("earlierTickets").GetArrayLength().Should().Be(2);
        history.GetProperty("possibleDuplicates").EnumerateArray().Select(t => t.GetProperty("id").GetString())
            .Should().Contain([Id(first), Id(second)]);
        history.GetRawText().Should().NotContain(id);
        var timeline = await op.GetFromJsonAsync<JsonElement[]>($"/api/persons/{personId}/timeline");
        timeline!.Select(t => t.GetProperty("id").GetString()).Should().Equal(Id(second), Id(first));
    }
}
