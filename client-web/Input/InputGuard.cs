using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Dispatch.Items;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Input;

/// <summary>
/// The edge check every API endpoint passes before it calls a grain: each string the request carries (path, query,
/// headers bound to parameters, and every string anywhere in the JSON body) holds no control character or unpaired
/// surrogate and stays under its length cap, and every list in the body under its count cap. A request that fails
/// answers 400 with a field error per bad field, and nothing is called, so nothing changes. The fields' own rules
/// (lengths, vocabularies, ranges) still run in the grains; this is the floor under them.
/// </summary>
public static class InputGuard
{
    public static TBuilder GuardInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        var checks = factory.MethodInfo.GetParameters()
            .Select((parameter, index) => Classify(parameter, index, services))
            .OfType<ArgumentCheck>()
            .ToArray();
        if (checks.Length == 0)
        {
            return next;
        }
        return async context =>
        {
            var errors = new List<FieldError>();
            foreach (var check in checks)
            {
                var value = context.Arguments[check.Index];
                if (check.Body)
                {
                    Walk(value, "", errors, 0);
                }
                else if (value is string text)
                {
                    CheckString(check.Name, text, InputLimits.MaxParameterString, errors);
                }
            }
            return errors.Count == 0 ? await next(context) : ProblemResponses.Validation(context.HttpContext, [.. errors]);
        };
    }

    /// <summary>The field errors for <paramref name="value"/>, walked as a request body is; empty when it is clean.</summary>
    public static IReadOnlyList<FieldError> Check(object? value)
    {
        var errors = new List<FieldError>();
        Walk(value, "", errors, 0);
        return errors;
    }

    /// <summary>The field errors of path, query or header values, each under the parameter cap; empty when they are clean.</summary>
    public static IReadOnlyList<FieldError> CheckParameters(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var errors = new List<FieldError>();
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                CheckString(name, value, InputLimits.MaxParameterString, errors);
            }
        }
        return errors;
    }

    private sealed record ArgumentCheck(int Index, string Name, bool Body);

    private static ArgumentCheck? Classify(ParameterInfo parameter, int index, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null)
        {
            return new(index, parameter.Name ?? "body", true);
        }
        if (type == typeof(string))
        {
            var name = parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
                ?? parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name
                ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
                ?? parameter.Name ?? "parameter";
            return new(index, name, false);
        }
        if (parameter.GetCustomAttribute<FromServicesAttribute>() is not null || Special(type) || services?.IsService(type) == true
            || !IsDomainShape(type))
        {
            return null;
        }
        return new(index, parameter.Name ?? "body", true);
    }

    private static bool Special(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(ClaimsPrincipal)
        || type == typeof(CancellationToken);

    /// <summary>Request records are ours (Dispatch.*) or lists and dictionaries of them.</summary>
    private static bool IsDomainShape(Type type) =>
        type.Namespace?.StartsWith("Dispatch", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(IsDomainShape));

    private static void Walk(object? value, string path, List<FieldError> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckString(path.Length == 0 ? "body" : path, text, InputLimits.MaxBodyString, errors);
                return;
            case JsonElement json:
                WalkJson(json, path, errors, depth);
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or Guid or DateOnly or TimeOnly or DateTime or DateTimeOffset or TimeSpan)
        {
            return;
        }
        if (depth >= InputLimits.MaxDepth)
        {
            errors.Add(new FieldError(path, "too_deep", "请求内容嵌套层级过深。", "The request nests too deeply."));
            return;
        }
        if (value is IDictionary dictionary)
        {
            WalkItems(dictionary.Count, path, errors, () =>
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? entry.Key.ToString() ?? "";
                    CheckString(Join(path, "(key)"), key, InputLimits.MaxParameterString, errors);
                    Walk(entry.Value, Join(path, key.Length <= 40 && TextCharacters.IsClean(key) ? key : "(key)"), errors, depth + 1);
                }
            });
            return;
        }
        if (value is IEnumerable items)
        {
            if (IsDefaultImmutableArray(value, type))
            {
                return;
            }
            var list = items.Cast<object?>().Take(InputLimits.MaxListItems + 1).ToList();
            WalkItems(list.Count, path, errors, () =>
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]", errors, depth + 1);
                }
            });
            return;
        }
        foreach (var property in Properties(type))
        {
            Walk(property.Read(value), Join(path, property.Name), errors, depth + 1);
        }
    }

    private static void WalkItems(int count, string path, List<FieldError> errors, Action walk)
    {
        if (count > InputLimits.MaxListItems)
        {
            errors.Add(new FieldError(path, "too_many", $"列表最多 {InputLimits.MaxListItems} 项。", $"A list may hold at most {InputLimits.MaxListItems} items."));
            return;
        }
        walk();
    }

    private static void WalkJson(JsonElement json, string path, List<FieldError> errors, int depth)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(path.Length == 0 ? "body" : path, json.GetString() ?? "", InputLimits.MaxBodyString, errors);
                break;
            case JsonValueKind.Array when depth < InputLimits.MaxDepth:
                var length = json.GetArrayLength();
                WalkItems(length, path, errors, () =>
                {
                    var i = 0;
                    foreach (var item in json.EnumerateArray())
                    {
                        WalkJson(item, $"{path}[{i++}]", errors, depth + 1);
                    }
                });
                break;
            case JsonValueKind.Object when depth < InputLimits.MaxDepth:
                foreach (var property in json.EnumerateObject())
                {
                    CheckString(Join(path, "(key)"), property.Name, InputLimits.MaxParameterString, errors);
                    WalkJson(property.Value, Join(path, TextCharacters.IsClean(property.Name) && property.Name.Length <= 40 ? property.Name : "(key)"), errors, depth + 1);
                }
                break;
            case JsonValueKind.Array or JsonValueKind.Object:
                errors.Add(new FieldError(path, "too_deep", "请求内容嵌套层级过深。", "The request nests too deeply."));
                break;
        }
    }

    private static void CheckString(string field, string text, int max, List<FieldError> errors)
    {
        var at = TextCharacters.FirstForbidden(text);
        if (at >= 0)
        {
            var which = TextCharacters.Describe(text, at);
            errors.Add(new FieldError(field, "invalid_character", $"字段 {field} 含有不允许的控制字符（{which}）。",
                $"The field {field} contains a character that is not allowed ({which})."));
        }
        else if (text.Length > max && TextCharacters.Length(text) > max)
        {
            errors.Add(new FieldError(field, "too_long", $"字段 {field} 不能超过 {max} 个字符。", $"The field {field} must be at most {max} characters."));
        }
    }

    private static string Join(string path, string name)
    {
        var camel = name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
        return path.Length == 0 ? camel : $"{path}.{camel}";
    }

    private static bool IsDefaultImmutableArray(object value, Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)type.GetProperty("IsDefault")!.GetValue(value)!;

    private sealed record Readable(string Name, Func<object, object?> Read);

    private static readonly ConcurrentDictionary<Type, Readable[]> PropertyCache = new();

    private static Readable[] Properties(Type type) => PropertyCache.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod?.IsStatic == false
            && p.Name != "EqualityContract")
        .Select(p => new Readable(p.Name, p.GetValue))
        .ToArray());
}
