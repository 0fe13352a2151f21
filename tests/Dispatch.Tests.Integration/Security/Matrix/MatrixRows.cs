using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Calendar;
using Dispatch.Tests.Integration.Tickets;
using static Dispatch.Tests.Integration.Security.Matrix.Principal;

namespace Dispatch.Tests.Integration.Security.Matrix;

/// <summary>
/// One row of the matrix: an operation of the API and, for every principal, the one status it must answer. The request
/// is made per cell; <c>succeeds</c> tells the maker the cell expects success, so it brings a fresh item in the right
/// state (the refused cells of a row share one).
/// </summary>
/// <param name="Listed">For a list: whether the principal must find the row's probe item in the answer.</param>
public sealed record Row(string Method, string Path, Func<Principal, int> Expected,
    Func<MatrixWorld, Principal, bool, Task<HttpRequestMessage>> Make, Func<Principal, bool>? Listed = null, Func<MatrixWorld, Task<string>>? ProbeId = null)
{
    /// <summary>The cell runs in a fresh session of the principal (signing out, changing the password), not the shared one.</summary>
    public bool OwnSession { get; init; }

    public string Operation => $"{Method} {Path}";
}

/// <summary>
/// The authorization policy of every operation, written out as rules over principals. The item actions follow the gate
/// every item passes: an item outside the user's scope does not exist (404), a role that may not act is refused (403).
/// </summary>
public static class MatrixRows
{
    /// <summary>Anyone signed in; anonymous callers 401.</summary>
    private static int AnySigned(Principal p, int success = 200) => p.Anonymous ? 401 : success;

    /// <summary>A role rule without scope: allowed, or 403.</summary>
    private static int Role(Principal p, bool allowed, int success = 200) => p.Anonymous ? 401 : allowed ? success : 403;

    /// <summary>The item gate: 401 anonymous, 404 outside the scope, 403 for a role that may not act, else success.</summary>
    private static int Gate(Principal p, bool visible, bool allowed, int success = 200) =>
        p.Anonymous ? 401 : !visible ? 404 : allowed ? success : 403;

    public static IReadOnlyList<Row> All() =>
    [
        .. Public(), .. Account(), .. UserAdministration(), .. Tickets(), .. TicketLists(), .. Cases(), .. Visits(), .. Roster(), .. Reference(),
        .. CalendarsAndRules(), .. Stats(), .. Open311(), .. ItemWork(),
    ];

    private static HttpRequestMessage Request(string method, string url, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null || method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(body ?? new { });
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return request;
    }

    private static Row Simple(string method, string path, Func<Principal, int> expected, Func<MatrixWorld, object?>? body = null, string? url = null) =>
        new(method, path, expected, (w, _, _) => Task.FromResult(Request(method, url ?? path, body?.Invoke(w))));

    private static IEnumerable<Row> Public() =>
    [
        Simple("GET", "/health/live", _ => 200),
        Simple("GET", "/health/ready", _ => 200),
    ];

    /// <summary>Sign-in, tokens and the user's own account: every signed-in role alike.</summary>
    private static IEnumerable<Row> Account() =>
    [
        new("POST", "/api/auth/login", p => p.Anonymous ? 401 : 200, (w, p, _) => Task.FromResult(Request("POST", "/api/auth/login",
            new { email = p.Email ?? "nobody@jx12385.test", password = "Demo#12385" }))),
        new("POST", "/api/auth/refresh", p => p.Anonymous ? 401 : 200, async (w, p, _) =>
        {
            var refresh = p.Anonymous ? "not-a-refresh-token" : (await w.SessionAsync(p)).RefreshToken;
            return Request("POST", "/api/auth/refresh", new { refreshToken = refresh });
        }),
        Simple("GET", "/api/auth/me", p => AnySigned(p)),
        // The UI's start-up probe: 200 signed in or not, so a signed-out page logs no failed request.
        Simple("GET", "/api/auth/session", _ => 200),
        Simple("GET", "/api/auth/antiforgery", p => AnySigned(p)),
        Simple("GET", "/api/auth/2fa", p => AnySigned(p)),
    ];

    private static IEnumerable<Row> UserAdministration()
    {
        static Row OnUser(string method, string suffix, bool disabled = false, Func<object?>? body = null) =>
            new(method, "/api/admin/users/{id}" + suffix, p => Role(p, p.IsAdmin), async (w, _, succeeds) =>
            {
                var id = succeeds ? await w.UserAsync(disabled) : await w.SharedAsync("user" + suffix + disabled, () => w.UserAsync(disabled));
                return Request(method, $"/api/admin/users/{id}{suffix}", body?.Invoke());
            });
        return
        [
            Simple("GET", "/api/admin/users", p => Role(p, p.IsAdmin), url: "/api/admin/users?q=matrix"),
            new("POST", "/api/admin/users", p => Role(p, p.IsAdmin, 201), (w, _, _) => Task.FromResult(Request("POST", "/api/admin/users",
                new { email = w.Unique("matrix.new.") + "@example.org", displayName = "矩阵新用户", role = "unit_staff", unitCode = Centre }))),
            OnUser("GET", ""),
            OnUser("POST", "/disable"),
            OnUser("POST", "/enable", disabled: true),
            OnUser("PUT", "/role", body: () => new { role = "supervisor", areaCode = County }),
            OnUser("POST", "/reset-password"),
            OnUser("GET", "/history"),
            // The target has no second factor, so the administrator passes the role check and reaches the rule behind it.
            new("POST", "/api/admin/users/{id}/reset-two-factor", p => Role(p, p.IsAdmin, 409), async (w, _, _) =>
                Request("POST", $"/api/admin/users/{await w.SharedAsync("user-2fa", () => w.UserAsync())}/reset-two-factor")),
        ];
    }

    // ---- Tickets ------------------------------------------------------------------------------------------------

    private static Row OnTicket(string method, string suffix, TicketAt state, Func<Principal, bool> allowed,
        Func<MatrixWorld, JsonElement, Task<object?>>? body = null, int success = 200)
    {
        var unit = state == TicketAt.Registered ? null : Centre;
        return new(method, "/api/tickets/{id}" + suffix, p => Gate(p, p.Sees(County, unit), allowed(p), success), async (w, _, succeeds) =>
        {
            var ticket = succeeds ? await w.TicketAsync(state) : await w.SharedAsync("ticket" + suffix + state, () => w.TicketAsync(state));
            return Request(method, $"/api/tickets/{TicketApi.Id(ticket)}{suffix}", body is null ? null : await body(w, ticket));
        });
    }

