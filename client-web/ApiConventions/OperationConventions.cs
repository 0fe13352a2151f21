using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Web.ApiConventions;

/// <summary>
/// What every operation of the document says the same way, from the endpoint's own metadata: the bearer scheme where
/// authorization is required, the problem-details responses it can give, If-Match / ETag / Idempotency-Key where its
/// markers say so, and Location on every 201.
/// </summary>
/// <param name="rateLimited">Whether the rate limiter may refuse a request (method, path template) with 429.</param>
/// <param name="ownErrorShape">Paths whose errors follow another specification's shape (Open311), not problem details.</param>
internal sealed class OperationConventions(Func<string, string, bool> rateLimited, Func<string, bool> ownErrorShape) : IOpenApiOperationTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? HttpMethods.Get;
        var path = "/" + description.RelativePath;
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Responses ??= [];
        if (secured)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }
        AddHeaders(operation, metadata);
        DescribePaging(operation);
        if (!ownErrorShape(path))
        {
            foreach (var status in ProblemStatuses(operation, metadata, method, path, secured))
            {
                AddProblem(operation, status, context.Document);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The errors the endpoint can answer, each for a reason the pipeline or the handler really has.</summary>
    private IEnumerable<int> ProblemStatuses(OpenApiOperation operation, IList<object> metadata, string method, string path, bool secured)
    {
        var hasBody = operation.RequestBody is not null;
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        // Bind failures, the input guard's checks and the rules' field errors.
        if (hasBody || writes || operation.Parameters is { Count: > 0 })
        {
            yield return StatusCodes.Status400BadRequest;
        }
        if (secured)
        {
            // 403: a role or policy that does not fit, or an account that must first change its password or enrol a second factor.
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }
        // An item or unit outside the user's scope is not found, like one that does not exist.
        if (path.Contains('{', StringComparison.Ordinal))
        {
            yield return StatusCodes.Status404NotFound;
        }
        // A change the item's or the registry's current state does not allow.
        if (writes && secured)
        {
            yield return StatusCodes.Status409Conflict;
        }
        if (metadata.OfType<IfMatchMetadata>().Any())
        {
            yield return StatusCodes.Status412PreconditionFailed;
        }
        if (hasBody)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }
        if (rateLimited(method, path))
        {
            yield return StatusCodes.Status429TooManyRequests;
        }
        // The cluster or the database cannot answer just now (Retry-After); health answers its own report instead.
        if (!path.StartsWith("/health", StringComparison.Ordinal))
        {
            yield return StatusCodes.Status503ServiceUnavailable;
        }
    }

    private static void AddProblem(OpenApiOperation operation, int status, OpenApiDocument? document)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }
        var response = new OpenApiResponse
        {
            Description = ReasonPhrases.For(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemSchema.ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, document) },
            },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = Header("Seconds to wait before trying again", JsonSchemaType.Integer),
            };
        }
        operation.Responses[key] = response;
    }

    private static void AddHeaders(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var (status, response) in operation.Responses!)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            if (status == "201")
            {
                AddResponseHeader(concrete, "Location", "The new resource's URL");
            }
            if (status is "200" or "201" && metadata.OfType<ETagMetadata>().Any())
            {
                AddResponseHeader(concrete, "ETag", "The item's version, e.g. \"3\"; send it back as If-Match");
            }
        }
        if (metadata.OfType<IfMatchMetadata>().Any())
        {
            SetRequestHeader(operation, "If-Match", required: false,
                "The item version this change is based on, e.g. \"3\" (the ETag last seen); a stale one is refused with 412. Without it the change applies to the current version.");
        }
        if (metadata.OfType<IdempotencyKeyMetadata>().FirstOrDefault() is { } idempotency)
        {
            SetRequestHeader(operation, "Idempotency-Key", idempotency.Required,
                $"Unique key of this submission (at most {idempotency.MaxLength} characters); a repeat with the same key returns the same item (200) instead of a new one (201).");
        }
    }

    /// <summary>The paging parameters say their bounds and defaults, the same on every paged list (Paging).</summary>
    private static void DescribePaging(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            parameter.Description = parameter.Name switch
            {
                "page" => $"Page number, 1 to {Paging.MaxPage}; default 1",
                "pageSize" => $"Items per page, 1 to {Paging.MaxPageSize}; default {Paging.DefaultPageSize}",
                _ => parameter.Description,
            };
        }
    }

    private static void AddResponseHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = Header(description, JsonSchemaType.String);
    }

    private static void SetRequestHeader(OpenApiOperation operation, string name, bool required, string description)
    {
        operation.Parameters ??= [];
        var existing = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Header && p.Name == name);
        if (existing is null)
        {
            existing = new OpenApiParameter { Name = name, In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            operation.Parameters.Add(existing);
        }
        existing.Required = required;
        existing.Description = description;
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type) => new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}

/// <summary>The response descriptions of the problem statuses, in English and Chinese.</summary>
internal static class ReasonPhrases
{
    public static string For(int status) => status switch
    {
        400 => "Invalid request: problem details with fieldErrors 请求内容有误",
        401 => "Not signed in or the token expired 未登录或登录已过期",
        403 => "Not allowed for this role or account state 无权执行此操作",
        404 => "Not found, or outside the user's scope 未找到或无权查看",
        409 => "Conflicts with the current state (currentStatus, allowedActions) 当前状态不允许此操作",
        412 => "If-Match names a version that is no longer current 数据已被他人修改",
        413 => "Request body over the size limit 请求内容过大",
        415 => "Body not sent as application/json 不支持的内容类型",
        429 => "Too many requests; see Retry-After 请求过于频繁",
        503 => "The cluster or the database cannot answer just now; see Retry-After 服务暂不可用",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
}
