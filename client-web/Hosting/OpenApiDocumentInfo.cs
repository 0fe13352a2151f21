using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Web.Hosting;

/// <summary>Title, description and the bearer scheme of the OpenAPI document.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "12385 Dispatch API 嘉兴12385残疾人服务热线派单平台",
            Version = "v1",
            Description = "Tickets, legal-aid cases, home-rehabilitation visits and supervision. "
                + "Sign in with POST /api/auth/login and send the access token as 'Authorization: Bearer <token>'. "
                + "Errors are RFC 9457 problem details with Chinese and English messages.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Access token from POST /api/auth/login",
        };
        return Task.CompletedTask;
    }
}