    private static Func<MatrixWorld, JsonElement, Task<object?>> Body(object value) => (_, _) => Task.FromResult<object?>(value);

    private static IEnumerable<Row> Tickets()
    {
        static bool Everyone(Principal p) => true;
        static bool Dispatcher(Principal p) => p.IsDispatcher;
        static bool HandlingUnit(Principal p) => p.Works(Centre);
        static bool Supervisor(Principal p) => p.Supervises(County);
        return
        [
            new("POST", "/api/tickets", p => Role(p, p.IsDispatcher, 201), (w, _, _) =>
                Task.FromResult(Request("POST", "/api/tickets", TicketApi.Intake(), w.Unique("intake-")))),
            OnTicket("GET", "", TicketAt.Dispatched, Everyone),
            OnTicket("GET", "/history", TicketAt.Dispatched, Everyone),
            OnTicket("POST", "/reveal", TicketAt.Dispatched, p => p.Reveals(Centre), Body(new { field = "callerPhone", purpose = "callback" })),
            OnTicket("POST", "/answer", TicketAt.Registered, Dispatcher, Body(new { reply = "已当场答复：护理补贴每月 15 日前发放。" })),
            OnTicket("POST", "/dispatch", TicketAt.Registered, Dispatcher, Body(new { unitCode = Centre })),
            OnTicket("POST", "/sign", TicketAt.Dispatched, HandlingUnit),
            OnTicket("POST", "/return", TicketAt.Dispatched, HandlingUnit, Body(new { reasonCode = "not_our_responsibility", note = "属民政部门职责" })),
            OnTicket("POST", "/transfer", TicketAt.Signed, p => HandlingUnit(p) || Dispatcher(p), Body(new { unitCode = "330411-CENTRE", note = "属秀洲区" })),
            OnTicket("POST", "/suspend", TicketAt.Signed, HandlingUnit, Body(new { reasonCode = "awaiting_citizen_documents", note = "等待材料" })),
            OnTicket("POST", "/resume", TicketAt.Suspended, p => HandlingUnit(p) || Dispatcher(p), Body(new { note = "材料已收到" })),
            OnTicket("POST", "/extension-requests", TicketAt.Signed, HandlingUnit,
                Body(new { amount = 3, unit = "working_days", reason = "需等待区民政局出具意见" })),
            OnTicket("POST", "/extension-decisions", TicketAt.ExtensionAsked, Supervisor, Body(new { approved = true, note = "同意延期" })),
            OnTicket("POST", "/resolve", TicketAt.Signed, HandlingUnit, Body(new { reply = "已协调街道核实，补贴已于本周发放。" })),
            OnTicket("POST", "/callback", TicketAt.Resolved, Dispatcher, Body(new { reached = true, satisfaction = "satisfied" })),
            OnTicket("POST", "/reopen", TicketAt.Unsatisfied, Dispatcher, Body(new { note = "来电人不满意，重新办理" })),
            OnTicket("POST", "/close", TicketAt.CalledBack, Dispatcher, Body(new { note = "回访满意，办结" })),
            OnTicket("POST", "/merge", TicketAt.Registered, Dispatcher, async (w, _) =>
                new { intoTicketId = TicketApi.Id(await w.SharedAsync("merge-into", () => w.TicketAsync(TicketAt.Registered))) }),
            OnTicket("POST", "/supervise", TicketAt.Dispatched, Supervisor, Body(new { note = "请加快办理" })),
            OnTicket("POST", "/supervision-reply", TicketAt.Supervised, HandlingUnit, (_, ticket) => Task.FromResult<object?>(new
            {
                orderId = ticket.GetProperty("supervisionOrders")[0].GetProperty("orderId").GetString(), reply = "已约谈经办人，本周内办结。",
            })),
            OnTicket("POST", "/remind", TicketAt.Dispatched, p => Dispatcher(p) || Supervisor(p), Body(new { note = "来电人再次询问进度" })),
            OnTicket("POST", "/acceptance", TicketAt.PetitionSigned, HandlingUnit, Body(new { accepted = true, notice = MatrixWorld.Notice })),
            OnTicket("POST", "/review", TicketAt.PetitionAnswered, Dispatcher, Body(new { content = "对答复不服，申请复查。", channel = "visit" })),
            OnTicket("POST", "/legal-aid", TicketAt.Dispatched, p => p.IsDispatcher || p.Works(Centre),
                Body(new { caseType = "labour_dispute" }), success: 201),
            OnTicket("POST", "/rehab-visits", TicketAt.Dispatched, p => p.IsDispatcher || p.Works(Centre),
                Body(new { serviceType = "assessment" }), success: 201),
        ];
    }

