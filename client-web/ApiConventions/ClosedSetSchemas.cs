using System.Reflection;
using System.Text.Json.Nodes;
using Dispatch.Items;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Web.ApiConventions;

/// <summary>
/// Closed sets in the schema: a string property or parameter marked <see cref="ClosedSetAttribute"/> gets an enum of the
/// codes its definition holds (statuses, kinds, channels, roles...), so the document and the rules share one list.
/// </summary>
internal sealed class ClosedSetSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var closedSet = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ClosedSetAttribute), true).OfType<ClosedSetAttribute>().FirstOrDefault()
            ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<ClosedSetAttribute>();
        if (closedSet is not null)
        {
            Apply(schema, closedSet.Codes());
        }
        return Task.CompletedTask;
    }

    /// <summary>The enum on the string schema itself, or on the items of a list of codes.</summary>
    private static void Apply(OpenApiSchema schema, IReadOnlyList<string> codes)
    {
        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items)
        {
            Apply(items, codes);
            return;
        }
        schema.Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))];
    }
}
