using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Web.ApiConventions;

/// <summary>
/// The one ProblemDetails schema every error response refers to: RFC 9457's members and the ones ProblemResponses adds
/// (code, zh and en with title and detail, traceId; errors and fieldErrors for bad fields; currentStatus and
/// allowedActions when an action does not fit the item's state).
/// </summary>
internal sealed class ProblemSchema : IOpenApiDocumentTransformer
{
    public const string Name = "ProblemDetails";

    public const string ContentType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Name] = Build();
        return Task.CompletedTask;
    }

    private static OpenApiSchema Build()
    {
        var message = Object(("title", Text("The title in this language")), ("detail", Text("The detail in this language")));
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; title and detail follow Accept-Language (Chinese unless English is preferred), zh and en always carry both.",
            Required = new HashSet<string> { "type", "title", "status", "code", "zh", "en" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("https://docs.dispatch-12385.local/problems/{code}"),
                ["title"] = Text("Short title, 中文 or English per Accept-Language"),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("What went wrong and what to do"),
                ["instance"] = Text("The request path"),
                ["code"] = Text("Stable machine-readable code, e.g. validation_failed, not_found, stale_version"),
                ["zh"] = message,
                ["en"] = message,
                ["traceId"] = Text("Trace id to quote to support"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Bad fields: field name to messages in the request's language",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["fieldErrors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = Object(("field", Text("Field, parameter or header")), ("code", Text("e.g. required, invalid_format")),
                        ("zh", Text("中文说明")), ("en", Text("English message"))),
                },
                ["currentStatus"] = Text("The item's status when an action does not fit it"),
                ["allowedActions"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Object(params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
    };
}
