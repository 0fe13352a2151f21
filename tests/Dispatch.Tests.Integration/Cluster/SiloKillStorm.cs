using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tickets;
using Dispatch.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>One answer the web app gave during the storm.</summary>
public sealed record StormAnswer(string Kind, int Status, TimeSpan Took, TimeSpan? RetryAfter, string Body, string? TicketId)
{
    public static async Task<StormAnswer> ReadAsync(string kind, Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        string? id = null;
        if (response.IsSuccessStatusCode && body.StartsWith('{'))
        {
            id = JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
        }
        return new StormAnswer(kind, (int)response.StatusCode, watch.Elapsed, response.Headers.RetryAfter?.Delta, body, id);
    }
}

/// <summary>
/// Two silos, one web app, tickets whose activations live on the victim silo; the victim is killed (TwoSiloSystem)
/// while an operator keeps reading those tickets, registering new ones under keys and dispatching with If-Match, until
/// every victim ticket answers from the survivor. The answers are kept for the tests to judge, the figures printed.
/// </summary>
public sealed class SiloKillStorm : IAsyncLifetime
{
    /// <summary>Every keyed intake of the storm is this one, so that a repeat under a key is the same content.</summary>
    private static readonly object StormIntake = TicketApi.Intake(phone: "13812340000");

    public const string Get = "GET ticket", KeyedIntake = "POST intake with key", IfMatchAction = "POST dispatch with If-Match";
    private const int VictimTickets = 6, Workers = 4;
    private static readonly TimeSpan StormDeadline = TimeSpan.FromSeconds(120);

    private readonly TwoSiloSystem system = new();
    private readonly ConcurrentQueue<StormAnswer> answers = new();
    private readonly ConcurrentDictionary<string, string> intakeIds = new();

    /// <summary>Every answer to an idempotent request from the kill to the end of the storm.</summary>
    public IReadOnlyList<StormAnswer> Answers => [.. answers];

    /// <summary>The intake keys sent during the storm, with the ticket id each was first answered with.</summary>
    public IReadOnlyDictionary<string, string> IntakeIds => intakeIds;

    /// <summary>A dispatch without If-Match to a victim ticket, sent right after the kill: not idempotent, never retried.</summary>
    public StormAnswer Unguarded { get; private set; } = null!;

    /// <summary>A victim ticket's intake sent again with its key right after the kill, and its first answer's id.</summary>
    public StormAnswer RepeatedIntake { get; private set; } = null!;

    public string RepeatedIntakeFirstId { get; private set; } = "";

    /// <summary>The storm's intakes sent once more after it, each with its key.</summary>
    public IReadOnlyList<StormAnswer> Replays { get; private set; } = [];

    public FailoverMetrics Metrics => system.Web.Services.GetRequiredService<FailoverMetrics>();