    private static IEnumerable<Row> TicketLists()
    {
        const string marker = "矩阵探针工单";
        static Task<JsonElement> Probe(MatrixWorld w) => w.SharedAsync("probe-ticket", () => w.TicketAsync(TicketAt.Dispatched, $"{marker}：来电反映无障碍坡道损坏。"));
        Func<MatrixWorld, Task<string>> probeId = async w => TicketApi.Id(await Probe(w));
        static bool SeesProbe(Principal p) => p.Sees(County, Centre);
        static Func<Principal, int> UnitList(string unit) =>
            p => p.Anonymous ? 401 : p.Sees(County, unit) ? 200 : 404;
        return
        [
            new("GET", "/api/tickets", p => AnySigned(p), async (w, _, _) => { await Probe(w); return Request("GET", $"/api/tickets?q={Uri.EscapeDataString(marker)}"); },
                SeesProbe, probeId),
            new("POST", "/api/tickets/search", p => AnySigned(p), async (w, _, _) =>
                { await Probe(w); return Request("POST", "/api/tickets/search", new { q = marker, phone = "13812345678" }); }, SeesProbe, probeId),
            new("GET", "/api/dispatch-queue", p => p.Anonymous ? 401 : p.Role == "unit_staff" ? 404 : 200, (_, _, _) => Task.FromResult(Request("GET", "/api/dispatch-queue"))),
            // 待回访: the hotline's list like the dispatch queue (its scope is checked in CallbackQueueApiTests).
            new("GET", "/api/callback-queue", p => p.Anonymous ? 401 : p.Role == "unit_staff" ? 404 : 200,
                (_, _, _) => Task.FromResult(Request("GET", "/api/callback-queue?due=false&pageSize=5"))),
            new("GET", "/api/units/{unitCode}/worklist", UnitList(Centre), async (w, _, _) => { await Probe(w); return Request("GET", $"/api/units/{Centre}/worklist"); },
                SeesProbe, probeId),
            new("POST", "/api/intake/caller-history", p => Role(p, p.IsDispatcher),
                (_, _, _) => Task.FromResult(Request("POST", "/api/intake/caller-history", new { phone = "13812345678", topic = "care_services" }))),
            new("GET", "/api/persons/{personId}/timeline", p => AnySigned(p), async (w, _, _) =>
                Request("GET", $"/api/persons/{(await Probe(w)).GetProperty("personId").GetString()}/timeline"), SeesProbe, probeId),
            Simple("GET", "/api/routing-suggestion", p => AnySigned(p), url: "/api/routing-suggestion?countyCode=330402&kind=help&topic=care_services"),
            Simple("GET", "/api/audit/access", p => Role(p, p.IsAdmin)),
            // The outbox: administrators, supervisors (their scope's messages) and units' heads (their unit's); retry administrators only.
            Simple("GET", "/api/notifications", p => Role(p, p.IsAdmin || p.Role == "supervisor" || p.Head)),
            Simple("GET", "/api/notifications/templates", p => Role(p, p.IsAdmin || p.Role == "supervisor" || p.Head)),
            // No dead message in the matrix world: an administrator passes the gate and hears that there is no such message.
            Simple("POST", "/api/notifications/{id}/retry", p => Role(p, p.IsAdmin, 404), url: $"/api/notifications/{Guid.Empty}/retry"),
            // 督办一览: supervisors and administrators; the list holds what the scope covers.
            Simple("GET", "/api/supervision-orders", p => Role(p, p.IsAdmin || p.Role == "supervisor")),
        ];
    }

    // ---- Legal-aid cases ----------------------------------------------------------------------------------------

    private static Row OnCase(string method, string suffix, CaseAt state, Func<Principal, bool> allowed, object? body = null,
        Func<MatrixWorld, Task<object>>? bodyOf = null) =>
        new(method, "/api/legal-aid-cases/{id}" + suffix, p => Gate(p, p.Sees(County, Station), allowed(p)), async (w, _, succeeds) =>
        {
            var item = succeeds ? await w.CaseAsync(state) : await w.SharedAsync("case" + suffix + state, () => w.CaseAsync(state));
            return Request(method, $"/api/legal-aid-cases/{item.GetProperty("id").GetString()}{suffix}", bodyOf is null ? body : await bodyOf(w));
        });

    /// <summary>A station's roster: its staff, supervisors over its county, administrators.</summary>
    private static bool ReadsRoster(Principal p) => p.IsAdmin || (p.Role == "unit_staff" && p.Unit == Station) || (p.Role == "supervisor" && p.Supervises(County));

    private static IEnumerable<Row> Cases()
    {
        static bool Everyone(Principal p) => true;
        static bool StationWork(Principal p) => p.Works(Station);
        static bool Supervisor(Principal p) => p.Supervises(County);
        static Task<JsonElement> Probe(MatrixWorld w) => w.SharedAsync("probe-case", () => w.CaseAsync(CaseAt.Applied));
        Func<MatrixWorld, Task<string>> probeId = async w => (await Probe(w)).GetProperty("id").GetString()!;
        return
        [
            new("POST", "/api/legal-aid-cases", p => Role(p, p.OpensAt(Station), 201), (w, _, _) =>
                Task.FromResult(Request("POST", "/api/legal-aid-cases", LegalAid.CaseApi.Application(), w.Unique("case-")))),
            new("GET", "/api/legal-aid-cases", p => AnySigned(p), async (w, _, _) =>
                Request("GET", $"/api/legal-aid-cases?q={(await Probe(w)).GetProperty("number").GetString()}"), p => p.Sees(County, Station), probeId),
            new("GET", "/api/units/{unitCode}/legal-aid-worklist", p => p.Anonymous ? 401 : p.Sees(County, Station) ? 200 : 404, async (w, _, _) =>
            {
                await Probe(w);
                return Request("GET", $"/api/units/{Station}/legal-aid-worklist");
            }, p => p.Sees(County, Station), probeId),
            OnCase("GET", "", CaseAt.Applied, Everyone),
            OnCase("GET", "/history", CaseAt.Applied, Everyone),
            OnCase("POST", "/reveal", CaseAt.Applied, p => p.Reveals(Station), new { field = "applicantPhone", purpose = "legal_service" }),
            OnCase("POST", "/accept", CaseAt.Applied, StationWork),
            OnCase("POST", "/request-documents", CaseAt.UnderReview, StationWork, new { documents = "劳动合同复印件" }),
            OnCase("POST", "/receive-documents", CaseAt.DocumentsAsked, StationWork),
            OnCase("POST", "/eligibility", CaseAt.UnderReview, StationWork, LegalAid.CaseApi.CompleteChecklist),
            OnCase("POST", "/grant", CaseAt.Eligible, StationWork),
            OnCase("POST", "/refuse", CaseAt.UnderReview, StationWork, new { reasons = "经济状况不符合援助条件。" }),
            OnCase("POST", "/objection", CaseAt.Refused, p => StationWork(p) || p.Role == "operator", new { grounds = "家庭收入已低于当地低保标准。" }),
            OnCase("POST", "/objection-decision", CaseAt.Objected, Supervisor, new { decision = "grant" }),
            OnCase("POST", "/assign", CaseAt.Granted, StationWork, bodyOf: w => w.AssignBodyAsync()),
            OnCase("GET", "/rotation", CaseAt.Granted, StationWork),
            new("GET", "/api/legal-aid-stations/{code}/roster", p => p.Anonymous ? 401 : ReadsRoster(p) ? 200 : 404,
                (_, _, _) => Task.FromResult(Request("GET", $"/api/legal-aid-stations/{Station}/roster"))),
            new("POST", "/api/legal-aid-stations/{code}/roster", p => Gate(p, ReadsRoster(p), p.IsAdmin, 201),
                (_, _, _) => Task.FromResult(Request("POST", $"/api/legal-aid-stations/{Station}/roster", MatrixWorld.RosterBody()))),
            new("PUT", "/api/legal-aid-stations/{code}/roster/{memberId}", p => Gate(p, ReadsRoster(p), p.IsAdmin), async (w, _, _) =>
                Request("PUT", $"/api/legal-aid-stations/{Station}/roster/{await w.SharedAsync("roster-member", w.RosterMemberAsync)}", MatrixWorld.RosterBody())),
            new("GET", "/api/legal-aid-stations/{code}/roster/{memberId}/history", p => Gate(p, ReadsRoster(p), true), async (w, _, _) =>
                Request("GET", $"/api/legal-aid-stations/{Station}/roster/{await w.SharedAsync("roster-member", w.RosterMemberAsync)}/history")),
            new("POST", "/api/legal-aid-stations/{code}/roster/{memberId}/reveal", p => Gate(p, ReadsRoster(p), p.Reveals(Station)), async (w, _, _) =>
                Request("POST", $"/api/legal-aid-stations/{Station}/roster/{await w.SharedAsync("roster-member", w.RosterMemberAsync)}/reveal",
                    new { field = "phone", purpose = "legal_service" })),
            OnCase("POST", "/agreement", CaseAt.Assigned, StationWork),
            OnCase("POST", "/progress", CaseAt.InProgress, StationWork, new { note = "已提交劳动仲裁申请。" }),
            OnCase("POST", "/conclude", CaseAt.InProgress, StationWork, new { outcome = "mediated", summary = "调解结案，全部欠薪已支付。" }),
            OnCase("POST", "/archive", CaseAt.Concluded, StationWork),
            OnCase("POST", "/supervise", CaseAt.Applied, Supervisor, new { note = "请加快审查" }),
            OrderReply("legal-aid-cases", p => Gate(p, p.Sees(County, Station), StationWork(p)), w => w.CaseAsync(CaseAt.Supervised)),
            OnCase("POST", "/transfer", CaseAt.Applied, StationWork, new { stationCode = "330411-LEGAL", reason = "争议处理机关在秀洲区。" }),
            OnCase("POST", "/terminate", CaseAt.Granted, StationWork, new { reason = "own_lawyer_engaged" }),
            // The documents were asked for without a day, so the roles that may deem the application withdrawn pass the
            // gate and reach the rule behind it (409 no_document_deadline); the others are refused at the gate.
            new("POST", "/api/legal-aid-cases/{id}/withdraw", p => Gate(p, p.Sees(County, Station), StationWork(p), success: 409), async (w, _, _) =>
                Request("POST", $"/api/legal-aid-cases/{(await w.SharedAsync("case-withdraw", () => w.CaseAsync(CaseAt.DocumentsAsked))).GetProperty("id").GetString()}/withdraw")),
        ];
    }

