using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Tests.Integration.Live;
using FluentAssertions;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>
/// The personal-data scan: a full scenario (a ticket registered, dispatched, signed and resolved; a legal-aid case and a
/// visit with numbers), then every read as every role, every hub message and every log line of silo and web app are
/// searched for the scenario's numbers and for anything shaped like an ID, certificate or mobile number. Only the
/// answers of explicit reveals may carry one.
/// </summary>
public sealed partial class PersonalDataScanTests(ScanSystem system, ITestOutputHelper output) : IClassFixture<ScanSystem>
{
    private const string Unit = "330402-CENTRE";
    private const string Station = "330402-LEGAL";
    private const string Provider = "330402-REHAB-1";

    private static readonly string[] Roles =
    [
        "operator@jx12385.test", $"staff.{Unit.ToLowerInvariant()}@jx12385.test", $"staff.{Station.ToLowerInvariant()}@jx12385.test",
        $"staff.{Provider.ToLowerInvariant()}@jx12385.test", "supervisor.330402@jx12385.test", "supervisor@jx12385.test", "admin@jx12385.test",
    ];

    private readonly List<(string Source, string Text)> responses = [];

    [Fact]
    public async Task No_response_push_message_or_log_line_carries_an_unrevealed_id_certificate_or_phone_number()
    {
        var caller = PersonalNumbers.New();
        var applicant = PersonalNumbers.New();
        var person = PersonalNumbers.New();
        string[] names = ["欧阳晓明", "上官清清", "司马云云"];
        await using var city = await LiveListener.ConnectAsync(system.Web, "supervisor@jx12385.test");
        await using var county = await LiveListener.ConnectAsync(system.Web, "supervisor.330402@jx12385.test");
        await city.JoinAsync("city");
        await county.JoinAsync("county:330402");

        var (ticket, legalAid, visit) = await ScenarioAsync(caller, applicant, person, names);
        await city.WaitForAsync("itemChanged", m => m.ItemId() == ticket && m.Change() == "resolved", "the resolved ticket on the city feed");
        await county.WaitForAsync("itemChanged", m => m.ItemId() == visit, "the visit on the county feed");
        var revealed = await RevealEverythingAsync(ticket, legalAid, visit);
        var personIds = await ReadAsEveryRoleAsync(ticket, legalAid, visit, caller);

        var pushed = city.Received.Concat(county.Received).Select(m => (Source: $"hub {m.Name}", Text: m.Payload.GetRawText())).ToList();
        var logs = system.SiloLogs.Lines.Select(l => (Source: "silo log", Text: l)).Concat(system.WebLogs.Lines.Select(l => (Source: "web log", Text: l))).ToList();
        string[] literals = [.. new[] { caller, applicant, person }.SelectMany(n => new[] { n.ResidentId, n.Certificate, n.Phone })];
        var found = responses.Concat(pushed).Concat(logs).SelectMany(item => Findings(item, literals)).ToList();
        var named = pushed.Concat(logs).Concat(responses.Where(r => r.Source.Contains("supervisor", StringComparison.Ordinal)))
            .Where(item => names.Any(name => item.Text.Contains(name, StringComparison.Ordinal) || item.Text.Contains(Escaped(name), StringComparison.OrdinalIgnoreCase)))
            .Select(item => $"{item.Source}: a caller's name").ToList();

        output.WriteLine($"[figure] personal-data scan: scanned {responses.Count} responses, {pushed.Count} hub messages and {logs.Count} log lines " +
            $"({system.SiloLogs.Lines.Count} silo, {system.WebLogs.Lines.Count} web); {revealed.Count} reveal answers left out.");
        personIds.Should().OnlyContain(id => id.StartsWith("p_", StringComparison.Ordinal));
        responses.Should().Contain(r => r.Source.StartsWith(Roles[0] + " GET /api/tickets/" + ticket + " ", StringComparison.Ordinal)
            && (r.Text.Contains(names[0], StringComparison.Ordinal) || r.Text.Contains(Escaped(names[0]), StringComparison.OrdinalIgnoreCase)),
            "the operator reads the caller's name, so the name search would find one");
        revealed.Should().BeEquivalentTo(literals, "each reveal answered the full value");
        responses.Count.Should().BeGreaterThan(100);
        pushed.Should().NotBeEmpty();
        logs.Should().NotBeEmpty();
        found.Should().BeEmpty();
        named.Should().BeEmpty();
    }

