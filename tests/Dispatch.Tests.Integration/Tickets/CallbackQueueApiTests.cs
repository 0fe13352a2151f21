using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Tickets;

/// <summary>
/// 待回访 (GET /api/callback-queue) on the real clock: resolved tickets owed a callback, oldest first, with attempts and the
/// next attempt time; the same scope as the other lists; bad parameters a 400 problem. The spacing and the written notice
/// on a fake clock are in TicketDeadlineTests and the rules' unit tests.
/// </summary>
public sealed class CallbackQueueApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string County = "330424";
    private const string Centre = "330424-CENTRE";

    [Fact]
    public async Task Resolved_tickets_wait_in_the_queue_oldest_resolution_first_until_the_caller_is_reached()
    {
        using var op = await Operator(system);
        var first = await ResolvedAsync(op, "回访队列测试一：辅具补贴申请进度。");
        var second = await ResolvedAsync(op, "回访队列测试二：辅具补贴申请进度。");

        var queue = await QueueAsync(op, due: true);
        var ids = queue.Select(e => e.GetProperty("ticket").GetProperty("id").GetString()).ToList();
        ids.Should().ContainInOrder(Id(first), Id(second));
        var entry = queue.Single(e => e.GetProperty("ticket").GetProperty("id").GetString() == Id(first));
        entry.GetProperty("failedAttempts").GetInt32().Should().Be(0);
        entry.GetProperty("due").GetBoolean().Should().BeTrue();
        entry.GetProperty("nextAttemptAt").GetDateTimeOffset().Should().Be(entry.GetProperty("resolvedAt").GetDateTimeOffset());
        entry.GetProperty("ticket").GetProperty("callerPhone").GetString().Should().Be("139****2468", "the queue masks the phone like every list");

        await ActOkAsync(op, first, "callback", new { reached = true, satisfaction = "satisfied" });
        (await QueueAsync(op, due: false)).Select(e => e.GetProperty("ticket").GetProperty("id").GetString()).Should().NotContain(Id(first));
        (await ActOkAsync(op, first, "close", new { })).GetProperty("status").GetString().Should().Be("closed");
    }

    [Fact]
    public async Task A_failed_attempt_schedules_the_next_later_and_an_attempt_before_it_is_refused_without_a_change()
    {
        using var op = await Operator(system);
        var ticket = await ResolvedAsync(op, "回访队列测试三：无人接听。");
        var before = DateTimeOffset.UtcNow;

        var missed = await ActOkAsync(op, ticket, "callback", new { reached = false, note = "无人接听" });

        var next = missed.GetProperty("nextCallbackAt").GetDateTimeOffset();
        next.Should().BeAfter(before.AddHours(1.9), "two working hours lie between attempts");
        missed.GetProperty("failedCallbacks").GetInt32().Should().Be(1);
        (await QueueAsync(op, due: true)).Select(e => e.GetProperty("ticket").GetProperty("id").GetString()).Should().NotContain(Id(ticket));
        var waiting = (await QueueAsync(op, due: false)).Single(e => e.GetProperty("ticket").GetProperty("id").GetString() == Id(ticket));
        waiting.GetProperty("failedAttempts").GetInt32().Should().Be(1);
        waiting.GetProperty("due").GetBoolean().Should().BeFalse();
        // The read model keeps microseconds, the answer the grain's 100 ns ticks.
        waiting.GetProperty("nextAttemptAt").GetDateTimeOffset().Should().BeCloseTo(next, TimeSpan.FromMicroseconds(1));

        var again = await ActAsync(op, ticket, "callback", new { reached = false });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("callback_too_soon");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("工作小时");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("working hours");
        Version(await GetAsync(op, ticket)).Should().Be(Version(missed));
    }

    [Fact]
    public async Task The_queue_keeps_to_the_scope_of_the_user()
    {
        using var op = await Operator(system);
        var ticket = await ResolvedAsync(op, "回访队列测试四：范围。");
        using var ownCounty = await system.SignInAsync($"supervisor.{County}@jx12385.test");
        using var otherCounty = await system.SignInAsync("supervisor.330411@jx12385.test");
        using var staff = await Staff(system, Centre);

        (await QueueAsync(ownCounty, due: false)).Select(e => e.GetProperty("ticket").GetProperty("id").GetString()).Should().Contain(Id(ticket));
        var other = await otherCounty.GetFromJsonAsync<JsonElement>("/api/callback-queue?due=false&pageSize=100");
        other.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("ticket").GetProperty("id").GetString()).Should().NotContain(Id(ticket));
        (await staff.GetAsync("/api/callback-queue")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("county=33", "county")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string field)
    {
        using var op = await Operator(system);
        var response = await op.GetAsync($"/api/callback-queue?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().Contain(field);
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
    }

    private async Task<JsonElement> ResolvedAsync(HttpClient op, string content)
    {
        var ticket = await RegisteredAsync(op, Intake(content: content, county: County, phone: "13912342468"));
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = Centre });
        using var staff = await Staff(system, Centre);
        await ActOkAsync(staff, ticket, "sign");
        return await ActOkAsync(staff, ticket, "resolve", new { reply = "已协调县残联落实辅具补贴。" });
    }

    private static async Task<IReadOnlyList<JsonElement>> QueueAsync(HttpClient client, bool due)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/callback-queue?county={County}&due={(due ? "true" : "false")}&pageSize=100");
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