    // ---- Rehabilitation visits and plans ------------------------------------------------------------------------

    /// <summary>督办回复 on a case or visit that a county supervisor ordered: the order's id from the item, a reply, once per item.</summary>
    private static Row OrderReply(string route, Func<Principal, int> expected, Func<MatrixWorld, Task<JsonElement>> supervised) =>
        new("POST", $"/api/{route}/{{id}}/supervision-reply", expected, async (w, _, succeeds) =>
        {
            var item = succeeds ? await supervised(w) : await w.SharedAsync(route + "-supervised", () => supervised(w));
            var orderId = item.GetProperty("supervisionOrders")[0].GetProperty("orderId").GetString();
            return Request("POST", $"/api/{route}/{item.GetProperty("id").GetString()}/supervision-reply", new { orderId, reply = "已核实情况，三日内办结。" });
        });

    private static Row OnVisit(string method, string suffix, VisitAt state, Func<Principal, bool> allowed, Func<MatrixWorld, object?>? body = null) =>
        new(method, "/api/rehab-visits/{id}" + suffix, p => Gate(p, p.Sees(County, Provider), allowed(p)), async (w, _, succeeds) =>
        {
            var item = succeeds ? await w.VisitAsync(state) : await w.SharedAsync("visit" + suffix + state, () => w.VisitAsync(state));
            return Request(method, $"/api/rehab-visits/{item.GetProperty("id").GetString()}{suffix}", body?.Invoke(w));
        });