    private async Task<(string Ticket, string LegalAid, string Visit)> ScenarioAsync(
        PersonalNumbers caller, PersonalNumbers applicant, PersonalNumbers person, string[] names)
    {
        using var op = await system.SignInAsync(Roles[0]);
        using var staff = await system.SignInAsync(Roles[1]);
        var ticket = await OkAsync(await PostAsync(op, "/api/tickets", caller.TicketIntake(names[0]), idempotent: true), "register");
        await OkAsync(await PostAsync(op, $"/api/tickets/{ticket}/dispatch", new { unitCode = Unit }), "dispatch");
        await OkAsync(await PostAsync(staff, $"/api/tickets/{ticket}/sign", null), "sign");
        await OkAsync(await PostAsync(staff, $"/api/tickets/{ticket}/resolve", new { reply = "已协调街道核实，补贴已于本周发放。" }), "resolve");
        var legalAid = await OkAsync(await PostAsync(op, "/api/legal-aid-cases", new
        {
            applicant = applicant.Person(names[1]), caseType = "labour_dispute", summary = "用人单位拖欠工资三个月，申请法律援助。",
        }, idempotent: true), "legal aid");
        var visit = await OkAsync(await PostAsync(op, "/api/rehab-visits", new { person = person.Person(names[2]), serviceType = "assessment" },
            idempotent: true), "visit");
        return (ticket, legalAid, visit);
    }

    /// <summary>The operator reveals every personal field once; those answers are the only ones that may carry a number.</summary>
    private async Task<List<string>> RevealEverythingAsync(string ticket, string legalAid, string visit)
    {
        using var op = await system.SignInAsync(Roles[0]);
        (string Route, string Id, string Field)[] reveals =
        [
            ("tickets", ticket, "callerPhone"), ("tickets", ticket, "residentId"), ("tickets", ticket, "disabilityCertificate"),
            ("legal-aid-cases", legalAid, "applicantPhone"), ("legal-aid-cases", legalAid, "residentId"), ("legal-aid-cases", legalAid, "disabilityCertificate"),
            ("rehab-visits", visit, "personPhone"), ("rehab-visits", visit, "residentId"), ("rehab-visits", visit, "disabilityCertificate"),
        ];
        var values = new List<string>();
        foreach (var (route, id, field) in reveals)
        {
            var response = await op.PostAsJsonAsync($"/api/{route}/{id}/reveal", new { field, purpose = "callback" });
            response.EnsureSuccessStatusCode();
            values.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()!);
        }
        return values;
    }

    /// <summary>Every read endpoint for the scenario's items and lists, as every role; returns the person ids the items showed.</summary>
    private async Task<HashSet<string>> ReadAsEveryRoleAsync(string ticket, string legalAid, string visit, PersonalNumbers caller)
    {
        var personIds = new HashSet<string>();
        foreach (var role in Roles)
        {
            using var client = await system.SignInAsync(role);
            foreach (var item in new[] { $"/api/tickets/{ticket}", $"/api/legal-aid-cases/{legalAid}", $"/api/rehab-visits/{visit}" })
            {
                var body = await ReadAsync(client, role, item);
                if (JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Object } view && view.TryGetProperty("personId", out var personId))
                {
                    personIds.Add(personId.GetString()!);
                }
                await ReadAsync(client, role, item + "/history");
            }
            string[] lists =
            [
                "/api/tickets?county=330402", "/api/tickets?q=补贴", "/api/dispatch-queue", "/api/callback-queue?due=false", $"/api/units/{Unit}/worklist",
                "/api/legal-aid-cases?county=330402", $"/api/units/{Station}/legal-aid-worklist", "/api/rehab-visits?county=330402",
                $"/api/units/{Provider}/rehab-worklist", "/api/stats/at-risk?scope=city", "/api/stats/overdue?scope=city",
                "/api/stats?scope=county:330402", "/api/audit/access",
            ];
            foreach (var list in lists)
            {
                await ReadAsync(client, role, list);
            }
            foreach (var personId in personIds)
            {
                await ReadAsync(client, role, $"/api/persons/{personId}/timeline");
            }
            var lookup = await PostAsync(client, "/api/intake/caller-history", new { residentId = caller.ResidentId, phone = caller.Phone, topic = "care_services" });
            responses.Add(($"{role} POST caller-history {(int)lookup.StatusCode}", await lookup.Content.ReadAsStringAsync()));
        }
        return personIds;
    }

    private async Task<string> ReadAsync(HttpClient client, string role, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        responses.Add(($"{role} GET {path} {(int)response.StatusCode}", body + " " + response.Headers.Location));
        return body;
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        responses.Add(($"POST {path} {(int)response.StatusCode}", text));
        response.Content = new StringContent(text);
        return response;
    }

    private static async Task<string> OkAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{what} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static IEnumerable<string> Findings((string Source, string Text) item, string[] literals)
    {
        foreach (var literal in literals.Where(l => item.Text.Contains(l, StringComparison.Ordinal)))
        {
            yield return $"{item.Source}: the scenario's number {literal[..4]}…";
        }
        foreach (Match match in NumberShaped().Matches(item.Text))
        {
            yield return $"{item.Source}: a number shaped like personal data near '{Around(item.Text, match.Index)}'";
        }
    }

    /// <summary>A name as JSON may spell it: \u6B27\u9633...</summary>
    private static string Escaped(string name) => string.Concat(name.Select(c => $"\\u{(int)c:X4}"));

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 30), Math.Min(60, text.Length - Math.Max(0, index - 30)));

    // A resident ID (region, birth date, sequence, check character), the same with a certificate's two digits, or a mobile.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-8][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?:[1-7][1-4])?|1[3-9][0-9]{9})(?![0-9A-Za-z])")]
    private static partial Regex NumberShaped();
}
