using Dispatch.Web.Input;

namespace Dispatch.Web.Open311;

/// <summary>An HTTP answer carrying an <see cref="Open311Document"/> in the asked format.</summary>
public sealed class Open311Answer(int status, Open311Format format, Open311Document document) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Open311Document Document => document;

    /// <summary>Set for a new request: where it is read again.</summary>
    public string? Location { get; init; }

    public static Open311Answer Ok(Open311Format format, Open311Document document) => new(StatusCodes.Status200OK, format, document);

    /// <summary>
    /// The specification's error list, <c>[{code, description}]</c> or <c>&lt;errors&gt;&lt;error&gt;…</c>, with the HTTP status
    /// of the first error; every description in Chinese, then English.
    /// </summary>
    public static Open311Answer Errors(Open311Format format, int status, IEnumerable<(string Zh, string En)> descriptions) =>
        new(status, format, Open311Document.List("errors", "error",
            descriptions.Select(d => Open311Object.Of(new("code", status), new("description", $"{d.Zh} / {d.En}")))));

    public static Open311Answer Error(Open311Format format, int status, string zh, string en) => Errors(format, status, [(zh, en)]);

    /// <summary>The field errors of a refused intake (our own or the grain's), one error per field, named as the form names it.</summary>
    public static Open311Answer FieldErrors(Open311Format format, IEnumerable<FieldError> fields) =>
        Errors(format, StatusCodes.Status400BadRequest, fields.Select(f =>
        {
            var name = Open311FormFields.NameOf(f.Field);
            return ($"{name}：{f.MessageZh}", $"{name}: {f.MessageEn}");
        }));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = Open311Formats.ContentType(format);
        response.Headers.CacheControl = "no-store";
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        await Open311Writer.WriteAsync(document, format, response.Body, httpContext.RequestAborted);
    }
}