    private static IEnumerable<Row> Visits()
    {
        static bool Everyone(Principal p) => true;
        static bool ProviderWork(Principal p) => p.Works(Provider);
        static Task<JsonElement> Probe(MatrixWorld w) => w.SharedAsync("probe-visit", () => w.VisitAsync(VisitAt.Requested));
        Func<MatrixWorld, Task<string>> probeId = async w => (await Probe(w)).GetProperty("id").GetString()!;
        Func<Principal, int> providerList = p => p.Anonymous ? 401 : p.Sees(County, Provider) ? 200 : 404;
        return
        [
            new("POST", "/api/rehab-visits", p => Role(p, p.OpensAt(Provider), 201), (w, _, _) =>
                Task.FromResult(Request("POST", "/api/rehab-visits", Rehab.VisitApi.Request(providerCode: Provider), w.Unique("visit-")))),
            new("GET", "/api/rehab-visits", p => AnySigned(p), async (w, _, _) =>
                Request("GET", $"/api/rehab-visits?q={(await Probe(w)).GetProperty("number").GetString()}"), p => p.Sees(County, Provider), probeId),
            new("GET", "/api/units/{unitCode}/rehab-worklist", providerList, async (w, _, _) =>
            {
                await Probe(w);
                return Request("GET", $"/api/units/{Provider}/rehab-worklist");
            }, p => p.Sees(County, Provider), probeId),
            new("GET", "/api/units/{unitCode}/rehab-calendar", providerList,
                (_, _, _) => Task.FromResult(Request("GET", $"/api/units/{Provider}/rehab-calendar?date={MatrixWorld.Today}"))),
            new("GET", "/api/units/{unitCode}/rehab-calendar/range", providerList,
                (_, _, _) => Task.FromResult(Request("GET", $"/api/units/{Provider}/rehab-calendar/range?from={MatrixWorld.Today}&to={MatrixWorld.Today}"))),
            new("POST", "/api/rehab-plans", p => Role(p, p.OpensAt(Provider), 201), (w, _, _) =>
                Task.FromResult(Request("POST", "/api/rehab-plans", MatrixWorld.PlanRequest(), w.Unique("plan-")))),
            new("GET", "/api/rehab-plans/{id}", p => Gate(p, p.Sees(County, Provider), true), async (w, _, _) =>
                Request("GET", $"/api/rehab-plans/{await w.SharedAsync("plan", w.PlanAsync)}")),
            new("POST", "/api/rehab-plans/{id}/reveal", p => Gate(p, p.Sees(County, Provider), p.Reveals(Provider)), async (w, _, _) =>
                Request("POST", $"/api/rehab-plans/{await w.SharedAsync("plan", w.PlanAsync)}/reveal", new { field = "personPhone", purpose = "contact" })),
            new("GET", "/api/rehab-plans/{id}/history", p => Gate(p, p.Sees(County, Provider), true), async (w, _, _) =>
                Request("GET", $"/api/rehab-plans/{await w.SharedAsync("plan", w.PlanAsync)}/history")),
            new("POST", "/api/rehab-plans/{id}/end", p => Gate(p, p.Sees(County, Provider), ProviderWork(p) || p.Role == "operator"), async (w, _, succeeds) =>
                Request("POST", $"/api/rehab-plans/{(succeeds ? await w.PlanAsync() : await w.SharedAsync("plan-not-ended", w.PlanAsync))}/end",
                    new { reason = "服务对象已入住养老机构" })),
            new("POST", "/api/rehab-plans/{id}/amend", p => Gate(p, p.Sees(County, Provider), ProviderWork(p) || p.Role == "operator"), async (w, _, succeeds) =>
                Request("POST", $"/api/rehab-plans/{(succeeds ? await w.PlanAsync() : await w.SharedAsync("plan-not-ended", w.PlanAsync))}/amend",
                    new { count = 3, reason = "康复评估后增加一次" })),
            new("POST", "/api/rehab-plans/{id}/pause", p => Gate(p, p.Sees(County, Provider), ProviderWork(p) || p.Role == "operator"), async (w, _, succeeds) =>
                Request("POST", $"/api/rehab-plans/{(succeeds ? await w.PlanAsync() : await w.SharedAsync("plan-not-ended", w.PlanAsync))}/pause",
                    new { from = MatrixWorld.LocalToday(), reason = "服务对象住院" })),
            new("POST", "/api/rehab-plans/{id}/resume", p => Gate(p, p.Sees(County, Provider), ProviderWork(p) || p.Role == "operator"), async (w, _, succeeds) =>
                Request("POST", $"/api/rehab-plans/{(succeeds ? await w.PausedPlanAsync() : await w.SharedAsync("plan-paused", w.PausedPlanAsync))}/resume",
                    new { reason = "服务对象已出院" })),
            OnVisit("GET", "", VisitAt.Requested, Everyone),
            OnVisit("GET", "/history", VisitAt.Requested, Everyone),
            OnVisit("POST", "/reveal", VisitAt.Requested, p => p.Reveals(Provider), _ => new { field = "personPhone", purpose = "contact" }),
            OnVisit("POST", "/accept", VisitAt.Requested, ProviderWork),
            OnVisit("POST", "/schedule", VisitAt.Accepted, ProviderWork, _ => new { windowStart = Rehab.VisitApi.SoonAt(60), windowMinutes = 90 }),
            OnVisit("POST", "/assign", VisitAt.Scheduled, ProviderWork, w => new { workerId = w.Unique("W-"), workerName = "李强" }),
            OnVisit("POST", "/reschedule", VisitAt.Scheduled, ProviderWork,
                _ => new { windowStart = Rehab.VisitApi.SoonAt(2 * 24 * 60), windowMinutes = 90, reason = "服务对象住院" }),
            OnVisit("POST", "/check-in", VisitAt.Assigned, ProviderWork),
            OnVisit("POST", "/complete", VisitAt.CheckedIn, ProviderWork),
            OnVisit("POST", "/record", VisitAt.Completed, ProviderWork, _ => new { notes = "完成下肢康复训练 60 分钟。" }),
            // The window has not started yet, so the roles that may record a miss pass the gate and reach the rule behind
            // it (409 window_not_started); the others are refused at the gate.
            new("POST", "/api/rehab-visits/{id}/miss", p => Gate(p, p.Sees(County, Provider), ProviderWork(p), success: 409), async (w, _, _) =>
                Request("POST", $"/api/rehab-visits/{(await w.SharedAsync("visit-miss", () => w.VisitAsync(VisitAt.Assigned))).GetProperty("id").GetString()}/miss",
                    new { reason = "服务对象不在家" })),
            OnVisit("POST", "/cancel", VisitAt.Requested, p => ProviderWork(p) || p.Role == "operator", _ => new { reason = "服务对象已入住养老机构" }),
            OnVisit("POST", "/supervise", VisitAt.Requested, p => p.Supervises(County), _ => new { note = "请尽快上门" }),
            OrderReply("rehab-visits", p => Gate(p, p.Sees(County, Provider), ProviderWork(p)), w => w.VisitAsync(VisitAt.Supervised)),
        ];
    }

    // ---- A rehabilitation provider's worker roster (康复人员名册) ------------------------------------------------

    /// <summary>
    /// Reads on the own county's provider: whoever's scope covers it. Changes on its second provider (330402-REHAB-2), so
    /// the visit rows' provider keeps booking workers without a roster: whoever's scope covers that provider and may not
    /// change its roster gets 403 (its staff would succeed; the matrix has none), the rest 404; administrators succeed.
    /// </summary>
    private static IEnumerable<Row> Roster()
    {
        Func<Principal, int> reads = p => p.Anonymous ? 401 : p.Sees(County, Provider) ? 200 : 404;
        Func<Principal, int> changes = p => Gate(p, p.Sees(County, MatrixWorld.RosterProvider), p.Works(MatrixWorld.RosterProvider));
        const string Workers = "/api/rehab-providers/" + MatrixWorld.RosterProvider + "/workers";
        return
        [
            Simple("GET", "/api/rehab-providers/{code}/workers", reads, url: $"/api/rehab-providers/{Provider}/workers"),
            Simple("GET", "/api/rehab-providers/{code}/workers/free", reads,
                url: $"/api/rehab-providers/{Provider}/workers/free?from=2030-01-07T10:00:00%2B08:00&to=2030-01-07T12:00:00%2B08:00&type=assessment"),
            Simple("GET", "/api/rehab-providers/{code}/workers/history", reads, url: $"/api/rehab-providers/{Provider}/workers/history"),
            new("POST", "/api/rehab-providers/{code}/workers", p => Gate(p, p.Sees(County, MatrixWorld.RosterProvider), p.Works(MatrixWorld.RosterProvider), 201),
                (w, _, _) => Task.FromResult(Request("POST", Workers, MatrixWorld.WorkerBody(w.Unique("MW-"))))),
            new("PUT", "/api/rehab-providers/{code}/workers/{workerId}", changes, async (w, _, _) =>
            {
                var worker = await w.SharedAsync("roster-worker", w.RosterWorkerAsync);
                return Request("PUT", $"{Workers}/{worker}", MatrixWorld.WorkerBody(worker));
            }),
            new("POST", "/api/rehab-providers/{code}/workers/{workerId}/leave", changes, async (w, _, _) =>
                Request("POST", $"{Workers}/{await w.SharedAsync("roster-worker", w.RosterWorkerAsync)}/leave",
                    new { from = "2030-01-07", to = "2030-01-08", reason = "年假" })),
            new("DELETE", "/api/rehab-providers/{code}/workers/{workerId}/leave/{leaveId}", changes, async (w, _, succeeds) =>
            {
                var worker = await w.SharedAsync("roster-worker", w.RosterWorkerAsync);
                var leave = succeeds ? await w.RosterLeaveAsync(worker) : await w.SharedAsync("roster-leave", () => w.RosterLeaveAsync(worker));
                return Request("DELETE", $"{Workers}/{worker}/leave/{leave}");
            }),
        ];
    }

