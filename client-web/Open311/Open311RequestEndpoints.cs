using Dispatch.Web.ApiConventions;
using System.Text.Json.Serialization;
using Dispatch.People;
using Dispatch.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using static Dispatch.Web.Open311.Open311Endpoints;

namespace Dispatch.Web.Open311;

/// <summary>
/// POST /requests (a ticket through the hotline's intake rules, as the key's online-intake actor) and GET /requests,
/// /requests/{id}: only the requests the same key submitted, never the caller's personal data.
/// </summary>
public static class Open311RequestEndpoints
{
    public static void Map(RouteGroupBuilder open311)
    {
        open311.MapPost("/requests.{format}", Submit)
            // Documented here rather than by Accepts<>, whose content-type check would refuse other bodies with a bare 415
            // before the endpoint could answer in the specification's error form.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/x-www-form-urlencoded"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(Open311RequestForm), null, cancellationToken) },
                },
            })
            .WithSummary("Submit a request (form-encoded, api_key required); answers service_request_id. An Idempotency-Key header, " +
                "or else the same form on the same day, returns the same request 提交诉求")
            .Documented(StatusCodes.Status201Created)
            .WithIdempotencyKey(required: false, ItemIds.MaxKeyLength)
            .Produces(StatusCodes.Status403Forbidden, contentType: "application/json", additionalContentTypes: "text/xml")
            .Produces(StatusCodes.Status409Conflict, contentType: "application/json", additionalContentTypes: "text/xml");
        open311.MapGet("/requests.{format}", List)
            .WithSummary("This key's requests (api_key required): service_request_id (comma-separated), service_code, start_date, end_date " +
                "(at most 90 days; the last 90 by default), status (open, closed); newest first, at most 1000 诉求列表")
            .Documented()
            .Produces(StatusCodes.Status403Forbidden, contentType: "application/json", additionalContentTypes: "text/xml");
        open311.MapGet("/requests/{service_request_id}.{format}", One)
            .WithSummary("One request of this key (api_key required): status, status_notes, agency_responsible, expected_datetime 诉求详情")
            .Documented()
            .Produces(StatusCodes.Status403Forbidden, contentType: "application/json", additionalContentTypes: "text/xml");
    }

    private static async Task<Open311Answer> Submit(string format, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context, Open311KeyStore keys, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Refusal(format, [new("Idempotency-Key", idempotencyKey)], out var asked) is { } refused)
        {
            return refused;
        }
        var (form, unreadable) = await ReadFormAsync(context.Request, asked, cancellationToken);
        if (form is null)
        {
            return unreadable!;
        }
        var caller = await Open311Caller.CheckAsync(form[Open311FormFields.ApiKey].ToString(), asked, keys, cancellationToken);
        if (caller.Refusal is { } noKey)
        {
            return noKey;
        }
        var (submission, errors) = Open311Submission.Read(form);
        if (submission is null)
        {
            return Open311Answer.FieldErrors(asked, errors);
        }
        if (Open311Services.Find(submission.ServiceCode) is not { } service)
        {
            return ServiceNotFound(asked, StatusCodes.Status400BadRequest);
        }
        if (idempotencyKey is not null && !ItemIds.IsUsable(idempotencyKey))
        {
            return Open311Answer.Error(asked, StatusCodes.Status400BadRequest,
                $"Idempotency-Key 不能为空，且不超过 {ItemIds.MaxKeyLength} 个字符。", $"The Idempotency-Key must not be blank and has at most {ItemIds.MaxKeyLength} characters.");
        }
        var actor = caller.Actor!;
        var key = idempotencyKey?.Trim() ?? submission.DerivedIdempotencyKey(LocalDay(time));
        var registered = await grains.GetGrain<ITicketGrain>(ItemIds.FromKey(ItemTypes.Ticket, actor.UserId, key)).Register(submission.ToIntake(service), actor);
        if (!registered.Succeeded)
        {
            return Refused(asked, registered.Error!);
        }
        return Submitted(registered.Value!.Ticket.Number, registered.Value.Created, asked, format);
    }

    /// <summary>The form of a submission, or why it cannot be read: 400 for another content type or a broken form.</summary>
    private static async Task<(IFormCollection? Form, Open311Answer? Refusal)> ReadFormAsync(HttpRequest request, Open311Format asked,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Open311Answer.Error(asked, StatusCodes.Status400BadRequest,
                "请以表单（application/x-www-form-urlencoded）提交。", "Submit the request form-encoded (application/x-www-form-urlencoded)."));
        }
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, Open311Answer.Error(asked, StatusCodes.Status400BadRequest, "表单无法读取。", "The form could not be read."));
        }
    }

    /// <summary>201 with the request's place for a new request, 200 for a repeat: [{service_request_id, service_notice, account_id}].</summary>
    private static Open311Answer Submitted(string number, bool created, Open311Format asked, string format)
    {
        var answer = Open311Document.List("service_requests", "request", [Open311Object.Of(
            new("service_request_id", number),
            new("service_notice", $"诉求已登记，编号 {number}，可凭编号查询办理进度。/ Your request is registered as {number}; use the number to follow it."),
            new("account_id", null))]);
        return created
            ? new Open311Answer(StatusCodes.Status201Created, asked, answer) { Location = $"{Root}/requests/{number}.{format}" }
            : Open311Answer.Ok(asked, answer);
    }

    private static async Task<Open311Answer> List(string format, [AsParameters] Open311ListParameters parameters, Open311KeyStore keys,
        Open311RequestReads reads, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Refusal(format, parameters.All(), out var asked) is { } refused)
        {
            return refused;
        }
        var caller = await Open311Caller.CheckAsync(parameters.ApiKey, asked, keys, cancellationToken);
        if (caller.Refusal is { } noKey)
        {
            return noKey;
        }
        var (filter, errors) = parameters.ToFilter(time.GetUtcNow());
        if (filter is null)
        {
            return Open311Answer.Errors(asked, StatusCodes.Status400BadRequest, errors);
        }
        return Open311Answer.Ok(asked, Open311Document.List("service_requests", "request", await reads.FindAsync(caller.Actor!, filter, cancellationToken)));
    }

    private static async Task<Open311Answer> One([FromRoute(Name = "service_request_id")] string id, string format,
        [FromQuery(Name = "api_key")] string? apiKey, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        Open311KeyStore keys, Open311RequestReads reads, CancellationToken cancellationToken)
    {
        if (Refusal(format, [new("service_request_id", id), new("api_key", apiKey), new("jurisdiction_id", jurisdictionId)], out var asked) is { } refused)
        {
            return refused;
        }
        var caller = await Open311Caller.CheckAsync(apiKey, asked, keys, cancellationToken);
        if (caller.Refusal is { } noKey)
        {
            return noKey;
        }
        var found = await reads.FindAsync(caller.Actor!, new Open311RequestFilter([id.Trim()], null, default, default, null), cancellationToken);
        return found.Count == 0
            ? Open311Answer.Error(asked, StatusCodes.Status404NotFound, "没有这一诉求，或它不是用此密钥提交的。", "No request with this id was submitted with this api_key.")
            : Open311Answer.Ok(asked, Open311Document.List("service_requests", "request", found));
    }

    /// <summary>A refusal of the intake rules in the specification's form: each field error on its own, named as the form names it.</summary>
    private static Open311Answer Refused(Open311Format format, DomainError error) => error.Kind switch
    {
        DomainErrorKind.Validation => Open311Answer.FieldErrors(format, error.Fields),
        DomainErrorKind.Forbidden => Open311Answer.Error(format, StatusCodes.Status403Forbidden, error.MessageZh, error.MessageEn),
        DomainErrorKind.NotFound => Open311Answer.Error(format, StatusCodes.Status404NotFound, error.MessageZh, error.MessageEn),
        _ => Open311Answer.Error(format, StatusCodes.Status409Conflict, error.MessageZh, error.MessageEn),
    };

    /// <summary>Today in Jiaxing (UTC+8, no daylight saving).</summary>
    private static DateOnly LocalDay(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}

/// <summary>The documented shape of the request form (the endpoint reads the form itself, attributes as attribute[code]).</summary>
public sealed record Open311RequestForm(
    [property: JsonPropertyName("api_key")] string ApiKey,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("address_string")] string? AddressString,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long,
    [property: JsonPropertyName("attribute[county]")] string? County,
    [property: JsonPropertyName("attribute[town]")] string? Town,
    [property: JsonPropertyName("attribute[resident_id]")] string? ResidentId,
    [property: JsonPropertyName("attribute[disability_certificate]")] string? DisabilityCertificate);
