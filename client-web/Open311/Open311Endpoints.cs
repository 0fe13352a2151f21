using Dispatch.Web.Input;
using Dispatch.Web.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2 for the online petition and web-form channel: the service catalogue (open to
/// anyone, as the specification has it) and the requests of one API key. Every resource comes as .json or .xml; every
/// refusal is the specification's error list with its HTTP status.
/// </summary>
public static class Open311Endpoints
{
    public const string Tag = "Open311 GeoReport v2 网上渠道";
    public const string Root = "/open311/v2";

    public static IServiceCollection AddOpen311(this IServiceCollection services) => services
        .AddSingleton<Open311KeyStore>()
        .AddSingleton<Open311RequestReads>();

    public static WebApplication MapOpen311(this WebApplication app)
    {
        // The key, not a session, says who asks: these routes never read the cookie or the bearer token.
        var open311 = app.MapGroup(Root).WithTags(Tag).AllowAnonymous();
        open311.MapGet("/services.{format}", Services)
            .WithSummary("Every service (ticket kind and topic): service_code, service_name, description, metadata, type, keywords, group 服务列表")
            .Documented();
        open311.MapGet("/services/{service_code}.{format}", Definition)
            .WithSummary("A service's definition: its attributes (county, town, resident_id, disability_certificate) 服务定义").Documented();
        Open311RequestEndpoints.Map(open311);
        return app;
    }

    /// <summary>What the OpenAPI document says every Open311 route answers.</summary>
    internal static RouteHandlerBuilder Documented(this RouteHandlerBuilder route, int success = StatusCodes.Status200OK) => route
        .Produces(success, contentType: "application/json", additionalContentTypes: "text/xml")
        .Produces(StatusCodes.Status400BadRequest, contentType: "application/json", additionalContentTypes: "text/xml")
        .Produces(StatusCodes.Status404NotFound, contentType: "application/json", additionalContentTypes: "text/xml");

    private static Open311Answer Services(string format)
    {
        if (Refusal(format, [], out var asked) is { } refused)
        {
            return refused;
        }
        return Open311Answer.Ok(asked, Open311Document.List("services", "service", Open311Services.All.Select(s => s.Summary())));
    }

    private static async Task<Open311Answer> Definition([FromRoute(Name = "service_code")] string serviceCode, string format,
        ReferenceQueries reference, CancellationToken cancellationToken)
    {
        if (Refusal(format, [new("service_code", serviceCode)], out var asked) is { } refused)
        {
            return refused;
        }
        if (Open311Services.Find(serviceCode) is not { } service)
        {
            return ServiceNotFound(asked);
        }
        var areas = await reference.AreasAsync(cancellationToken);
        return Open311Answer.Ok(asked, Open311Document.Single("service_definition",
            Open311Object.Of(new("service_code", service.Code), new("attributes", Open311Attributes.Definitions(areas)))));
    }

    internal static Open311Answer ServiceNotFound(Open311Format format, int status = StatusCodes.Status404NotFound) =>
        Open311Answer.Error(format, status, "没有这一服务（service_code），请查阅服务列表。", "No service has this service_code; see the service list.");

    /// <summary>
    /// The format asked for, or the refusal: 404 for an extension other than json and xml (answered in JSON), 400 for a
    /// parameter the input rules refuse (control characters, over 200 characters).
    /// </summary>
    internal static Open311Answer? Refusal(string format, IEnumerable<KeyValuePair<string, string?>> parameters, out Open311Format asked)
    {
        asked = Open311Formats.Parse(format) ?? Open311Format.Json;
        if (Open311Formats.Parse(format) is null)
        {
            return Open311Answer.Error(Open311Format.Json, StatusCodes.Status404NotFound,
                "只提供 .json 和 .xml 两种格式。", "Only the .json and .xml formats are offered.");
        }
        var errors = InputGuard.CheckParameters(parameters);
        return errors.Count > 0 ? Open311Answer.FieldErrors(asked, errors) : null;
    }
}
