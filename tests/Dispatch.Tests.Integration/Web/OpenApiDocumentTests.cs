using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Tests.Fixtures;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>
/// The OpenAPI document as the running app serves it: compared with the committed snapshot (so any change to the API's
/// description is seen in review), and held to the API conventions over every operation.
/// </summary>
public sealed class OpenApiDocumentTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    public const string UpdateVariable = "UPDATE_OPENAPI_SNAPSHOT";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static string SnapshotPath => Path.Combine(RepositoryRoot.Find(), "tests", "Dispatch.Tests.Integration", "Web", "OpenApi", "v1.json");

    [Fact]
    public async Task The_document_equals_the_committed_snapshot()
    {
        var served = Normalized(await DocumentAsync());
        var received = Path.ChangeExtension(SnapshotPath, ".received.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
            await File.WriteAllTextAsync(SnapshotPath, served);
            File.Delete(received);
            return;
        }
        var committed = File.Exists(SnapshotPath) ? Normalized(JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath))!) : "";
        if (committed != served)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
            await File.WriteAllTextAsync(received, served);
        }
        committed.Should().Be(served,
            $"the OpenAPI document changed: the served one is in {received}; review the difference and, if it is intended, " +
            $"accept it with {UpdateVariable}=1 dotnet test tests/Dispatch.Tests.Integration --filter FullyQualifiedName~OpenApiDocumentTests " +
            $"(or copy the .received.json over {Path.GetFileName(SnapshotPath)}) and commit the snapshot");
    }

    [Fact]
    public async Task Every_operation_that_requires_a_sign_in_names_the_bearer_scheme_and_answers_401_and_403()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var secured = operations.Where(o => o.Operation["security"] is not null).ToList();
        secured.Should().HaveCountGreaterThan(80);
        foreach (var (name, operation) in secured)
        {
            operation["security"]![0]!.AsObject().Select(s => s.Key).Should().Equal(["bearer"], name);
            Statuses(operation).Should().Contain(["401", "403"], name);
        }
        var anonymous = operations.Where(o => o.Operation["security"] is null).Select(o => o.Name).ToList();
        anonymous.Should().Contain(["POST /api/auth/login", "POST /api/auth/refresh", "GET /health/live", "GET /health/ready", "GET /open311/v2/services.{format}"]);
        anonymous.Should().NotContain(n => n.StartsWith("GET /api/tickets", StringComparison.Ordinal) || n.StartsWith("GET /api/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_but_open311_and_the_health_probes_lists_problem_details_responses_with_the_shared_schema()
    {
        var document = await DocumentAsync();
        var schema = document["components"]!["schemas"]!["ProblemDetails"]!;
        schema["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["type", "title", "status", "detail", "code", "zh", "en", "fieldErrors"]);

        // Open311 answers errors in its specification's own form; the probes answer their health report.
        foreach (var (name, operation) in Operations(document).Where(o => !o.Name.Contains(" /open311/", StringComparison.Ordinal)
            && !o.Name.Contains(" /health/", StringComparison.Ordinal)))
        {
            var problems = operation["responses"]!.AsObject()
                .Where(r => r.Value!["content"]?["application/problem+json"] is not null).ToList();
            problems.Should().NotBeEmpty(name);
            problems.Should().OnlyContain(r => r.Value!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>() == "#/components/schemas/ProblemDetails", name);
        }
    }

    [Fact]
    public async Task Every_201_carries_a_location_header()
    {
        var created = Operations(await DocumentAsync()).Where(o => o.Operation["responses"]!["201"] is not null).ToList();

        created.Should().HaveCountGreaterThan(8);
        foreach (var (name, operation) in created)
        {
            operation["responses"]!["201"]!["headers"]?["Location"].Should().NotBeNull(name);
        }
    }

    /// <summary>The unit's own work on every item (notes, 承办人): item actions too, on each kind's route.</summary>
    private static readonly string[] WorkedItemRoutes = ["tickets", "legal-aid-cases", "rehab-visits"];

    private static readonly string[] PlanActions = ["end", "amend", "pause", "resume"];

    private static readonly string[] WorkActions = [ItemWorkActions.Note, ItemWorkActions.Assignee, ItemWorkActions.Unassign];

    [Fact]
    public async Task Exactly_the_item_actions_declare_if_match_and_answer_412_with_an_etag()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        var actions = TicketVocabulary.Item.Actions.Select(a => "POST /api/tickets/{id}/" + a.Code)
            .Concat(LegalAidVocabulary.Item.Actions.Select(a => "POST /api/legal-aid-cases/{id}/" + a.Code))
            .Concat(RehabVocabulary.Item.Actions.Select(a => "POST /api/rehab-visits/{id}/" + a.Code))
            .Concat(WorkedItemRoutes.SelectMany(route => WorkActions.Select(a => $"POST /api/{route}/{{id}}/{a}")))
            .Concat(PlanActions.Select(a => "POST /api/rehab-plans/{id}/" + a))
            .Append("PUT /api/legal-aid-stations/{code}/roster/{memberId}").ToList();

        var declaring = operations.Where(o => HeaderParameter(o.Operation, "If-Match") is not null).Select(o => o.Name);

        declaring.Should().BeEquivalentTo(actions, "every handler that reads If-Match (the item actions and a roster entry's change) says so, and no other");
        foreach (var (name, operation) in operations.Where(o => actions.Contains(o.Name)))
        {
            Statuses(operation).Should().Contain("412", name);
            operation["responses"]!["200"]!["headers"]?["ETag"].Should().NotBeNull(name);
        }
    }

    [Theory]
    [InlineData("POST /api/tickets", true)]
    [InlineData("POST /api/legal-aid-cases", true)]
    [InlineData("POST /api/rehab-visits", true)]
    [InlineData("POST /api/rehab-plans", true)]
    [InlineData("POST /api/tickets/{id}/legal-aid", false)]
    [InlineData("POST /api/tickets/{id}/rehab-visits", false)]
    [InlineData("POST /open311/v2/requests.{format}", false)]
    public async Task Intake_operations_declare_the_idempotency_key_they_honour(string name, bool required)
    {
        var operation = Operations(await DocumentAsync()).Single(o => o.Name == name).Operation;

        var header = HeaderParameter(operation, "Idempotency-Key");

        header.Should().NotBeNull();
        (header!["required"]?.GetValue<bool>() ?? false).Should().Be(required);
    }

    [Fact]
    public async Task Every_paged_list_answers_items_total_page_and_page_size_and_takes_page_and_page_size()
    {
        var document = await DocumentAsync();
        var paged = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var parameters = operation["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
            var answer = Resolve(document, operation["responses"]?["200"]?["content"]?["application/json"]?["schema"]);
            var fields = answer?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
            if (!parameters.Contains("page") && !fields.Contains("total"))
            {
                continue;
            }
            paged.Add(name);
            parameters.Should().Contain(["page", "pageSize"], name);
            fields.Should().Contain(["items", "total", "page", "pageSize"], name);
        }
        paged.Should().Contain(["GET /api/tickets", "GET /api/legal-aid-cases", "GET /api/rehab-visits", "GET /api/admin/users", "GET /api/audit/access"]);
    }

    [Fact]
    public async Task Closed_sets_appear_as_enums_from_the_vocabulary()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Name, o => o.Operation);

        var intake = Resolve(document, operations["POST /api/tickets"]["requestBody"]!["content"]!["application/json"]!["schema"])!;
        Enum(intake["properties"]!["kind"]).Should().Equal(TicketVocabulary.Kinds);
        Enum(intake["properties"]!["channel"]).Should().Equal(TicketVocabulary.Channels);
        var status = operations["GET /api/tickets"]["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "status")!;
        Enum(status["schema"]).Should().Equal(TicketVocabulary.Item.Statuses.Select(s => s.Code));
        var caseStatus = operations["GET /api/legal-aid-cases"]["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "status")!;
        Enum(caseStatus["schema"]).Should().BeEquivalentTo(LegalAidStatus.All);
    }

    private async Task<JsonNode> DocumentAsync() => (await system.Web.Client.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!;

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                yield return ($"{method.ToUpperInvariant()} {path}", operation!);
            }
        }
    }

    private static List<string> Statuses(JsonNode operation) => [.. operation["responses"]!.AsObject().Select(r => r.Key)];

    private static JsonNode? HeaderParameter(JsonNode operation, string name) =>
        operation["parameters"]?.AsArray().FirstOrDefault(p => p!["in"]!.GetValue<string>() == "header" && p["name"]!.GetValue<string>() == name);

    private static List<string> Enum(JsonNode? schema) => [.. schema!["enum"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema) =>
        schema?["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]] : schema;

    /// <summary>Keys sorted at every level, the server address (a test's free port) left out, indented, Chinese kept readable.</summary>
    private static string Normalized(JsonNode document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("servers");
        return Sorted(copy)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
