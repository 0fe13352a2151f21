using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Fuzz;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Xunit.Abstractions;
using static Dispatch.Tests.Integration.Open311.Open311Api;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>
/// Seeded hostile forms with a valid key: every field of the form (and unknown attributes, repeated names) takes hostile
/// values. No answer is 5xx, every refusal is the specification's error list, and a refusal registers nothing.
/// </summary>
public sealed class Open311HostileFormTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private const int Cases = 300;

    private static readonly string[] Fields =
    [
        "service_code", "description", "first_name", "last_name", "phone", "email", "address_string", "lat", "long", "device_id",
        "attribute[county]", "attribute[town]", "attribute[resident_id]", "attribute[disability_certificate]", "attribute[nonsense]",
    ];

    [Fact]
    public async Task Hostile_form_values_answer_4xx_or_success_never_5xx_and_a_refusal_registers_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 311;
        var random = new Random(seed);
        using var admin = await Admin(system);
        var key = await IssueKeyAsync(admin, "敌意输入测试");
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var registered = 0;
        for (var i = 0; i < Cases; i++)
        {
            var form = Form(key.ApiKey).ToList();
            for (var hostile = random.Next(1, 4); hostile > 0; hostile--)
            {
                var field = HostileValues.Pick(random, Fields);
                form.RemoveAll(f => f.Key == field && random.Next(2) == 0);
                form.Add(new(field, HostileValues.Pick(random, HostileValues.Strings)));
            }
            var format = random.Next(2) == 0 ? "json" : "xml";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Root}/requests.{format}") { Content = new FormUrlEncodedContent(form) };
            using var response = await system.Web.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var description = $"#{i} {status}: {string.Join("&", form.Select(f => $"{f.Key}={f.Value[..Math.Min(f.Value.Length, 40)]}"))}";
            if (status >= 500)
            {
                failures.Add(description);
            }
            else if (status >= 400 && !await Open311Errors.IsErrorListAsync(response))
            {
                failures.Add("not an error list: " + description);
            }
            else if (status is 200 or 201)
            {
                registered += status == 201 ? 1 : 0;
            }
        }
        var listed = await JsonAsync(system.Web.Client, $"{Root}/requests.json?api_key={key.ApiKey}");
        output.WriteLine($"[figure] Open311 hostile forms, seed {seed}: {Cases} cases; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}");
        failures.Should().BeEmpty("no hostile form may fail the server (seed {0})", seed);
        statuses.Keys.Should().Contain(400);
        listed.GetArrayLength().Should().Be(registered, "only the accepted forms registered a request");
    }

    [Fact]
    public async Task A_repeated_field_is_refused_and_registers_nothing()
    {
        using var admin = await Admin(system);
        var key = await IssueKeyAsync(admin);
        var form = Form(key.ApiKey).ToList();
        form.Add(new("phone", "13800000000"));

        var (status, errors) = await JsonErrorsAsync(await system.Web.Client.PostAsync($"{Root}/requests.json", new FormUrlEncodedContent(form)));

        status.Should().Be(400);
        errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()).Should().ContainSingle(d => d!.StartsWith("phone："));
        (await system.Web.Client.GetFromJsonAsync<JsonElement>($"{Root}/requests.json?api_key={key.ApiKey}")).GetArrayLength().Should().Be(0);
    }
}
