using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.LegalAid;
using Dispatch.Tests.Integration.Rehab;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;

namespace Dispatch.Tests.Integration.Security.Matrix;

public enum TicketAt { Registered, Dispatched, Supervised, Signed, Suspended, ExtensionAsked, Resolved, Unsatisfied, CalledBack, PetitionSigned, PetitionAnswered }

public enum CaseAt { Applied, UnderReview, DocumentsAsked, Eligible, Granted, Refused, Objected, Assigned, InProgress, Concluded, Supervised }

public enum VisitAt { Requested, Accepted, Scheduled, Assigned, CheckedIn, Completed, Supervised }

/// <summary>
/// The running system as the matrix drives it: one signed-in client per principal, and items brought into the state an
/// action needs by the people who would do it (the operator registers, the centre's staff sign, the station reviews).
/// A cell expected to succeed gets an item of its own; the cells expected to be refused share one per row.
/// </summary>
public sealed class MatrixWorld(RunningSystem system) : IAsyncDisposable
{
    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly Dictionary<string, HttpClient> clients = [];
    private readonly ConcurrentDictionary<string, object> shared = new();
    private readonly ConcurrentDictionary<string, string> sharedKeys = new();
    private int counter;
    private readonly int townSeed = Random.Shared.Next(0, 700);

