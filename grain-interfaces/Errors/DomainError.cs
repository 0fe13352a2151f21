using System.Collections.Immutable;

namespace Dispatch.Errors;

/// <summary>A rule said no. Carries a stable code and the message in Chinese and English.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.DomainError")]
public sealed record DomainError(
    [property: Id(0)] DomainErrorKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string MessageZh,
    [property: Id(3)] string MessageEn,
    [property: Id(4)] ImmutableArray<FieldError> Fields)
{
    public static DomainError Validation(params FieldError[] fields) => new(
        DomainErrorKind.Validation, "validation_failed", "请求内容有误，请按字段提示修改。",
        "The request has invalid fields; see the field errors.", [.. fields]);

    public static DomainError NotFound(string what, string whatZh) => new(
        DomainErrorKind.NotFound, "not_found", $"{whatZh}不存在或无权查看。", $"{what} was not found.", []);

    public static DomainError Conflict(string code, string zh, string en) => new(DomainErrorKind.Conflict, code, zh, en, []);
}

[GenerateSerializer, Immutable, Alias("Dispatch.FieldError")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Code,
    [property: Id(2)] string MessageZh,
    [property: Id(3)] string MessageEn);

/// <summary>How the web layer maps an error: 400, 404, 409, 412.</summary>
[GenerateSerializer, Alias("Dispatch.DomainErrorKind")]
public enum DomainErrorKind
{
    Validation = 0,
    NotFound = 1,
    Conflict = 2,
    StaleVersion = 3,
}
