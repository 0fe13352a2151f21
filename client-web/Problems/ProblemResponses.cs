using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Problems;

/// <summary>RFC 9457 problem details with every message in Chinese and English.</summary>
/// <remarks>
/// <c>title</c> and <c>detail</c> follow Accept-Language (Chinese unless English is preferred);
/// <c>zh</c> and <c>en</c> always carry both, and <c>fieldErrors</c> names each bad field.
/// </remarks>
public static class ProblemResponses
{
    public const string TypeBase = "https://docs.dispatch-12385.local/problems/";

    public static ProblemHttpResult From(DomainError error, HttpContext context)
    {
        var status = error.Kind switch
        {
            DomainErrorKind.Validation => StatusCodes.Status400BadRequest,
            DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            DomainErrorKind.StaleVersion => StatusCodes.Status412PreconditionFailed,
            DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var (titleZh, titleEn) = Titles(status);
        var problem = Build(context, status, error.Code, titleZh, titleEn, error.MessageZh, error.MessageEn);
        if (error.CurrentStatus is not null)
        {
            problem.Extensions["currentStatus"] = error.CurrentStatus;
            problem.Extensions["allowedActions"] = error.AllowedActions.IsDefault ? [] : error.AllowedActions.ToArray();
        }
        if (!error.Fields.IsDefaultOrEmpty)
        {
            var english = PrefersEnglish(context);
            problem.Extensions["errors"] = error.Fields
                .GroupBy(f => f.Field)
                .ToDictionary(g => g.Key, g => g.Select(f => english ? f.MessageEn : f.MessageZh).ToArray());
            problem.Extensions["fieldErrors"] = error.Fields
                .Select(f => new { field = f.Field, code = f.Code, zh = f.MessageZh, en = f.MessageEn })
                .ToArray();
        }
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(HttpContext context, params FieldError[] fields) =>
        From(DomainError.Validation(fields), context);

    public static ProblemHttpResult Status(HttpContext context, int status, string code, string detailZh, string detailEn)
    {
        var (titleZh, titleEn) = Titles(status);
        return TypedResults.Problem(Build(context, status, code, titleZh, titleEn, detailZh, detailEn));
    }

    /// <summary>Fills in bilingual text for problems produced by the framework (404 route, 401, 405, 500...).</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Extensions.ContainsKey("zh"))
        {
            return;
        }
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.HttpContext.Response.Headers.RetryAfter = Unavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        var (titleZh, titleEn) = Titles(status);
        var (detailZh, detailEn) = Details(status);
        var english = PrefersEnglish(context.HttpContext);
        problem.Title = english ? titleEn : titleZh;
        problem.Detail ??= english ? detailEn : detailZh;
        problem.Extensions["code"] = CodeFor(status);
        problem.Extensions["zh"] = new { title = titleZh, detail = detailZh };
        problem.Extensions["en"] = new { title = titleEn, detail = detailEn };
    }

    public static bool PrefersEnglish(HttpContext context)
    {
        var languages = context.Request.GetTypedHeaders().AcceptLanguage;
        var best = languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return best is not null && best.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static ProblemDetails Build(HttpContext context, int status, string code, string titleZh, string titleEn, string detailZh, string detailEn)
    {
        var english = PrefersEnglish(context);
        return new ProblemDetails
        {
            Type = TypeBase + code,
            Status = status,
            Title = english ? titleEn : titleZh,
            Detail = english ? detailEn : detailZh,
            Instance = context.Request.Path,
            Extensions =
            {
                ["code"] = code,
                ["zh"] = new { title = titleZh, detail = detailZh },
                ["en"] = new { title = titleEn, detail = detailEn },
                ["traceId"] = context.TraceIdentifier,
            },
        };
    }

    private static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        412 => "stale_version",
        413 => "body_too_large",
        415 => "unsupported_media_type",
        428 => "precondition_required",
        429 => "rate_limited",
        503 => "unavailable",
        _ => status >= 500 ? "server_error" : "error",
    };

    private static (string Zh, string En) Titles(int status) => status switch
    {
        400 => ("请求内容有误", "Invalid request"),
        401 => ("未登录或登录已过期", "Not signed in"),
        403 => ("无权执行此操作", "Not allowed"),
        404 => ("未找到", "Not found"),
        405 => ("不支持的请求方法", "Method not allowed"),
        409 => ("当前状态不允许此操作", "Conflict with the current state"),
        412 => ("数据已被他人修改", "The item has changed"),
        413 => ("请求内容过大", "Request too large"),
        415 => ("不支持的内容类型", "Unsupported media type"),
        428 => ("缺少版本条件", "Precondition required"),
        429 => ("请求过于频繁", "Too many requests"),
        503 => ("服务暂不可用", "Service unavailable"),
        _ => status >= 500 ? ("服务器内部错误", "Server error") : ("请求失败", "Request failed"),
    };

    private static (string Zh, string En) Details(int status) => status switch
    {
        400 => ("请求格式不正确，请检查后重试。", "The request is malformed; check it and try again."),
        401 => ("请先登录。", "Sign in first."),
        403 => ("您的角色无权执行此操作。", "Your role may not do this."),
        404 => ("请求的资源不存在或无权查看。", "The resource does not exist or is not visible to you."),
        405 => ("该地址不支持此请求方法。", "This address does not accept this method."),
        413 => ("请求内容超过大小上限，请删减后重试。", "The request body is over the size limit; shorten it and try again."),
        415 => ("请以 application/json 提交。", "Send the body as application/json."),
        503 => ("服务正在启动或依赖不可用，请稍后重试。", "The service is starting or a dependency is unavailable; try again shortly."),
        _ => status >= 500 ? ("服务器处理出错，已记录，请稍后重试。", "The server failed to handle the request; it was logged. Try again shortly.")
                           : ("请求未能完成。", "The request could not be completed."),
    };
}
