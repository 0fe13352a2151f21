using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Dispatch.Web.Input;

/// <summary>
/// Requests the framework cannot bind (broken JSON, a number out of range, a missing body, a body over the size limit)
/// answer 4xx problem details naming the field, never a 500. The offending value is not echoed: it may be personal data.
/// </summary>
public sealed partial class MalformedRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
        {
            return false;
        }
        var result = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ProblemResponses.Status(context, bad.StatusCode, "body_too_large",
                $"请求内容超过上限（{InputLimits.MaxBodyBytes / 1024} KB）。", $"The request body exceeds the limit ({InputLimits.MaxBodyBytes / 1024} KB)."),
            StatusCodes.Status400BadRequest => ProblemResponses.Validation(context, Describe(bad)),
            _ => ProblemResponses.Status(context, bad.StatusCode, "bad_request", "请求无法处理，请检查后重试。", "The request cannot be processed; check it and try again."),
        };
        await result.ExecuteAsync(context);
        return true;
    }

    /// <summary>The field error for a request the binder refused: the JSON path, or the parameter's name.</summary>
    public static FieldError Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            return new FieldError(field, "malformed_json",
                field == "body" ? "请求内容不是有效的 JSON，或结构不对。" : $"字段 {field} 的值格式或类型不正确。",
                field == "body" ? "The body is not valid JSON of the expected shape." : $"The field {field} has a value of the wrong format or type.");
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return new FieldError(name, "invalid_value", $"参数 {name} 的值无效或超出范围。", $"The parameter {name} has an invalid or out-of-range value.");
        }
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return new FieldError(name, "required", $"缺少参数 {name}。", $"The parameter {name} is missing.");
        }
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return new FieldError("body", "required", "请求需要 JSON 内容。", "The request needs a JSON body.");
        }
        return new FieldError("request", "malformed", "请求格式不正确。", "The request is malformed.");
    }

    /// <summary>$.notice.sentOn → notice.sentOn; $ or nothing → body.</summary>
    private static string FieldOf(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return field.Length == 0 || field.Length > 100 ? "body" : field;
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]*?(?<name>\w+)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "[^"]*?(?<name>\w+)" was not provided""")]
    private static partial Regex MissingParameter();
}
