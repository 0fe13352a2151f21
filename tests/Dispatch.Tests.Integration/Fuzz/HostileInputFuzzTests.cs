using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.LegalAid;
using Dispatch.Tests.Integration.Live;
using Dispatch.Tests.Integration.Rehab;
using Dispatch.Tests.Integration.Stats;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Fuzz;

/// <summary>
/// Seeded fuzzing of every documented operation (intake, every item action, lists and search, administration) and of
/// the hub's Join and Leave, as every role: no request may answer 5xx, a refused request may change nothing stored,
/// and afterwards the kept measures still equal an independent SQL count. The seed is printed; set FUZZ_SEED to replay.
/// </summary>
public sealed class HostileInputFuzzTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private const int HttpCases = 3000;
    private const int HubCases = 400;

    private static readonly string[] Users =
    [
        "operator@jx12385.test", "staff.330402-centre@jx12385.test", "head.330402-centre@jx12385.test", "staff.330402-legal@jx12385.test",
        "staff.330402-rehab-1@jx12385.test", "supervisor.330402@jx12385.test", "supervisor@jx12385.test", "admin@jx12385.test",
    ];

    /// <summary>
    /// Sign-in, sign-out and the stats rebuild are not input the fuzzer should drive (they are tested on their own); the
    /// Open311 routes are (their form is fuzzed field by field in Open311HostileFormTests).
    /// </summary>
    private static bool Fuzzed(ApiOperation operation) =>
        (operation.Path.StartsWith("/api/", StringComparison.Ordinal) || operation.Path.StartsWith("/open311/", StringComparison.Ordinal))
        && !operation.Path.StartsWith("/api/auth/", StringComparison.Ordinal) && operation.Path != "/api/stats/rebuild";

    [Fact]
    public async Task Thousands_of_hostile_requests_answer_4xx_or_success_never_5xx_and_a_refusal_changes_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 12385;
        var random = new Random(seed);
        var clients = new List<HttpClient>();
        foreach (var user in Users)
        {
            clients.Add(await system.SignInAsync(user));
        }
        var itemIds = await SeedItemsAsync(clients[0], clients[1]);
        var document = await system.Web.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var api = new ApiOperations(document);
        var operations = api.All.Where(Fuzzed).ToList();
        operations.Should().Contain(o => o.Path == "/api/tickets/{id}/extension-requests", "the document lists every action");
        var maker = new RequestMaker(api, random, itemIds);
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);

        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var before = await FingerprintAsync(database);
        for (var i = 0; i < HttpCases; i++)
        {
            var operation = operations[random.Next(operations.Count)];
            var client = clients[random.Next(clients.Count)];
            using var request = maker.Make(operation, out var description);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var after = await FingerprintAsync(database);
            if (status >= 500)
            {
                failures.Add($"#{i} {status}: {description}");
            }
            else if (status >= 400)
            {
                if (after != before)
                {
                    failures.Add($"#{i} {status} changed stored data ({before} -> {after}): {description}");
                }
                await ProblemShapeAsync(response, description, failures);
            }
            before = after;
        }
        output.WriteLine($"[figure] fuzz seed {seed}: {HttpCases} HTTP cases over {operations.Count} operations as {Users.Length} users; " +
            $"statuses {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}");
        foreach (var failure in failures.Take(60))
        {
            output.WriteLine(failure);
        }
        failures.Should().BeEmpty("no hostile request may fail the server or change what is stored (seed {0})", seed);
        statuses.Keys.Should().Contain(k => k >= 200 && k < 300, "plausible requests get through, so the rules behind the edge were reached");
        statuses.Keys.Should().Contain(400);

        (await MeasuresSql.CompareAsync(system.ConnectionString)).Should().BeEmpty("the kept measures still equal the SQL count");
    }

    [Fact]
    public async Task Hostile_hub_arguments_are_refused_one_by_one_and_the_connection_stays_usable()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 12385;
        var random = new Random(seed);
        var token = await LiveSystem.TokenAsync(system.Web, "supervisor.330402@jx12385.test");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(system.Web.Address, "/hubs/supervision"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        // The last value (70,000 characters) is over the hub's 32 KB frame limit, where SignalR closes the connection by design.
        var values = HostileValues.Strings[..^1];
        var refused = 0;
        for (var i = 0; i < HubCases; i++)
        {
            var method = random.Next(4) == 0 ? "Leave" : "Join";
            object? argument = random.Next(10) switch
            {
                0 => null,
                1 => random.Next(),
                2 => "county:" + HostileValues.Pick(random, values),
                3 => "unit:" + HostileValues.Pick(random, values),
                _ => HostileValues.Pick(random, values),
            };
            try
            {
                await connection.InvokeAsync(method, argument);
            }
            catch (HubException)
            {
                refused++;
            }
            connection.State.Should().Be(HubConnectionState.Connected, "case {0} ({1} {2}) must not break the connection", i, method,
                argument is string text ? string.Concat(text.Take(40).Select(c => $"\\u{(int)c:x4}")) : argument);
        }
        output.WriteLine($"[figure] hub fuzz seed {seed}: {HubCases} Join/Leave cases, {refused} refused, connection kept");
        refused.Should().BeGreaterThan(HubCases / 2);
        var snapshot = new TaskCompletionSource<JsonElement>();
        connection.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        await connection.InvokeAsync("Join", "county:330402");
        (await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(30))).ValueKind.Should().Be(JsonValueKind.Object);
    }

    /// <summary>Items in several states for the actions to work on: tickets, a legal-aid case and a rehabilitation visit.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> SeedItemsAsync(HttpClient op, HttpClient staff)
    {
        var tickets = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: i == 3 ? "petition" : "help"));
            if (i > 0)
            {
                await TicketApi.ActOkAsync(op, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
            }
            if (i == 2)
            {
                await TicketApi.ActOkAsync(staff, ticket, "sign");
            }
            tickets.Add(TicketApi.Id(ticket));
        }
        var legalAid = await CaseApi.OpenedAsync(op);
        var visit = await VisitApi.RequestedAsync(op);
        return new()
        {
            ["tickets"] = tickets,
            ["legal-aid-cases"] = [CaseApi.Id(legalAid)],
            ["rehab-visits"] = [VisitApi.Id(visit)],
        };
    }

    /// <summary>
    /// What a refused request must leave as it was: every event a person's request wrote (the platform's own clock
    /// events may land at any time), the items, the calendars, the rule versions, the units and the routing rules.
    /// </summary>
    private static async Task<string> FingerprintAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("""
            select concat_ws('|',
                (select count(*) from domain_events where actor_role <> 'system'),
                (select count(*) from tickets), (select count(*) from legal_aid_cases), (select count(*) from rehab_visits),
                (select count(*) from calendar_changes), (select count(*) from sla_rule_versions),
                (select md5(coalesce(string_agg(u::text, ',' order by u.code), '')) from units u),
                (select md5(coalesce(string_agg(r::text, ',' order by r.id), '')) from routing_rules r))
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The HTTP server refuses some requests before the application sees them, with an empty answer: a request line over
    /// 8 KB (414), headers too large (431), a NUL in the decoded path (400). Those are transport-level refusals.
    /// </summary>
    private static bool KestrelRefusal(HttpResponseMessage response) =>
        response.Content.Headers.ContentLength == 0 && (response.StatusCode is HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge
            || (response.StatusCode == HttpStatusCode.BadRequest && response.RequestMessage!.RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal)));

    /// <summary>
    /// Every refusal is problem details with both languages (429 and 413 included), never an empty or HTML answer; an
    /// Open311 route answers the specification's error list instead (Open311Errors).
    /// </summary>
    private static async Task ProblemShapeAsync(HttpResponseMessage response, string description, List<string> failures)
    {
        if (KestrelRefusal(response))
        {
            return;
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        var uri = response.RequestMessage!.RequestUri!;
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        if (path.StartsWith("/open311/", StringComparison.Ordinal) && type != "application/problem+json")
        {
            if (!await Open311.Open311Errors.IsErrorListAsync(response))
            {
                failures.Add($"{(int)response.StatusCode} answered {type ?? "no content type"}, not an Open311 error list: {description}");
            }
            return;
        }
        if (type != "application/problem+json")
        {
            failures.Add($"{(int)response.StatusCode} answered {type ?? "no content type"}, not problem details: {description}");
            return;
        }
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!problem.TryGetProperty("zh", out _) || !problem.TryGetProperty("en", out _))
        {
            failures.Add($"{(int)response.StatusCode} problem without zh and en: {description}");
        }
    }
}