    public async Task InitializeAsync()
    {
        await system.InitializeAsync();
        using var op = await system.Web.SignInAsync("operator@jx12385.test");
        var onVictim = await TicketsOnVictimAsync(op);

        system.KillVictim();
        var sinceKill = Stopwatch.StartNew();
        // All at once after the kill, before the survivor has declared the victim dead.
        var unguarded = StormAnswer.ReadAsync("POST dispatch without If-Match",
            () => TicketApi.ActAsync(op, onVictim[0].Ticket, TicketActions.Dispatch, DispatchBody));
        RepeatedIntakeFirstId = TicketApi.Id(onVictim[1].Ticket);
        var repeated = StormAnswer.ReadAsync(KeyedIntake, () => TicketApi.RegisterAsync(op, StormIntake, onVictim[1].Key));

        var toAct = new ConcurrentQueue<JsonElement>(onVictim.Skip(1).Select(t => t.Ticket));
        var servedAgain = new ConcurrentDictionary<string, bool>();
        var victims = onVictim.Select(t => t.Ticket).ToArray();
        TimeSpan? failedOverAfter = null;
        var workers = Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var afterFailover = 0;
            for (var round = worker; afterFailover < 3 && sinceKill.Elapsed < StormDeadline; round++)
            {
                var ticket = victims[round % victims.Length];
                var get = await StormAnswer.ReadAsync(Get, () => op.GetAsync($"/api/tickets/{TicketApi.Id(ticket)}"));
                answers.Enqueue(get);
                if (get.Status == 200 && servedAgain.TryAdd(TicketApi.Id(ticket), true) && servedAgain.Count == victims.Length)
                {
                    failedOverAfter = sinceKill.Elapsed;
                }
                var key = Guid.NewGuid().ToString();
                var intake = await StormAnswer.ReadAsync(KeyedIntake, () => TicketApi.RegisterAsync(op, StormIntake, key));
                answers.Enqueue(intake);
                if (intake.TicketId is { } id)
                {
                    intakeIds[key] = id;
                }
                if (toAct.TryDequeue(out var target))
                {
                    answers.Enqueue(await StormAnswer.ReadAsync(IfMatchAction,
                        () => TicketApi.ActAsync(op, target, TicketActions.Dispatch, DispatchBody, TicketApi.Version(target))));
                }
                if (failedOverAfter is not null)
                {
                    afterFailover++;
                }
            }
        })));
        Unguarded = await unguarded;
        RepeatedIntake = await repeated;
        await workers;
        var stormTook = sinceKill.Elapsed;
        Replays = await Task.WhenAll(intakeIds.Keys.Select(key =>
            StormAnswer.ReadAsync("replayed intake", () => TicketApi.RegisterAsync(op, StormIntake, key))));
        Print(failedOverAfter, stormTook);
    }

    private static object DispatchBody => new { unitCode = "330402-CENTRE" };

    /// <summary>Registers tickets until enough of them are active on the victim silo.</summary>
    private async Task<List<(string Key, JsonElement Ticket)>> TicketsOnVictimAsync(HttpClient op)
    {
        var cluster = system.Web.Services.GetRequiredService<IClusterClient>();
        var management = cluster.GetGrain<IManagementGrain>(0);
        var found = new List<(string Key, JsonElement Ticket)>();
        await Eventually.Get(async () =>
        {
            var key = Guid.NewGuid().ToString();
            using var response = await TicketApi.RegisterAsync(op, StormIntake, key);
            response.EnsureSuccessStatusCode();
            var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
            var silo = await management.GetActivationAddress(cluster.GetGrain<ITicketGrain>(Guid.Parse(TicketApi.Id(ticket))));
            if (silo?.Endpoint.Port == system.VictimSiloPort)
            {
                found.Add((key, ticket));
            }
            return found.Count;
        }, count => count >= VictimTickets, TimeSpan.FromSeconds(60), $"{VictimTickets} tickets active on the victim silo");
        return found;
    }

    private void Print(TimeSpan? failedOverAfter, TimeSpan stormTook)
    {
        var all = Answers;
        Console.WriteLine($"[figure] silo kill: victim reset at t=0; every victim ticket answered again after {failedOverAfter?.TotalSeconds:0.0} s; storm {stormTook.TotalSeconds:0.0} s");
        foreach (var kind in all.GroupBy(a => a.Kind))
        {
            var statuses = string.Join(", ", kind.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
            Console.WriteLine($"[figure] {kind.Key}: {kind.Count()} requests ({statuses}); slowest {kind.Max(a => a.Took).TotalSeconds:0.0} s");
        }
        Console.WriteLine($"[figure] repeated intake with the key of a victim ticket: {RepeatedIntake.Status} in {RepeatedIntake.Took.TotalSeconds:0.0} s, same id: {RepeatedIntake.TicketId == RepeatedIntakeFirstId}");
        Console.WriteLine($"[figure] dispatch without If-Match right after the kill: {Unguarded.Status} in {Unguarded.Took.TotalSeconds:0.0} s, Retry-After {Unguarded.RetryAfter?.TotalSeconds}");
        Console.WriteLine($"[figure] replayed storm intakes: {Replays.Count} ({string.Join(", ", Replays.GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()}"))})");
        Console.WriteLine($"[figure] web failover retry: {Metrics.Retries} retries, {Metrics.Recovered} requests answered by a retry, {Metrics.Exhausted} gave up, {Metrics.NotIdempotent} not idempotent (503)");
    }

    public Task DisposeAsync() => system.DisposeAsync();
}
