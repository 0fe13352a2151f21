using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Tests.Resilience.Load;

/// <summary>
/// Steady load as operators make it: each worker registers a ticket with its own Idempotency-Key, dispatches it with
/// If-Match (automatic routing) and reads it back, paced, spread over the web apps. A request without an answer or
/// answered 503 is repeated the way a careful client repeats it (the same key, the same If-Match, through the next web
/// app) until it is answered or <see cref="GiveUpAfter"/> passes; every request and every acknowledgement goes to the
/// <see cref="Ledger"/>.
/// </summary>
public sealed class TicketLoad : IAsyncDisposable
{
    /// <summary>How long one operation is retried before the worker gives up on it.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    /// <summary>Longer than an Orleans call's 30 s response timeout, so what the web app answers then is seen, not the client's own timeout.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(300);
    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];
    private readonly IReadOnlyList<HttpClient> clients;
    private readonly CancellationTokenSource stopping = new();
    private readonly TimeSpan pace;
    private readonly List<Task> workers = [];

    private TicketLoad(IReadOnlyList<Uri> webs, LoadLedger ledger, TimeSpan pace)
    {
        clients = [.. webs.Select(web => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = web,
            Timeout = RequestTimeout,
        })];
        Ledger = ledger;
        this.pace = pace;
    }

    public LoadLedger Ledger { get; }

    /// <summary>Starts <paramref name="workerCount"/> workers, worker n at home on web app n mod the number of web apps.</summary>
    /// <param name="pace">Each worker starts one ticket per <paramref name="pace"/> at most.</param>
    public static TicketLoad Start(IReadOnlyList<Uri> webs, LoadLedger ledger, int workerCount, TimeSpan pace)
    {
        var load = new TicketLoad(webs, ledger, pace);
        for (var n = 0; n < workerCount; n++)
        {
            var worker = n;
            load.workers.Add(Task.Run(() => load.WorkAsync(worker)));
        }
        return load;
    }

    /// <summary>Lets every worker finish the ticket it is on (retrying as usual), then returns.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(workers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await StopAsync();
        }
        foreach (var client in clients)
        {
            client.Dispose();
        }
        stopping.Dispose();
    }

    private async Task WorkAsync(int worker)
    {
        var operatorSession = new Session(this, worker);
        using var timer = new PeriodicTimer(pace);
        var n = 0;
        while (!stopping.IsCancellationRequested)
        {
            await operatorSession.OneTicketAsync(worker * 1_000_000 + n++);
            try
            {
                await timer.WaitForNextTickAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One worker signed in as the demo operator; it sends each request through its home web app first.</summary>
    private sealed class Session(TicketLoad load, int worker)
    {
        private string? token;

        private LoadLedger Ledger => load.Ledger;

        public async Task OneTicketAsync(int n)
        {
            var registered = await RegisterAsync(n);
            if (registered is not { } ticket)
            {
                return;
            }
            var dispatched = await DispatchAsync(ticket.Id, ticket.Version);
            if (dispatched is { } version)
            {
                await ReadAsync(ticket.Id, version);
            }
        }

        private async Task<(Guid Id, int Version)?> RegisterAsync(int n)
        {
            var key = Guid.NewGuid().ToString();
            Ledger.KeyTried();
            var body = new
            {
                channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = "韧性测试来电人",
                callerPhone = "139" + (10_000_000 + n % 89_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                countyCode = Counties[n % Counties.Length], content = $"韧性测试工单 {n}：来电反映残疾人护理补贴尚未发放，请核实处理。",
            };
            var outcome = await RepeatAsync("register", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            });
            if (outcome?.Succeeded(Ledger) is not { } json)
            {
                return null;
            }
            var id = json.GetProperty("id").GetGuid();
            var version = json.GetProperty("version").GetInt32();
            Ledger.Acknowledged(new AcknowledgedRegistration(key, id, json.GetProperty("number").GetString()!, version));
            return (id, version);
        }

        private async Task<int?> DispatchAsync(Guid id, int version)
        {
            var outcome = await RepeatAsync("dispatch", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/dispatch") { Content = JsonContent.Create(new { }) };
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
                return request;
            });
            // This worker is the ticket's only writer, so a stale version can only be its own dispatch done already: by
            // an earlier send whose answer was lost here, or by the first attempt of a send the web app repeated on
            // another silo after the silo that committed it died before answering.
            if (outcome is { Status: (int)HttpStatusCode.PreconditionFailed })
            {
                return await DoneAlreadyAsync(id, version);
            }
            if (outcome?.Succeeded(Ledger) is not { } json)
            {
                return null;
            }
            var dispatched = json.GetProperty("version").GetInt32();
            Ledger.Acknowledged(new AcknowledgedAction(id, "dispatched", dispatched));
            return dispatched;
        }

        private async Task ReadAsync(Guid id, int version)
        {
            var outcome = await RepeatAsync("read", () => new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{id}"));
            if (outcome?.Succeeded(Ledger) is { } json && json.GetProperty("version").GetInt32() < version)
            {
                Ledger.Unexplained($"read of {id} answered version {json.GetProperty("version").GetInt32()} after {version} was acknowledged");
            }
        }

        /// <summary>A dispatch repeated after a lost answer (here or in the web app) meets 412 when it was done after all: a read tells.</summary>
        private async Task<int?> DoneAlreadyAsync(Guid id, int version)
        {
            var read = await RepeatAsync("read", () => new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{id}"));
            if (read?.Succeeded(Ledger) is { } json && json.GetProperty("version").GetInt32() > version
                && json.GetProperty("status").GetString() == "dispatched")
            {
                Ledger.DoneAsRead();
                return json.GetProperty("version").GetInt32();
            }
            Ledger.Unexplained($"dispatch of {id} met 412 on a repeat, but the ticket was not dispatched");
            return null;
        }

        /// <summary>
        /// Sends the request until it gets an answer other than 503 (or 401: the worker signs in again), or null when it
        /// is given up after <see cref="GiveUpAfter"/>.
        /// </summary>
        private async Task<Outcome?> RepeatAsync(string operation, Func<HttpRequestMessage> build)
        {
            var started = Stopwatch.StartNew();
            var lost = false;
            // Every operation starts at the worker's home web app; each repeat goes through the next one.
            for (var attempt = 0; ; attempt++)
            {
                var (status, json) = await SendAsync(operation, (worker + attempt) % load.clients.Count, build);
                if (status is not (0 or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.Unauthorized))
                {
                    return new Outcome(operation, status, json, lost);
                }
                if (status == (int)HttpStatusCode.Unauthorized)
                {
                    token = null;
                }
                else
                {
                    lost = true;
                }
                if (started.Elapsed > GiveUpAfter)
                {
                    Ledger.GaveUp();
                    return null;
                }
                await Task.Delay(RetryPause, TimeProvider.System);
            }
        }

        private async Task<(int Status, JsonElement? Json)> SendAsync(string operation, int web, Func<HttpRequestMessage> build)
        {
            var client = load.clients[web];
            if (token is null && !await SignInAsync(web))
            {
                return ((int)HttpStatusCode.Unauthorized, null);
            }
            var took = Stopwatch.StartNew();
            var at = Ledger.Now;
            try
            {
                using var request = build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Ledger.Record(new Attempt(at, web, operation, (int)response.StatusCode, took.Elapsed));
                JsonElement? json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                    ? JsonDocument.Parse(text).RootElement.Clone()
                    : null;
                return ((int)response.StatusCode, json);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                Ledger.Record(new Attempt(at, web, operation, 0, took.Elapsed));
                return (0, null);
            }
        }

        /// <summary>Signs the worker in as the demo operator; false while it cannot (it is tried again on the next request).</summary>
        private async Task<bool> SignInAsync(int web)
        {
            var took = Stopwatch.StartNew();
            var at = Ledger.Now;
            try
            {
                using var response = await load.clients[web].PostAsJsonAsync("/api/auth/login", new { email = "operator@jx12385.test", password = "Demo#12385" });
                Ledger.Record(new Attempt(at, web, "sign-in", (int)response.StatusCode, took.Elapsed));
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }
                token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                return true;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                Ledger.Record(new Attempt(at, web, "sign-in", 0, took.Elapsed));
                return false;
            }
        }
    }

    /// <summary>The answer an operation ended with; <see cref="AfterLostAnswer"/> when an earlier attempt got none or 503.</summary>
    private sealed record Outcome(string Operation, int Status, JsonElement? Json, bool AfterLostAnswer)
    {
        /// <summary>The answer's body on success; otherwise the ledger hears of it and this is null.</summary>
        public JsonElement? Succeeded(LoadLedger ledger)
        {
            if (Status is >= 200 and < 300 && Json is not null)
            {
                return Json;
            }
            ledger.Unexplained($"{Operation} answered {Status}{(AfterLostAnswer ? " on a repeat" : "")}: {Json}");
            return null;
        }
    }
}
