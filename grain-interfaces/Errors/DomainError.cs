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
    /// <summary>For a 409: the item's status when the action was refused.</summary>
    [Id(5)] public string? CurrentStatus { get; init; }

    /// <summary>For a 409: the actions the item's state allows now.</summary>
    [Id(6)] public ImmutableArray<string> AllowedActions { get; init; } = [];

    public static DomainError Validation(params FieldError[] fields) => new(
        DomainErrorKind.Validation, "validation_failed", "请求内容有误，请按字段提示修改。",
        "The request has invalid fields; see the field errors.", [.. fields]);

    public static DomainError NotFound(string what, string whatZh) => new(
        DomainErrorKind.NotFound, "not_found", $"{whatZh}不存在或无权查看。", $"{what} was not found.", []);

    public static DomainError Conflict(string code, string zh, string en) => new(DomainErrorKind.Conflict, code, zh, en, []);

    public static DomainError Forbidden(string zh, string en) => new(DomainErrorKind.Forbidden, "forbidden", zh, en, []);

    public static DomainError Stale(int current) => new(DomainErrorKind.StaleVersion, "stale_version",
        $"数据已被他人修改（当前版本 {current}），请刷新后重试。", $"The item has changed (current version {current}); reload and try again.", []);
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
    Forbidden = 4,
}