    // ---- The unit's own work on every item: notes and the assignee (承办人) --------------------------------------

    /// <summary>
    /// One item kind's note, assignee and unassign rows. A note (an internal comment, the wider of the two) by the unit's
    /// staff and supervisors in scope; taking an item by the unit's own staff only; unassigning an item its staff member
    /// took by that member, the unit head, supervisors in scope and administrators.
    /// </summary>
    private static IEnumerable<Row> WorkOn(string route, string unit, Func<MatrixWorld, Task<JsonElement>> make, Principal staff)
    {
        static string IdOf(JsonElement item) => item.GetProperty("id").GetString()!;
        bool Visible(Principal p) => p.Sees(County, unit);
        bool UnitStaff(Principal p) => p.Role == "unit_staff" && p.Unit == unit;
        async Task<JsonElement> Taken(MatrixWorld w)
        {
            var item = await make(w);
            using var response = await w.For(staff).SendAsync(Request("POST", $"/api/{route}/{IdOf(item)}/assignee"));
            response.EnsureSuccessStatusCode();
            return item;
        }
        return
        [
            new("POST", $"/api/{route}/{{id}}/note", p => Gate(p, Visible(p), p.Works(unit) || p.Supervises(County)), async (w, _, succeeds) =>
                Request("POST", $"/api/{route}/{IdOf(succeeds ? await make(w) : await w.SharedAsync(route + "-note", () => make(w)))}/note",
                    new { kind = "internal", note = "已联系当事人，待材料。" })),
            new("POST", $"/api/{route}/{{id}}/assignee", p => Gate(p, Visible(p), UnitStaff(p)), async (w, _, succeeds) =>
                Request("POST", $"/api/{route}/{IdOf(succeeds ? await make(w) : await w.SharedAsync(route + "-assignee", () => make(w)))}/assignee")),
            new("POST", $"/api/{route}/{{id}}/unassign", p => Gate(p, Visible(p), p.Key == staff.Key || (p.Head && p.Unit == unit) || p.Supervises(County)),
                async (w, _, succeeds) =>
                    Request("POST", $"/api/{route}/{IdOf(succeeds ? await Taken(w) : await w.SharedAsync(route + "-unassign", () => Taken(w)))}/unassign")),
        ];
    }

