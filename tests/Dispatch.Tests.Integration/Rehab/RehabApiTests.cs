using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Rehab.VisitApi;
using TicketApi = Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Rehab;

public sealed class RehabApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Requesting_a_visit_answers_201_with_a_visit_number_the_countys_provider_and_no_clock_until_it_is_accepted()
    {
        using var op = await TicketApi.Operator(system);

        var response = await RequestAsync(op, Request(county: "330411"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var visit = await response.Content.ReadFromJsonAsync<JsonElement>();
        visit.GetProperty("number").GetString().Should().MatchRegex(@"^JXKF-\d{8}-\d{6}$");
        Status(visit).Should().Be("requested");
        visit.GetProperty("providerCode").GetString().Should().BeOneOf("330411-REHAB-1", "330411-REHAB-2");
        (visit.GetProperty("deadlines").TryGetProperty("firstVisit", out var first) ? first.ValueKind : JsonValueKind.Null)
            .Should().Be(JsonValueKind.Null, "the first-visit clock runs from the provider's acceptance");
        visit.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Should().Contain("accept").And.NotContain("schedule");
    }

    [Fact]
    public async Task The_provider_accepts_a_hotline_request_the_first_visit_clock_starts_and_the_asked_window_is_scheduled()
    {
        using var op = await TicketApi.Operator(system);
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var start = SoonAt(3 * 24 * 60);
        var visit = await RequestedAsync(op, Request(windowStart: start, name: "赵敏", phone: "13612340031", providerCode: "330402-REHAB-1"));
        visit.GetProperty("askedWindowStart").GetDateTimeOffset().Should().Be(start);

        (await ActAsync(op, visit, "accept")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the hotline does not accept for the provider");
        var tooLong = await ActAsync(provider, visit, "accept", new { note = new string('注', 1001) });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooLong.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Status((await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{Id(visit)}"))!).Should().Be("requested", "a refused action changes nothing");

        var accepted = await ActOkAsync(provider, visit, "accept", new { note = "已受理，按申请时段上门。" });

        Status(accepted).Should().Be("scheduled");
        accepted.GetProperty("acceptedAt").ValueKind.Should().Be(JsonValueKind.String);
        accepted.GetProperty("windowStart").GetDateTimeOffset().Should().Be(start);
        var firstVisit = accepted.GetProperty("deadlines").GetProperty("firstVisit");
        firstVisit.GetProperty("state").GetString().Should().Be("running");
        firstVisit.GetProperty("length").GetString().Should().Be("5 working_days");
        firstVisit.GetProperty("startedAt").GetDateTimeOffset().Should().Be(accepted.GetProperty("acceptedAt").GetDateTimeOffset());
        var history = (await provider.GetFromJsonAsync<JsonElement[]>($"/api/rehab-visits/{Id(visit)}/history"))!;
        history.Select(h => h.GetProperty("type").GetString()).Should().Equal("requested", "accepted", "scheduled");
        history[1].GetProperty("actor").GetProperty("unitCode").GetString().Should().Be("330402-REHAB-1");
        (await ActAsync(provider, accepted, "accept")).StatusCode.Should().Be(HttpStatusCode.Conflict, "a visit is accepted once");
    }

    [Fact]
    public async Task A_visit_goes_from_request_to_record_and_every_step_is_in_its_history()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var visit = await RequestedAsync(provider);
        var start = SoonAt(30);

        var scheduled = await ActOkAsync(provider, visit, "schedule", new { windowStart = start, windowMinutes = 90 });
        scheduled.GetProperty("windowEnd").GetDateTimeOffset().Should().Be(start.AddMinutes(90));
        Status(await ActOkAsync(provider, visit, "assign", new { workerId = "W-API-1", workerName = "张丽" })).Should().Be("assigned");
        var arrived = await ActOkAsync(provider, visit, "check-in");
        arrived.GetProperty("deadlines").GetProperty("firstVisit").GetProperty("state").GetString().Should().Be("met");
        var done = await ActOkAsync(provider, visit, "complete");
        done.GetProperty("deadlines").GetProperty("record").GetProperty("state").GetString().Should().Be("running");
        var recorded = await ActOkAsync(provider, visit, "record", new { notes = "完成下肢康复训练 60 分钟。" });
        recorded.GetProperty("allowedActions").GetArrayLength().Should().Be(0);

        var history = (await provider.GetFromJsonAsync<JsonElement[]>($"/api/rehab-visits/{Id(visit)}/history"))!;
        history.Select(h => h.GetProperty("type").GetString()).Should().Equal(
            "requested", "accepted", "scheduled", "worker_assigned", "checked_in", "completed", "record_filed");
    }

    [Fact]
    public async Task A_worker_booked_for_an_overlapping_window_gets_409_with_a_clear_bilingual_message()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var start = SoonAt(24 * 60);
        var first = await RequestedAsync(provider, Request(windowStart: start));
        var second = await RequestedAsync(provider, Request(windowStart: start.AddMinutes(60), name: "李华", phone: "13612340002"));
        var booked = await ActOkAsync(provider, first, "assign", new { workerId = "W-DOUBLE", workerName = "张丽" });

        var response = await ActAsync(provider, second, "assign", new { workerId = "W-DOUBLE", workerName = "张丽" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("worker_double_booked");
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("张丽").And.Contain(booked.GetProperty("number").GetString()).And.Contain("不能重复预约");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("already booked").And.Contain("overlap");
        problem.GetProperty("currentStatus").GetString().Should().Be("scheduled");
        (await ActAsync(provider, second, "assign", new { workerId = "W-OTHER", workerName = "李强" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_bookings_of_one_worker_for_overlapping_windows_let_exactly_one_through()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var start = SoonAt(2 * 24 * 60);
        var visits = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            RequestedAsync(provider, Request(windowStart: start.AddMinutes(10 * i), name: "并发" + i, phone: $"1361234{i:D4}"))));

        var responses = await Task.WhenAll(visits.Select(v => ActAsync(provider, v, "assign", new { workerId = "W-RACE", workerName = "赵敏" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(5);
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var count = database.CreateCommand("select count(*)::int from rehab_bookings where worker_id = 'W-RACE'");
        ((int)(await count.ExecuteScalarAsync())!).Should().Be(1);
    }

    [Fact]
    public async Task A_plan_of_twelve_weekly_visits_yields_twelve_visit_actors_and_the_same_key_the_same_plan()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var key = Guid.NewGuid().ToString();
        var plan = new
        {
            person = new { name = "孙梅", phone = "13612349999", countyCode = "330402" },
            serviceType = "rehabilitation_training",
            firstWindowStart = SoonAt(3 * 24 * 60),
            frequency = "weekly",
            count = 12,
        };

        var response = await PlanAsync(provider, plan, key);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var visits = created.GetProperty("visits").EnumerateArray().ToList();
        visits.Should().HaveCount(12);
        visits.Select(v => v.GetProperty("number").GetString()).Distinct().Should().HaveCount(12);
        foreach (var planned in visits)
        {
            var visit = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{planned.GetProperty("visitId").GetString()}");
            Status(visit).Should().Be("scheduled");
            visit.GetProperty("planId").GetString().Should().Be(Id(created));
        }
        var page = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits?plan={Id(created)}&pageSize=50");
        page.GetProperty("total").GetInt32().Should().Be(12);
        var again = await PlanAsync(provider, plan, key);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        Id((await again.Content.ReadFromJsonAsync<JsonElement>())).Should().Be(Id(created));
        (await provider.GetAsync($"/api/rehab-plans/{Id(created)}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ending_a_plan_cancels_its_visits_that_can_still_be_called_off_with_the_reason_and_an_ended_plan_cannot_end_again()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var response = await PlanAsync(provider, new
        {
            person = new { name = "钱芳", phone = "13612348888", countyCode = "330402" },
            serviceType = "rehabilitation_training",
            firstWindowStart = SoonAt(3 * 24 * 60),
            frequency = "weekly",
            count = 3,
        }, Guid.NewGuid().ToString());
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        var visitIds = plan.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("visitId").GetString()!).ToList();
        var first = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{visitIds[0]}");
        await ActOkAsync(provider, first, "cancel", new { reason = "服务对象住院" });

        var blank = await provider.PostAsJsonAsync($"/api/rehab-plans/{Id(plan)}/end", new { reason = " " });
        var ended = await provider.PostAsJsonAsync($"/api/rehab-plans/{Id(plan)}/end", new { reason = "服务对象已入住养老机构" });
        var again = await provider.PostAsJsonAsync($"/api/rehab-plans/{Id(plan)}/end", new { reason = "再次终止" });

        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ended.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Status(view).Should().Be("ended");
        view.GetProperty("endReason").GetString().Should().Be("服务对象已入住养老机构");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("plan_ended");
        string[] reasons = ["服务对象住院", "服务对象已入住养老机构", "服务对象已入住养老机构"];
        foreach (var (visitId, reason) in visitIds.Zip(reasons))
        {
            var history = (await provider.GetFromJsonAsync<JsonElement[]>($"/api/rehab-visits/{visitId}/history"))!;
            history.Where(h => h.GetProperty("type").GetString() == "cancelled").Should().ContainSingle()
                .Which.GetProperty("data").GetProperty("reason").GetString().Should().Be(reason, "a visit cancelled before keeps its own reason");
        }
        var planHistory = (await provider.GetFromJsonAsync<JsonElement[]>($"/api/rehab-plans/{Id(plan)}/history"))!;
        planHistory.Select(h => h.GetProperty("type").GetString()).Should().Equal("created", "visits_opened", "ended");
    }

    [Fact]
    public async Task Amending_a_plan_opens_the_added_visits_once_cancels_the_latest_when_fewer_and_refusals_change_nothing()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        using var other = await TicketApi.Staff(system, "330411-REHAB-1");
        var plan = await MadePlanAsync(provider, "吴敏", "13612347701", LocalDayAt(4, 9), count: 3);

        var blank = await PlanActAsync(provider, plan, "amend", new { count = 5, reason = " " });
        var bad = await PlanActAsync(provider, plan, "amend", new { count = 60, timeOfDay = "9点", reason = "x" });
        var stale = await PlanActAsync(provider, plan, "amend", new { count = 5, reason = "x" }, ifMatch: 1);
        var hidden = await PlanActAsync(other, plan, "amend", new { count = 5, reason = "x" });
        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        blank.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray().ToList();
        fields.Select(f => f.GetProperty("field").GetString()).Should().BeEquivalentTo(["count", "timeOfDay"]);
        fields.Should().OnlyContain(f => f.GetProperty("zh").GetString()!.Length > 0 && f.GetProperty("en").GetString()!.Length > 0);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-plans/{Id(plan)}")).GetProperty("version").GetInt32()
            .Should().Be(plan.GetProperty("version").GetInt32(), "a refused amendment changes nothing");

        var more = await PlanActOkAsync(provider, plan, "amend", new { count = 5, reason = "康复评估后增加两次" }, ifMatch: plan.GetProperty("version").GetInt32());
        var again = await PlanActOkAsync(provider, plan, "amend", new { count = 5, reason = "康复评估后增加两次" });

        more.GetProperty("count").GetInt32().Should().Be(5);
        var visits = more.GetProperty("visits").EnumerateArray().ToList();
        visits.Select(v => v.GetProperty("sequence").GetInt32()).Should().Equal(1, 2, 3, 4, 5);
        visits.Should().OnlyContain(v => v.GetProperty("number").GetString() != null);
        visits[3].GetProperty("windowStart").GetDateTimeOffset().Should().Be(visits[2].GetProperty("windowStart").GetDateTimeOffset().AddDays(7));
        again.GetProperty("version").GetInt32().Should().Be(more.GetProperty("version").GetInt32(), "the same amendment again changes nothing");
        var page = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits?plan={Id(plan)}&pageSize=50");
        page.GetProperty("total").GetInt32().Should().Be(5, "a repeated amendment opens no visit twice");
        Status(await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{visits[4].GetProperty("visitId").GetString()}")).Should().Be("scheduled");

        var fewer = await PlanActOkAsync(provider, plan, "amend", new { count = 2, reason = "服务对象要求减少" });

        fewer.GetProperty("count").GetInt32().Should().Be(2);
        var change = fewer.GetProperty("changes").EnumerateArray().Last();
        change.GetProperty("cancelled").EnumerateArray().Select(c => c.GetInt32()).Should().Equal(3, 4, 5);
        change.GetProperty("applied").GetBoolean().Should().BeTrue();
        foreach (var dropped in visits.Skip(2))
        {
            var visit = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{dropped.GetProperty("visitId").GetString()}");
            Status(visit).Should().Be("cancelled");
            visit.GetProperty("cancelReason").GetString().Should().Be("服务对象要求减少");
        }
        var history = (await provider.GetFromJsonAsync<JsonElement[]>($"/api/rehab-plans/{Id(plan)}/history"))!;
        history.Select(h => h.GetProperty("type").GetString()).Should().Equal(
            "created", "visits_opened", "amended", "visits_opened", "change_applied", "amended", "change_applied");
        history[2].GetProperty("data").GetProperty("reason").GetString().Should().Be("康复评估后增加两次");
    }

    [Fact]
    public async Task A_new_time_moves_the_visits_not_yet_started_keeping_a_free_worker_and_leaving_a_booked_one_unassigned()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var worker = $"W-AMEND-{Guid.NewGuid():N}"[..20];
        var plan = await MadePlanAsync(provider, "郑华", "13612347702", LocalDayAt(5, 9), count: 2);
        var planned = plan.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("visitId").GetString()!).ToList();
        foreach (var id in planned)
        {
            await ActOkAsync(provider, await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{id}"), "assign", new { workerId = worker, workerName = "冯刚" });
        }
        var secondDay = plan.GetProperty("visits")[1].GetProperty("windowStart").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        var elsewhere = await RequestedAsync(provider, Request(windowStart: new DateTimeOffset(secondDay.Date.AddHours(15), TimeSpan.FromHours(8)), name: "别处", phone: "13612347703"));
        await ActOkAsync(provider, elsewhere, "assign", new { workerId = worker, workerName = "冯刚" });

        var amended = await PlanActOkAsync(provider, plan, "amend", new { timeOfDay = "15:00", windowMinutes = 60, reason = "家属下午在家" });

        var change = amended.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("moved").EnumerateArray().Select(m => m.GetInt32()).Should().Equal(1, 2);
        change.GetProperty("unassigned").EnumerateArray().Select(m => m.GetInt32()).Should().Equal([2], "the worker already goes elsewhere at 15:00 that day");
        var first = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{planned[0]}");
        var second = await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{planned[1]}");
        Status(first).Should().Be("assigned");
        first.GetProperty("workerId").GetString().Should().Be(worker);
        first.GetProperty("windowStart").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Hour.Should().Be(15);
        (first.GetProperty("windowEnd").GetDateTimeOffset() - first.GetProperty("windowStart").GetDateTimeOffset()).Should().Be(TimeSpan.FromHours(1));
        first.GetProperty("reschedules").EnumerateArray().Single().GetProperty("reason").GetString().Should().Be("家属下午在家");
        Status(second).Should().Be("scheduled");
        second.GetProperty("workerId").ValueKind.Should().Be(JsonValueKind.Null);
        amended.GetProperty("windowMinutes").GetInt32().Should().Be(60);
    }

    [Fact]
    public async Task A_pause_cancels_the_visits_inside_it_resuming_opens_as_many_after_the_plan_and_an_ended_plan_refuses_both()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        using var op = await TicketApi.Operator(system);
        var plan = await MadePlanAsync(provider, "褚静", "13612347704", LocalDayAt(3, 10), count: 4);
        var visits = plan.GetProperty("visits").EnumerateArray().ToList();
        string Day(int index) => visits[index].GetProperty("windowStart").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var past = await PlanActAsync(provider, plan, "pause", new { from = "2020-01-01", reason = "住院" });
        past.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("field").GetString().Should().Be("from");
        (await PlanActAsync(provider, plan, "resume", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var paused = await PlanActOkAsync(op, plan, "pause", new { from = Day(1), until = Day(2), reason = "服务对象住院治疗" });

        Status(paused).Should().Be("paused");
        paused.GetProperty("pausedFrom").GetString().Should().Be(Day(1));
        paused.GetProperty("pausedUntil").GetString().Should().Be(Day(2));
        paused.GetProperty("pausedVisits").GetInt32().Should().Be(2);
        paused.GetProperty("count").GetInt32().Should().Be(4, "the visits the pause called off are owed, not dropped");
        string[] expected = ["scheduled", "cancelled", "cancelled", "scheduled"];
        foreach (var (visit, status) in visits.Zip(expected))
        {
            Status(await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{visit.GetProperty("visitId").GetString()}")).Should().Be(status);
        }
        var twice = await PlanActAsync(provider, plan, "pause", new { from = Day(3), reason = "再次暂停" });
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("plan_paused");
        (await PlanActAsync(provider, plan, "amend", new { count = 6, reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var resumed = await PlanActOkAsync(provider, plan, "resume", new { reason = "已出院" });

        Status(resumed).Should().Be("active");
        resumed.GetProperty("count").GetInt32().Should().Be(4, "the plan keeps its number of visits");
        var added = resumed.GetProperty("visits").EnumerateArray().Skip(4).ToList();
        added.Select(v => v.GetProperty("sequence").GetInt32()).Should().Equal(5, 6);
        added.Should().OnlyContain(v => v.GetProperty("windowStart").GetDateTimeOffset() > visits[3].GetProperty("windowStart").GetDateTimeOffset());
        foreach (var visit in added)
        {
            Status(await provider.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{visit.GetProperty("visitId").GetString()}")).Should().Be("scheduled");
        }

        await PlanActOkAsync(provider, plan, "end", new { reason = "服务对象已入住养老机构" });
        foreach (var (action, body) in new (string, object)[] { ("pause", new { from = Day(3), reason = "x" }), ("resume", new { reason = "x" }), ("amend", new { count = 3, reason = "x" }) })
        {
            var refused = await PlanActAsync(provider, plan, action, body);
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict, action);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("plan_ended", action);
        }
    }

    private static async Task<JsonElement> MadePlanAsync(HttpClient client, string name, string phone, DateTimeOffset first, int count)
    {
        var response = await PlanAsync(client, new
        {
            person = new { name, phone, countyCode = "330402" },
            serviceType = "rehabilitation_training",
            providerCode = "330402-REHAB-1",
            firstWindowStart = first,
            frequency = "weekly",
            count,
        }, Guid.NewGuid().ToString());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? json : throw new InvalidOperationException($"plan answered {(int)response.StatusCode}: {json}");
    }

    [Fact]
    public async Task The_provider_sees_each_workers_day_in_its_calendar()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        var start = LocalDayAt(4, 9);
        var morning = await RequestedAsync(provider, Request(windowStart: start, name: "周一"));
        var later = await RequestedAsync(provider, Request(windowStart: start.AddHours(3), name: "周二", phone: "13612340008"));
        var open = await RequestedAsync(provider, Request(windowStart: start.AddHours(1), name: "周三", phone: "13612340009"));
        await ActOkAsync(provider, later, "assign", new { workerId = "W-CAL", workerName = "钱七" });
        await ActOkAsync(provider, morning, "assign", new { workerId = "W-CAL", workerName = "钱七" });
        var date = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");

        var day = await provider.GetFromJsonAsync<JsonElement>($"/api/units/330402-REHAB-1/rehab-calendar?date={date}&worker=W-CAL");
        var all = await provider.GetFromJsonAsync<JsonElement>($"/api/units/330402-REHAB-1/rehab-calendar?date={date}");

        var worker = day.GetProperty("workers").EnumerateArray().Single();
        worker.GetProperty("workerId").GetString().Should().Be("W-CAL");
        worker.GetProperty("visits").EnumerateArray().Select(Id).Should().Equal(Id(morning), Id(later));
        all.GetProperty("unassigned").EnumerateArray().Select(Id).Should().Contain(Id(open));
        (await provider.GetAsync("/api/units/330411-REHAB-1/rehab-calendar")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await provider.GetAsync("/api/units/330402-REHAB-1/rehab-calendar?date=2026-13-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // The week around it, for one worker and for all: each day lists the visits whose window touches it.
        var monday = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        monday = monday.AddDays(-(((int)monday.DayOfWeek + 6) % 7));
        var range = $"/api/units/330402-REHAB-1/rehab-calendar/range?from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}";
        var week = await provider.GetFromJsonAsync<JsonElement>(range + "&worker=W-CAL");
        var allWeek = await provider.GetFromJsonAsync<JsonElement>(range);

        week.GetProperty("days").GetArrayLength().Should().Be(7);
        week.GetProperty("truncated").GetBoolean().Should().BeFalse();
        var ours = week.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == date);
        ours.GetProperty("visits").EnumerateArray().Select(Id).Should().Equal(Id(morning), Id(later));
        week.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("visits").EnumerateArray())
            .Where(v => v.GetProperty("workerId").GetString() != "W-CAL").Should().BeEmpty("the worker filter holds for every day");
        allWeek.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == date)
            .GetProperty("visits").EnumerateArray().Select(Id).Should().ContainInOrder(Id(morning), Id(open), Id(later));
        (await provider.GetAsync("/api/units/330411-REHAB-1/rehab-calendar/range?from=2026-06-01&to=2026-06-07")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var bad in new[] { "from=2026-06-08&to=2026-06-01", "from=2026-06-01&to=2026-07-13", "from=2026-06-01", "from=2026-6-1&to=2026-06-07" })
        {
            var refused = await provider.GetAsync($"/api/units/330402-REHAB-1/rehab-calendar/range?{bad}");
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, bad);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("zh").GetString().Should().NotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task Forbidden_moves_get_409_stale_versions_412_and_other_providers_404()
    {
        using var provider = await TicketApi.Staff(system, "330402-REHAB-1");
        using var other = await TicketApi.Staff(system, "330411-REHAB-1");
        var visit = await RequestedAsync(provider);

        var early = await ActAsync(provider, visit, "check-in");
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowedActions").EnumerateArray()
            .Select(a => a.GetString()).Should().Equal("schedule", "cancel", "supervise");
        (await ActAsync(provider, visit, "schedule", new { windowStart = SoonAt(120) }, ifMatch: 5)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await ActAsync(other, visit, "schedule", new { windowStart = SoonAt(120) })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/rehab-visits/{Id(visit)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync("/api/units/330402-REHAB-1/rehab-worklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var worklist = (await provider.GetFromJsonAsync<JsonElement[]>("/api/units/330402-REHAB-1/rehab-worklist"))!;
        worklist.Select(Id).Should().Contain(Id(visit));
    }

    private const string RosterProvider = "330421-REHAB-1";

    private static object Worker(string id, string name, int[]? days = null, string from = "08:00", string to = "18:00",
        string type = "rehabilitation_training", string town = "330421001", bool active = true) => new
    {
        workerId = id, name, phone = "13712340001", serviceTypes = new[] { type }, towns = new[] { town },
        workingDays = days ?? [1, 2, 3, 4, 5, 6, 7], dayStart = from, dayEnd = to, active,
    };

    private static object RosterVisit(DateTimeOffset start, string name) => new
    {
        person = new { name, phone = "13612347000", countyCode = "330421", townCode = "330421001", address = "罗星街道 1 号" },
        serviceType = "rehabilitation_training",
        windowStart = start,
        providerCode = RosterProvider,
    };

    private static async Task<JsonElement> AddWorkerOkAsync(HttpClient client, object worker, string provider = RosterProvider)
    {
        var response = await client.PostAsJsonAsync($"/api/rehab-providers/{provider}/workers", worker);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.StatusCode == HttpStatusCode.Created ? json : throw new InvalidOperationException($"add worker answered {(int)response.StatusCode}: {json}");
    }

    /// <summary>
    /// One worker of each kind a window at 10:00-12:00 on <paramref name="day"/> rules out, two who can take it (one already
    /// booked that afternoon), and one booked for an overlapping window; returns the visit to staff.
    /// </summary>
    private static async Task<JsonElement> RosterWithAVisitAsync(HttpClient staff, string p, DateTimeOffset start)
    {
        var weekday = (int)TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DayOfWeek;
        var isoDay = weekday == 0 ? 7 : weekday;
        await AddWorkerOkAsync(staff, Worker($"{p}-A-ONCE", "甲一"));
        await AddWorkerOkAsync(staff, Worker($"{p}-Z-FREE", "乙二"));
        await AddWorkerOkAsync(staff, Worker($"{p}-BOOKED", "丙三"));
        await AddWorkerOkAsync(staff, Worker($"{p}-LEFT", "丁四", active: false));
        var onLeave = await AddWorkerOkAsync(staff, Worker($"{p}-LEAVE", "戊五"));
        await AddWorkerOkAsync(staff, Worker($"{p}-DAYOFF", "己六", days: [.. Enumerable.Range(1, 7).Where(d => d != isoDay)]));
        await AddWorkerOkAsync(staff, Worker($"{p}-AFTERNOON", "庚七", from: "13:00"));
        await AddWorkerOkAsync(staff, Worker($"{p}-TYPE", "辛八", type: "assessment"));
        await AddWorkerOkAsync(staff, Worker($"{p}-TOWN", "壬九", town: "330421002"));
        var date = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        (await staff.PostAsJsonAsync($"/api/rehab-providers/{RosterProvider}/workers/{onLeave.GetProperty("workerId").GetString()}/leave",
            new { from = date, to = date, reason = "病假" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var overlapping = await RequestedAsync(staff, RosterVisit(start.AddMinutes(60), "占用"));
        await ActOkAsync(staff, overlapping, "assign", new { workerId = $"{p}-BOOKED" });
        var afternoon = await RequestedAsync(staff, RosterVisit(start.AddHours(4), "下午"));
        await ActOkAsync(staff, afternoon, "assign", new { workerId = $"{p}-A-ONCE" });
        return await RequestedAsync(staff, RosterVisit(start, "名册"));
    }

    [Fact]
    public async Task A_providers_staff_keep_its_roster_with_history_the_phone_masked_and_others_read_or_see_nothing()
    {
        const string provider = "330421-REHAB-2";
        using var staff = await TicketApi.Staff(system, provider);
        using var otherStaff = await TicketApi.Staff(system, RosterProvider);
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var url = $"/api/rehab-providers/{provider}/workers";

        var added = await AddWorkerOkAsync(staff, Worker("R-CRUD-1", "陈红", days: [1, 2, 3, 4, 5], from: "08:30", to: "17:30"), provider);
        var bad = await staff.PostAsJsonAsync(url, Worker("R-CRUD-2", "周强", town: "330402007"));
        var duplicate = await staff.PostAsJsonAsync(url, Worker("R-CRUD-1", "陈红"));
        var changed = await staff.PutAsJsonAsync($"{url}/R-CRUD-1", Worker("R-CRUD-1", "陈红", days: [1, 3, 5], active: false));
        var leave = await staff.PostAsJsonAsync($"{url}/R-CRUD-1/leave", new { from = "2027-01-04", to = "2027-01-08", reason = "年假" });
        var leaveId = (await leave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leave")[0].GetProperty("id").GetString();
        var removed = await staff.DeleteAsync($"{url}/R-CRUD-1/leave/{leaveId}");

        added.GetProperty("phone").GetString().Should().Be("137****0001");
        added.GetProperty("dayStart").GetString().Should().StartWith("08:30");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).Should().Equal("towns");
        duplicate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        leave.StatusCode.Should().Be(HttpStatusCode.OK);
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        var roster = (await staff.GetFromJsonAsync<JsonElement[]>(url))!;
        var entry = roster.Should().ContainSingle(w => w.GetProperty("workerId").GetString() == "R-CRUD-1").Which;
        entry.GetProperty("active").GetBoolean().Should().BeFalse();
        entry.GetProperty("workingDays").EnumerateArray().Select(d => d.GetInt32()).Should().Equal(1, 3, 5);
        entry.GetProperty("leave").GetArrayLength().Should().Be(0);
        roster.Should().NotContain(w => w.GetProperty("workerId").GetString() == "R-CRUD-2", "a refused entry changes nothing");
        var history = (await staff.GetFromJsonAsync<JsonElement[]>($"{url}/history?worker=R-CRUD-1"))!;
        history.Select(h => h.GetProperty("action").GetString()).Should().Equal("leave_removed", "leave_added", "changed", "added");
        history.Should().OnlyContain(h => h.GetProperty("changedBy").GetString()!.Length > 0);
        history.Should().NotContain(h => h.GetProperty("summary").GetString()!.Contains("13712340001"), "the history never holds the phone");

        (await supervisor.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await supervisor.PostAsJsonAsync(url, Worker("R-CRUD-3", "吴刚"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherStaff.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherStaff.PutAsJsonAsync($"{url}/R-CRUD-1", Worker("R-CRUD-1", "改名"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetAsync("/api/rehab-providers/330402-REHAB-1/workers")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetFromJsonAsync<JsonElement[]>(url))!.Single(w => w.GetProperty("workerId").GetString() == "R-CRUD-1")
            .GetProperty("name").GetString().Should().Be("陈红", "another provider's staff changed nothing");
    }

    [Fact]
    public async Task The_free_list_offers_only_workers_who_can_take_the_window_least_booked_first()
    {
        using var staff = await TicketApi.Staff(system, RosterProvider);
        var visit = await RosterWithAVisitAsync(staff, "F", LocalDayAt(9, 10));

        var free = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/rehab-providers/{RosterProvider}/workers/free?visit={Id(visit)}"))!;

        free.Select(w => w.GetProperty("workerId").GetString()).Where(id => id!.StartsWith("F-", StringComparison.Ordinal))
            .Should().Equal(["F-Z-FREE", "F-A-ONCE"], "the booked, left, on-leave, day-off, afternoon, other-type and other-town workers cannot take it");
        free.Single(w => w.GetProperty("workerId").GetString() == "F-A-ONCE").GetProperty("bookedThisWeek").GetInt32().Should().Be(1);
        (await staff.GetAsync($"/api/rehab-providers/{RosterProvider}/workers/free?from=2027-01-04T10:00:00%2B08:00")).StatusCode
            .Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Each_impossible_assignment_is_refused_with_its_reason_and_changes_nothing_and_a_free_worker_is_booked()
    {
        using var staff = await TicketApi.Staff(system, RosterProvider);
        var visit = await RosterWithAVisitAsync(staff, "X", LocalDayAt(10, 10));
        var cases = new Dictionary<string, string>
        {
            ["X-NOBODY"] = "worker_not_on_roster", ["X-LEFT"] = "worker_left", ["X-LEAVE"] = "worker_on_leave",
            ["X-DAYOFF"] = "worker_not_working_day", ["X-AFTERNOON"] = "worker_outside_hours", ["X-TYPE"] = "worker_lacks_service_type",
            ["X-TOWN"] = "worker_outside_towns", ["X-BOOKED"] = "worker_double_booked",
        };

        foreach (var (worker, code) in cases)
        {
            var refused = await ActAsync(staff, visit, "assign", new { workerId = worker, workerName = "某人" });
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict, worker);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("code").GetString().Should().Be(code);
            problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain(worker);
            problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain(worker);
        }
        var unchanged = await staff.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{Id(visit)}");
        Status(unchanged).Should().Be("scheduled");
        unchanged.GetProperty("version").GetInt32().Should().Be(visit.GetProperty("version").GetInt32());

        var booked = await ActOkAsync(staff, visit, "assign", new { workerId = "X-Z-FREE", workerName = "随便填" });
        Status(booked).Should().Be("assigned");
        booked.GetProperty("workerName").GetString().Should().Be("乙二", "the roster's name is the worker's name");
        var late = await ActAsync(staff, booked, "reschedule", new { windowStart = LocalDayAt(10, 17), reason = "家属要求改到傍晚" });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("worker_outside_hours");
        (await staff.GetFromJsonAsync<JsonElement>($"/api/rehab-visits/{Id(visit)}")).GetProperty("windowStart").GetDateTimeOffset()
            .Should().Be(booked.GetProperty("windowStart").GetDateTimeOffset());
    }
}