    public static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jiaxing).Date).ToString("yyyy-MM-dd");

    /// <summary>A written notice sent today (petition decisions and replies need one).</summary>
    public static object Notice => new { method = "mail", sentOn = Today, reference = "EMS 12385" };

    public async Task StartAsync()
    {
        clients[Principal.Nobody.Key] = new HttpClient { BaseAddress = system.Web.Address };
        foreach (var principal in Principal.All.Where(p => !p.Anonymous))
        {
            clients[principal.Key] = await system.SignInAsync(principal.Email!);
        }
    }

    public HttpClient For(Principal principal) => clients[principal.Key];

    private HttpClient Op => For(Principal.Operator);

    private HttpClient Centre => For(Principal.CentreStaff);

    private HttpClient Station => For(Principal.StationStaff);

    private HttpClient Provider => For(Principal.ProviderStaff);

    /// <summary>A short unique text, for e-mail addresses, unit codes and idempotency keys.</summary>
    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter):D4}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>One value per row for the refused cells, made once.</summary>
    public Task<T> SharedAsync<T>(string row, Func<Task<T>> make) => (Task<T>)shared.GetOrAdd(row, _ => make());

    /// <param name="content">The complaint's text (a marker the search rows look for), or the default.</param>
    public async Task<JsonElement> TicketAsync(TicketAt state, string? content = null)
    {
        var petition = state is TicketAt.PetitionSigned or TicketAt.PetitionAnswered;
        var ticket = await TicketApi.RegisteredAsync(Op, TicketApi.Intake(
            petition ? "反映残疾人两项补贴被停发，要求恢复并补发。" : content, kind: petition ? "petition" : "help", topic: petition ? "social_security" : "care_services",
            phone: "13812345678"));
        if (state == TicketAt.Registered)
        {
            return ticket;
        }
        ticket = await TicketApi.ActOkAsync(Op, ticket, "dispatch", new { unitCode = Principal.Centre });
        if (state == TicketAt.Dispatched)
        {
            return ticket;
        }
        if (state == TicketAt.Supervised)
        {
            return await TicketApi.ActOkAsync(For(Principal.CountySupervisor), ticket, "supervise", new { note = "请说明办理进展" });
        }
        ticket = await TicketApi.ActOkAsync(Centre, ticket, "sign");
        switch (state)
        {
            case TicketAt.Signed or TicketAt.PetitionSigned:
                return ticket;
            case TicketAt.Suspended:
                return await TicketApi.ActOkAsync(Centre, ticket, "suspend", new { reasonCode = "awaiting_citizen_documents", note = "等待残疾证复印件" });
            case TicketAt.ExtensionAsked:
                return await TicketApi.ActOkAsync(Centre, ticket, "extension-requests", new { amount = 3, unit = "working_days", reason = "需等待区民政局出具意见" });
            case TicketAt.PetitionAnswered:
                ticket = await TicketApi.ActOkAsync(Centre, ticket, "acceptance", new { accepted = true, notice = Notice });
                return await TicketApi.ActOkAsync(Centre, ticket, "resolve", new { reply = "经核实，补贴已恢复并补发。", notice = Notice });
        }
        ticket = await TicketApi.ActOkAsync(Centre, ticket, "resolve", new { reply = "已协调街道核实，补贴已于本周发放。" });
        return state switch
        {
            TicketAt.Resolved => ticket,
            TicketAt.Unsatisfied => await TicketApi.ActOkAsync(Op, ticket, "callback", new { reached = true, satisfaction = "unsatisfied" }),
            _ => await TicketApi.ActOkAsync(Op, ticket, "callback", new { reached = true, satisfaction = "satisfied" }),
        };
    }

    public async Task<JsonElement> CaseAsync(CaseAt state)
    {
        var item = await CaseApi.OpenedAsync(Op);
        if (state == CaseAt.Applied)
        {
            return item;
        }
        if (state == CaseAt.Supervised)
        {
            return await CaseApi.ActOkAsync(For(Principal.CountySupervisor), item, "supervise", new { note = "请说明审查进度" });
        }
        item = await CaseApi.ActOkAsync(Station, item, "accept");
        switch (state)
        {
            case CaseAt.UnderReview:
                return item;
            case CaseAt.DocumentsAsked:
                return await CaseApi.ActOkAsync(Station, item, "request-documents", new { documents = "劳动合同复印件" });
            case CaseAt.Refused or CaseAt.Objected:
                item = await CaseApi.ActOkAsync(Station, item, "refuse", new { reasons = "经济状况不符合援助条件。" });
                return state == CaseAt.Refused ? item : await CaseApi.ActOkAsync(Op, item, "objection", new { grounds = "家庭收入已低于当地低保标准。" });
        }
        item = await CaseApi.ActOkAsync(Station, item, "eligibility", CaseApi.CompleteChecklist);
        if (state == CaseAt.Eligible)
        {
            return item;
        }
        item = await CaseApi.ActOkAsync(Station, item, "grant");
        if (state == CaseAt.Granted)
        {
            return item;
        }
        item = await CaseApi.ActOkAsync(Station, item, "assign", await AssignBodyAsync());
        if (state == CaseAt.Assigned)
        {
            return item;
        }
        item = await CaseApi.ActOkAsync(Station, item, "agreement", new { });
        return state == CaseAt.InProgress
            ? item
            : await CaseApi.ActOkAsync(Station, item, "conclude", new { outcome = "mediated", summary = "调解结案，全部欠薪已支付。" });
    }

    public async Task<JsonElement> VisitAsync(VisitAt state)
    {
        var item = await VisitApi.RequestedAsync(Op, VisitApi.Request(providerCode: Principal.Provider));
        if (state == VisitAt.Requested)
        {
            return item;
        }
        if (state == VisitAt.Supervised)
        {
            return await VisitApi.ActOkAsync(For(Principal.CountySupervisor), item, "supervise", new { note = "请尽快受理" });
        }
        item = await VisitApi.ActOkAsync(Provider, item, "accept");
        if (state == VisitAt.Accepted)
        {
            return item;
        }
        item = await VisitApi.ActOkAsync(Provider, item, "schedule", new { windowStart = VisitApi.SoonAt(30), windowMinutes = 90 });
        if (state == VisitAt.Scheduled)
        {
            return item;
        }
        item = await VisitApi.ActOkAsync(Provider, item, "assign", new { workerId = Unique("W-"), workerName = "张丽" });
        if (state == VisitAt.Assigned)
        {
            return item;
        }
        item = await VisitApi.ActOkAsync(Provider, item, "check-in");
        return state == VisitAt.CheckedIn ? item : await VisitApi.ActOkAsync(Provider, item, "complete");
    }

    /// <summary>A plan of two visits at the own county's provider, registered by the operator.</summary>
    public async Task<string> PlanAsync()
    {
        var response = await VisitApi.PlanAsync(Op, PlanRequest(), Unique("plan-"));
        return await IdOfAsync(response);
    }

    /// <summary>A plan the hotline made and paused from today on.</summary>
    public async Task<string> PausedPlanAsync()
    {
        var id = await PlanAsync();
        var paused = await Op.PostAsJsonAsync($"/api/rehab-plans/{id}/pause", new { from = LocalToday(), reason = "服务对象住院" });
        return paused.IsSuccessStatusCode ? id : throw new InvalidOperationException($"pause answered {(int)paused.StatusCode}");
    }

    /// <summary>Today in Jiaxing, as the API takes dates.</summary>
    public static string LocalToday() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static object PlanRequest() => new
    {
        person = new { name = "王芳", phone = "13612345678", countyCode = Principal.County, address = "东栅街道 8 号" },
        serviceType = "rehabilitation_training",
        providerCode = Principal.Provider,
        firstWindowStart = VisitApi.SoonAt(3 * 24 * 60),
        windowMinutes = 90,
        frequency = "weekly",
        count = 2,
    };

    /// <summary>The provider whose roster the matrix changes: the own county's second one, so the visit rows' provider keeps none.</summary>
    public const string RosterProvider = "330402-REHAB-2";

    public static object WorkerBody(string workerId) => new
    {
        workerId, name = "陈红", phone = "13712340001", serviceTypes = new[] { "rehabilitation_training" }, towns = new[] { "330402007" },
        workingDays = new[] { 1, 2, 3, 4, 5 }, dayStart = "08:30", dayEnd = "17:30",
    };

    /// <summary>A worker on <see cref="RosterProvider"/>'s roster, added by the administrator; its id.</summary>
    public async Task<string> RosterWorkerAsync()
    {
        var id = Unique("MW-");
        var response = await For(Principal.Admin).PostAsJsonAsync($"/api/rehab-providers/{RosterProvider}/workers", WorkerBody(id));
        return response.IsSuccessStatusCode ? id : throw new InvalidOperationException($"adding a worker answered {(int)response.StatusCode}");
    }

    /// <summary>A leave of the worker, recorded by the administrator; its id.</summary>
    public async Task<string> RosterLeaveAsync(string workerId)
    {
        var from = new DateOnly(2030, 2, 4).AddDays(Interlocked.Increment(ref counter) % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await For(Principal.Admin).PostAsJsonAsync($"/api/rehab-providers/{RosterProvider}/workers/{workerId}/leave",
            new { from, to = from, reason = "病假" });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? json.GetProperty("leave").EnumerateArray().First(l => l.GetProperty("from").GetString() == from).GetProperty("id").GetString()!
            : throw new InvalidOperationException($"adding leave answered {(int)response.StatusCode}: {json}");
    }

    /// <summary>A new user (an operator) made by the administrator, optionally disabled: the target of the user-administration rows.</summary>
    public async Task<string> UserAsync(bool disabled = false)
    {
        var admin = For(Principal.Admin);
        var created = await admin.PostAsJsonAsync("/api/admin/users",
            new { email = Unique("matrix.") + "@example.org", displayName = "矩阵测试", role = "operator" });
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating a user answered {(int)created.StatusCode}: {json}");
        }
        var id = json.GetProperty("user").GetProperty("id").GetString()!;
        if (disabled)
        {
            await IdOfAsync(await admin.PostAsync($"/api/admin/users/{id}/disable", null));
        }
        return id;
    }

    /// <summary>A county closure on a far working day of the own county, added by the administrator.</summary>
    public async Task<string> ClosureAsync(int daysAhead) =>
        await IdOfAsync(await For(Principal.Admin).PostAsJsonAsync("/api/calendars/closures", ClosureBody(daysAhead)));

    /// <summary>A Tuesday some weeks ahead (never a day off), for closures nobody's clock is near.</summary>
    public static object ClosureBody(int weeksAhead)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(7 * (100 + weeksAhead));
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }
        return new { countyCode = Principal.County, date = day.ToString("yyyy-MM-dd"), reason = "矩阵测试：全县停工" };
    }

    /// <summary>An inactive unit the administrator added (it takes no work), whose record the unit rows change.</summary>
    public async Task<string> UnitAsync()
    {
        var code = UnitCode();
        return await IdOfAsync(await For(Principal.Admin).PostAsJsonAsync("/api/reference/units", UnitBody(code)), "code");
    }

    /// <summary>A new unit code: capitals, digits and hyphens.</summary>
    public string UnitCode() => $"330402-MX{Interlocked.Increment(ref counter):D4}{Random.Shared.Next(1000, 9999)}";

    /// <summary>A member of the probed station's roster, added by an administrator.</summary>
    public async Task<string> RosterMemberAsync() =>
        await IdOfAsync(await For(Principal.Admin).PostAsJsonAsync($"/api/legal-aid-stations/{Principal.Station}/roster", RosterBody()));

    /// <summary>指派 to the station's handler: one roster member, added once by the administrator, whom every assignment names.</summary>
    public async Task<object> AssignBodyAsync() => CaseApi.AssignTo(await SharedAsync("assign-member", () => CaseApi.HandlerAsync(For(Principal.Admin), Principal.Station)));

    public static object RosterBody() => new
    {
        name = "矩阵律师", kind = "lawyer", organisation = "浙江禾城律师事务所", phone = "13900003333", licenceNumber = "13304201810000009",
        fields = new[] { "labour_dispute" }, status = "active", maxOpenCases = 5,
    };

    public static object UnitBody(string code) => new
    {
        code, name = "矩阵测试单位", nameEn = "Matrix test unit", kind = "centre", countyCode = Principal.County,
        phone = "0573-82000000", address = "南湖区测试路 1 号", active = false,
    };

    /// <summary>A town the administrator added to the principals' county, whose record the town rows change.</summary>
    public async Task<string> TownAsync()
    {
        var code = TownCode();
        return await IdOfAsync(await For(Principal.Admin).PostAsJsonAsync("/api/reference/towns", TownBody(code)), "code");
    }

    /// <summary>A new town code of the principals' county, above the shipped codes (0xx sub-districts, 1xx towns).</summary>
    public string TownCode() => $"{Principal.County}{300 + ((Interlocked.Increment(ref counter) * 3) + townSeed) % 700:D3}";

    public static object TownBody(string code) => new { code, countyCode = Principal.County, name = "矩阵测试镇", nameEn = "Matrix Town", kind = "town" };

    /// <summary>An inactive routing rule the administrator added.</summary>
    public async Task<string> RoutingRuleAsync() =>
        await IdOfAsync(await For(Principal.Admin).PostAsJsonAsync("/api/routing-rules", RoutingRuleBody()));

    public static object RoutingRuleBody() => new
    {
        countyCode = Principal.County, townCode = (string?)null, kind = "help", topic = "care_services", unitKind = "centre", active = false,
        note = "矩阵测试（停用）",
    };

    /// <summary>A new Open311 API key issued by the administrator: its id and the key itself.</summary>
    public async Task<(string Id, string ApiKey)> Open311KeyAsync()
    {
        var issued = await For(Principal.Admin).PostAsJsonAsync("/api/admin/open311-keys", new { name = Unique("矩阵测试网站") });
        var json = await issued.Content.ReadFromJsonAsync<JsonElement>();
        if (!issued.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"issuing an Open311 key answered {(int)issued.StatusCode}: {json}");
        }
        return (json.GetProperty("key").GetProperty("id").GetString()!, json.GetProperty("apiKey").GetString()!);
    }

    /// <summary>A request submitted with the key: its service_request_id.</summary>
    public async Task<string> Open311RequestAsync(string apiKey)
    {
        var submitted = await For(Principal.Nobody).PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Open311Form(apiKey, "矩阵测试：网上反映盲道被占用，请处理。")));
        var json = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        if (!submitted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"submitting an Open311 request answered {(int)submitted.StatusCode}: {json}");
        }
        return json[0].GetProperty("service_request_id").GetString()!;
    }

    public static Dictionary<string, string> Open311Form(string apiKey, string description) => new()
    {
        ["api_key"] = apiKey, ["service_code"] = "complaint-accessibility", ["description"] = description,
        ["first_name"] = "测试", ["last_name"] = "矩", ["phone"] = "13812345678", ["attribute[county]"] = Principal.County,
    };

    /// <summary>A fresh bearer session of the principal: tokens for the sign-in, refresh, sign-out and password rows.</summary>
    public async Task<(HttpClient Client, string AccessToken, string RefreshToken)> SessionAsync(Principal principal)
    {
        var response = await system.Web.Client.PostAsJsonAsync("/api/auth/login", new { email = principal.Email, password = "Demo#12385" });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"signing in {principal.Email} answered {(int)response.StatusCode}");
        }
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        var access = tokens.GetProperty("accessToken").GetString()!;
        var client = new HttpClient { BaseAddress = system.Web.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return (client, access, tokens.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>The authenticator code for the principal's pending shared key (the enrolment row), remembered for the disable row.</summary>
    public async Task<string> EnrolmentCodeAsync(Principal principal)
    {
        var state = await For(principal).GetFromJsonAsync<JsonElement>("/api/auth/2fa");
        var key = state.GetProperty("sharedKey").GetString()!;
        sharedKeys[principal.Key] = key;
        return Users.Totp.Code(key, DateTimeOffset.UtcNow);
    }

    /// <summary>The authenticator code of the key the principal enrolled.</summary>
    public Task<string> CurrentCodeAsync(Principal principal) => Task.FromResult(Users.Totp.Code(sharedKeys[principal.Key], DateTimeOffset.UtcNow));

    private static async Task<string> IdOfAsync(HttpResponseMessage response, string property = "id")
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {json}");
        }
        var id = json.GetProperty(property);
        return id.ValueKind == JsonValueKind.Number ? id.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : id.GetString()!;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