    /// <summary>
    /// One item kind's attachment rows: whoever sees the item lists and downloads its files; the unit's staff, supervisors
    /// in scope and administrators upload, and on a ticket the hotline's operators too.
    /// </summary>
    private static IEnumerable<Row> AttachmentsOn(string route, string unit, Func<MatrixWorld, Task<JsonElement>> make, Principal staff, bool hotline)
    {
        static string IdOf(JsonElement item) => item.GetProperty("id").GetString()!;
        bool Visible(Principal p) => p.Sees(County, unit);
        int Read(Principal p) => p.Anonymous ? 401 : Visible(p) ? 200 : 404;
        async Task<(string Item, string Attachment)> WithFile(MatrixWorld w)
        {
            var item = IdOf(await make(w));
            using var response = await w.For(staff).SendAsync(Upload($"/api/{route}/{item}/attachments"));
            response.EnsureSuccessStatusCode();
            return (item, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        return
        [
            new("POST", $"/api/{route}/{{id}}/attachments",
                p => Gate(p, Visible(p), p.Works(unit) || p.Supervises(County) || (hotline && p.Role == "operator"), 201),
                async (w, _, succeeds) => Upload($"/api/{route}/{IdOf(succeeds ? await make(w) : await w.SharedAsync(route + "-upload", () => make(w)))}/attachments")),
            new("GET", $"/api/{route}/{{id}}/attachments", Read, async (w, _, _) =>
                Request("GET", $"/api/{route}/{(await w.SharedAsync(route + "-files", () => WithFile(w))).Item}/attachments")),
            new("GET", $"/api/{route}/{{id}}/attachments/{{attachmentId}}", Read, async (w, _, _) =>
            {
                var (item, attachment) = await w.SharedAsync(route + "-files", () => WithFile(w));
                return Request("GET", $"/api/{route}/{item}/attachments/{attachment}");
            }),
        ];
    }

    /// <summary>An upload of a small PNG under a fresh Idempotency-Key.</summary>
    private static HttpRequestMessage Upload(string url)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "file", "scan.png");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    private static IEnumerable<Row> ItemWork() =>
    [
        .. AttachmentsOn("tickets", Centre, w => w.TicketAsync(TicketAt.Dispatched), CentreStaff, hotline: true),
        .. AttachmentsOn("legal-aid-cases", Station, w => w.CaseAsync(CaseAt.Applied), StationStaff, hotline: false),
        .. AttachmentsOn("rehab-visits", Provider, w => w.VisitAsync(VisitAt.Requested), ProviderStaff, hotline: false),
        .. WorkOn("tickets", Centre, w => w.TicketAsync(TicketAt.Dispatched), CentreStaff),
        .. WorkOn("legal-aid-cases", Station, w => w.CaseAsync(CaseAt.Applied), StationStaff),
        .. WorkOn("rehab-visits", Provider, w => w.VisitAsync(VisitAt.Requested), ProviderStaff),
        new("GET", "/api/units/{unitCode}/members", p => p.Anonymous ? 401 : p.Sees(County, Centre) ? 200 : 404,
            (_, _, _) => Task.FromResult(Request("GET", $"/api/units/{Centre}/members"))),
    ];

    // ---- Reference data, calendars, rules, routing, statistics --------------------------------------------------

    private static IEnumerable<Row> Reference() =>
    [
        Simple("GET", "/api/reference/counties", p => AnySigned(p)),
        Simple("GET", "/api/reference/vocabulary", p => AnySigned(p)),
        Simple("GET", "/api/reference/units", p => AnySigned(p), url: "/api/reference/units?county=330402"),
        new("POST", "/api/reference/units", p => Role(p, p.IsAdmin, 201),
            (w, _, _) => Task.FromResult(Request("POST", "/api/reference/units", MatrixWorld.UnitBody(w.UnitCode())))),
        new("PUT", "/api/reference/units/{code}", p => Role(p, p.IsAdmin), async (w, _, _) =>
        {
            var code = await w.SharedAsync("unit", w.UnitAsync);
            return Request("PUT", $"/api/reference/units/{code}", MatrixWorld.UnitBody(code));
        }),
        new("GET", "/api/reference/units/{code}/history", ReadsHistory,
            async (w, _, _) => Request("GET", $"/api/reference/units/{await w.SharedAsync("unit", w.UnitAsync)}/history")),
        new("POST", "/api/reference/towns", p => Role(p, p.IsAdmin, 201),
            (w, _, _) => Task.FromResult(Request("POST", "/api/reference/towns", MatrixWorld.TownBody(w.TownCode())))),
        new("PUT", "/api/reference/towns/{code}", p => Role(p, p.IsAdmin), async (w, _, _) =>
        {
            var code = await w.SharedAsync("town", w.TownAsync);
            return Request("PUT", $"/api/reference/towns/{code}", MatrixWorld.TownBody(code));
        }),
        new("GET", "/api/reference/towns/{code}/history", ReadsHistory,
            async (w, _, _) => Request("GET", $"/api/reference/towns/{await w.SharedAsync("town", w.TownAsync)}/history")),
        Simple("GET", "/api/routing-rules", p => AnySigned(p)),
        Simple("POST", "/api/routing-rules", p => Role(p, p.IsAdmin, 201), _ => MatrixWorld.RoutingRuleBody()),
        new("PUT", "/api/routing-rules/{id}", p => Role(p, p.IsAdmin), async (w, _, _) =>
            Request("PUT", $"/api/routing-rules/{await w.SharedAsync("routing-rule", w.RoutingRuleAsync)}", MatrixWorld.RoutingRuleBody())),
        new("GET", "/api/routing-rules/{id}/history", ReadsHistory,
            async (w, _, _) => Request("GET", $"/api/routing-rules/{await w.SharedAsync("routing-rule", w.RoutingRuleAsync)}/history")),
    ];

    /// <summary>
    /// The history of a unit, town or rule of the principals' county: administrators and supervisors (others 403); a
    /// supervisor of another county finds no such record (404).
    /// </summary>
    private static int ReadsHistory(Principal p) =>
        p.Anonymous ? 401 : !(p.IsAdmin || p.Role == "supervisor") ? 403 : p.Supervises(County) ? 200 : 404;

    private static IEnumerable<Row> CalendarsAndRules()
    {
        var year = DateTime.UtcNow.Year + 8;
        return
        [
            Simple("GET", "/api/calendars", p => AnySigned(p)),
            Simple("GET", "/api/calendars/{year}", p => AnySigned(p), url: $"/api/calendars/{year}"),
            Simple("PUT", "/api/calendars/{year}", p => Role(p, p.IsAdmin), _ => CalendarAdministrationTests.Notice(year), $"/api/calendars/{year}"),
            Simple("POST", "/api/calendars/{year}/preview", p => Role(p, p.IsAdmin), _ => CalendarAdministrationTests.Notice(year + 1),
                $"/api/calendars/{year + 1}/preview"),
            Simple("GET", "/api/calendars/{year}/history", p => AnySigned(p), url: $"/api/calendars/{year}/history"),
            Simple("GET", "/api/calendars/closures", p => AnySigned(p)),
            Simple("POST", "/api/calendars/closures", p => Role(p, p.IsAdmin, 201), _ => MatrixWorld.ClosureBody(1)),
            Simple("POST", "/api/calendars/closures/preview", p => Role(p, p.IsAdmin), _ => MatrixWorld.ClosureBody(2)),
            new("POST", "/api/calendars/closures/{id}/withdraw", p => Role(p, p.IsAdmin), async (w, _, succeeds) =>
            {
                var id = succeeds ? await w.ClosureAsync(3) : await w.SharedAsync("closure", () => w.ClosureAsync(4));
                return Request("POST", $"/api/calendars/closures/{id}/withdraw", new { reason = "台风转向，撤销停工" });
            }),
            Simple("GET", "/api/sla-rules", p => AnySigned(p)),
            Simple("GET", "/api/sla-rules/{version}", p => AnySigned(p), url: "/api/sla-rules/1"),
            Simple("GET", "/api/sla-rules/supervision", p => AnySigned(p)),
            new("POST", "/api/sla-rules/versions", p => Role(p, p.IsAdmin, 201),
                (_, _, _) => Task.FromResult(Request("POST", "/api/sla-rules/versions", new { reason = "矩阵测试：发布远期版本", rules = RuleDraft(400) }))),
            new("POST", "/api/sla-rules/versions/preview", p => Role(p, p.IsAdmin),
                (_, _, _) => Task.FromResult(Request("POST", "/api/sla-rules/versions/preview", new { reason = "矩阵测试：预览", rules = RuleDraft(500) }))),
        ];
    }

    /// <summary>The shipped rules as a new version effective some days ahead (nothing in force changes).</summary>
    private static System.Text.Json.Nodes.JsonObject RuleDraft(int daysAhead)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(
            Dispatch.Schema.DatabaseSetup.DefaultReferenceDataFolder, "sla-rules", "v2.json")))!.AsObject();
        document.Remove("version");
        document["effectiveFrom"] = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(daysAhead).ToString("yyyy-MM-dd");
        return document;
    }

    private static IEnumerable<Row> Stats()
    {
        const string scope = "county:" + County;
        static Func<Principal, int> Watch(string s) => p => p.Anonymous ? 401 : p.Watches(s) ? 200 : 404;
        static Func<Principal, int> Gaming(string s) => p => p.Anonymous ? 401 : p.Role == "operator" ? 403 : p.Watches(s) ? 200 : 404;
        return
        [
            Simple("GET", "/api/stats", Watch(scope), url: $"/api/stats?scope={scope}&period=day"),
            Simple("GET", "/api/stats/trend", Watch(scope), url: $"/api/stats/trend?scope={scope}"),
            Simple("GET", "/api/stats/breakdown", Watch(scope), url: $"/api/stats/breakdown?scope={scope}&period=month&by=town"),
            Simple("GET", "/api/stats/months", Watch(scope), url: $"/api/stats/months?scope={scope}&year=2026"),
            Simple("GET", "/api/stats/at-risk", Watch("unit:" + Centre), url: $"/api/stats/at-risk?scope=unit:{Centre}"),
            Simple("GET", "/api/stats/overdue", Watch("city"), url: "/api/stats/overdue?scope=city"),
            Simple("GET", "/api/stats/breach-risk", Watch("county:" + County), url: $"/api/stats/breach-risk?scope=county:{County}"),
            Simple("GET", "/api/stats/close-today", Watch("unit:" + Centre), url: $"/api/stats/close-today?scope=unit:{Centre}"),
            Simple("GET", "/api/stats/month-projection", Watch("county:" + County), url: $"/api/stats/month-projection?scope=county:{County}"),
            Simple("POST", "/api/stats/rebuild", p => Role(p, p.IsAdmin)),
            // Clock gaming: supervisors in scope, administrators, unit staff their own unit; operators are refused.
            Simple("GET", "/api/stats/clock-gaming", Gaming(scope), url: $"/api/stats/clock-gaming?scope={scope}&period=month"),
            Simple("GET", "/api/stats/clock-gaming/signals", Gaming("unit:" + Centre), url: $"/api/stats/clock-gaming/signals?scope=unit:{Centre}&period=year"),
            Simple("GET", "/api/stats/returns-heatmap", Gaming("city"), url: "/api/stats/returns-heatmap?scope=city&period=month"),
            // Who may see a report is who may see the stats; the current month, so the row holds whatever the date.
            Simple("GET", "/api/reports/{scope}", Watch(scope), url: $"/api/reports/{scope}?period=month&format=xlsx"),
        ];
    }

    /// <summary>
    /// Open311: administrators manage the keys; on /open311 the api_key decides, not the session, so every principal
    /// (signed in or not) gets the same answer with the same valid key. Keys and their requests are tested in Open311/.
    /// </summary>
    private static IEnumerable<Row> Open311()
    {
        const string root = "/open311/v2";
        static Task<HttpRequestMessage> Get(string url) => Task.FromResult(Request("GET", url));
        return
        [
            Simple("GET", "/api/admin/open311-keys", p => Role(p, p.IsAdmin)),
            Simple("POST", "/api/admin/open311-keys", p => Role(p, p.IsAdmin, 201), w => new { name = w.Unique("矩阵测试网站") }),
            new("POST", "/api/admin/open311-keys/{id}/revoke", p => Role(p, p.IsAdmin), async (w, _, succeeds) =>
            {
                var key = succeeds ? await w.Open311KeyAsync() : await w.SharedAsync("open311-key-to-revoke", w.Open311KeyAsync);
                return Request("POST", $"/api/admin/open311-keys/{key.Id}/revoke");
            }),
            new("GET", root + "/services.{format}", _ => 200, (_, _, _) => Get(root + "/services.json")),
            new("GET", root + "/services/{service_code}.{format}", _ => 200, (_, _, _) => Get(root + "/services/help-care_services.xml")),
            new("POST", root + "/requests.{format}", _ => 201, async (w, p, _) =>
            {
                var key = await w.SharedAsync("open311-key", w.Open311KeyAsync);
                return new HttpRequestMessage(HttpMethod.Post, root + "/requests.json")
                {
                    Content = new FormUrlEncodedContent(MatrixWorld.Open311Form(key.ApiKey, $"矩阵测试：网上反映无障碍设施损坏（{w.Unique(p.Key)}）")),
                };
            }),
            new("GET", root + "/requests.{format}", _ => 200, async (w, _, _) =>
                Request("GET", $"{root}/requests.xml?api_key={Uri.EscapeDataString((await w.SharedAsync("open311-key", w.Open311KeyAsync)).ApiKey)}")),
            new("GET", root + "/requests/{service_request_id}.{format}", _ => 200, async (w, _, _) =>
            {
                var key = await w.SharedAsync("open311-key", w.Open311KeyAsync);
                var number = await w.SharedAsync("open311-request", () => w.Open311RequestAsync(key.ApiKey));
                return Request("GET", $"{root}/requests/{number}.json?api_key={Uri.EscapeDataString(key.ApiKey)}");
            }),
        ];
    }

    /// <summary>
    /// The rows that change the caller's own account, run last (a changed password ends the principal's other cells):
    /// enrolling and dropping a second factor, changing the password, signing out.
    /// </summary>
    public static IReadOnlyList<Row> AccountChanges() =>
    [
        new("POST", "/api/auth/2fa/enable", p => AnySigned(p), async (w, p, succeeds) =>
            Request("POST", "/api/auth/2fa/enable", new { code = succeeds ? await w.EnrolmentCodeAsync(p) : "000000" })),
        new("POST", "/api/auth/2fa/disable", p => p.Anonymous ? 401 : 204, async (w, p, succeeds) =>
            Request("POST", "/api/auth/2fa/disable", new { code = succeeds ? await w.CurrentCodeAsync(p) : "000000" })),
        new("POST", "/api/auth/logout", p => p.Anonymous ? 401 : 204, (_, _, _) => Task.FromResult(Request("POST", "/api/auth/logout")))
        {
            OwnSession = true,
        },
        new("POST", "/api/auth/password", p => AnySigned(p), (_, p, _) => Task.FromResult(Request("POST", "/api/auth/password",
            new { currentPassword = "Demo#12385", newPassword = "Matrix#Pass-" + p.Key.Length + "x7Q" })))
        {
            OwnSession = true,
        },
    ];
}
