using System.Text.Json;

namespace Dispatch.Tests.Integration.Fuzz;

/// <summary>One documented operation of the API, read from the app's own OpenAPI document, so every new route is fuzzed too.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <param name="In">path, query or header.</param>
public sealed record ApiParameter(string Name, string In, JsonElement Schema);

public sealed class ApiOperations(JsonElement document)
{
    public IReadOnlyList<ApiOperation> All { get; } = [.. Read(document)];

    /// <summary>The schema a $ref points at, or the schema itself.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private static IEnumerable<ApiOperation> Read(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var request)
                    && request.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema)
                        ? schema
                        : null;
                yield return new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body);
            }
        }
    }
}
