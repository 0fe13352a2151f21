using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dispatch.Tests.Integration.Tickets;
using static Dispatch.Tests.Integration.Fuzz.FuzzJson;

namespace Dispatch.Tests.Integration.Fuzz;

/// <summary>
/// Builds one request for a documented operation: mostly plausible values (so a request reaches the rules behind the
/// edge), with hostile values mixed into fields, parameters and headers, or a body that is broken as a whole.
/// </summary>
public sealed class RequestMaker(ApiOperations api, Random random, IReadOnlyDictionary<string, IReadOnlyList<string>> itemIds)
{
    private static readonly Dictionary<string, string[]> Plausible = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unitCode"] = ["330402-CENTRE", "330411-CENTRE", "330402-LEGAL", "330402-REHAB-1", "330400-REVIEW", "NO-SUCH-UNIT"],
        ["stationCode"] = ["330402-LEGAL", "330400-LEGAL", "330402-CENTRE"],
        ["providerCode"] = ["330402-REHAB-1", "330402-REHAB-2", "330402-LEGAL"],
        ["provider"] = ["330402-REHAB-1"],
        ["station"] = ["330402-LEGAL"],
        ["unit"] = ["330402-CENTRE"],
        ["code"] = ["330402-CENTRE", "330402-NEW"],
        ["countyCode"] = ["330402", "330411", "330400", "999999"],
        ["county"] = ["330402", "330483", "3304"],
        ["townCode"] = ["330402001", "330411001", "999999999"],
        ["kind"] = ["help", "inquiry", "complaint", "petition", "centre", "legal_aid"],
        ["topic"] = ["care_services", "education", "other"],
        ["channel"] = ["phone", "letter", "visit", "online"],
        ["urgency"] = ["normal", "urgent"],
        ["status"] = ["registered", "dispatched", "signed", "resolved", "nonsense", "open", "closed,open"],
        ["callerPhone"] = ["13812345678", "0573-82345678", "12385"],
        ["phone"] = ["13912345678", "abc"],
        ["residentId"] = [TicketApi.ResidentId("33040219800101123"), "330402198001011230"],
        ["disabilityCertificate"] = [TicketApi.ResidentId("33040219800101123") + "11"],
        ["scope"] = ["city", "county:330402", "unit:330402-CENTRE", "county:"],
        ["period"] = ["day", "month", "year", "decade"],
        ["unitKind"] = ["centre", "legal_aid", "rehab"],
        ["reasonCode"] = ["not_our_remit", "wrong_area", "other", "awaiting_party"],
        ["unit_"] = ["working_days"],
        ["satisfaction"] = ["satisfied", "unsatisfied", "basic"],
        ["decision"] = ["upheld", "overturned"],
        ["method"] = ["post", "in_person", "sms"],
        ["frequency"] = ["weekly", "monthly"],
        ["serviceType"] = ["rehabilitation_training", "nursing"],
        ["caseType"] = ["labour_dispute", "other"],
        ["outcome"] = ["upheld", "changed"],
        ["year"] = ["2026", "2027", "0", "99999"],
        ["version"] = ["v1", "v2", "v999"],
        ["format"] = ["json", "xml", "csv", "JSON"],
        ["service_code"] = ["help-care_services", "complaint-accessibility", "repair-potholes"],
        ["service_request_id"] = ["JX12385-20261202-000001", "1,2,3"],
        ["start_date"] = ["2026-12-01", "2026-12-01T08:00:00+08:00", "1999-01-01"],
    };

    public HttpRequestMessage Make(ApiOperation operation, out string description)
    {
        var path = operation.Path;
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/");
        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(PathValue(operation, parameter.Name)), StringComparison.Ordinal);
                    break;
                case "query" when random.Next(2) == 0:
                    query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(ParameterValue(parameter))}");
                    break;
                case "header":
                    request.Headers.TryAddWithoutValidation(parameter.Name,
                        random.Next(4) == 0 ? HostileValues.Pick(random, HostileValues.HeaderValues) : Guid.NewGuid().ToString());
                    break;
            }
        }
        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", HostileValues.Pick(random, HostileValues.HeaderValues));
        }
        request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);
        var body = Body(operation);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(20) == 0 ? "text/plain" : "application/json");
        }
        description = $"{operation.Method} {request.RequestUri} body {(body is null ? "none" : body.Length > 300 ? body[..300] + "..." : body)}";
        return request;
    }

    private string? Body(ApiOperation operation)
    {
        if (operation.Body is not { } schema)
        {
            return random.Next(10) == 0 ? HostileValues.BrokenBody(random) : null;
        }
        return random.Next(10) switch
        {
            0 => HostileValues.BrokenBody(random),
            1 => null,
            _ => Value(schema, "", 0).Text(),
        };
    }

    private FuzzJson Value(JsonElement schema, string name, int depth)
    {
        schema = api.Resolve(schema);
        if (depth > 0 && random.Next(100) < 30)
        {
            return HostileValues.Any(random);
        }
        var type = TypeOf(schema);
        if (type == "object" || schema.TryGetProperty("properties", out _))
        {
            if (depth > 3 || !schema.TryGetProperty("properties", out var properties))
            {
                return new Obj([]);
            }
            var fields = new List<KeyValuePair<string, FuzzJson>>();
            foreach (var property in properties.EnumerateObject())
            {
                if (random.Next(100) >= 12)
                {
                    fields.Add(new(property.Name, Value(property.Value, property.Name, depth + 1)));
                }
            }
            if (random.Next(10) == 0)
            {
                fields.Add(new("unexpected" + random.Next(100), HostileValues.Any(random)));
            }
            return new Obj(fields);
        }
        return type switch
        {
            "array" => new Arr([.. Enumerable.Range(0, random.Next(4)).Select(_ => schema.TryGetProperty("items", out var items)
                ? Value(items, name, depth + 1) : new Str("x"))]),
            "integer" => new Raw(random.Next(-2, 40).ToString(CultureInfo.InvariantCulture)),
            "number" => new Raw((random.NextDouble() * 100).ToString("0.##", CultureInfo.InvariantCulture)),
            "boolean" => new Raw(random.Next(2) == 0 ? "true" : "false"),
            _ => new Str(StringValue(schema, name)),
        };
    }

    private string StringValue(JsonElement schema, string name)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (Plausible.TryGetValue(name, out var values))
        {
            return HostileValues.Pick(random, values);
        }
        return format switch
        {
            "uuid" => AnyItemId(),
            "date" => DateTime.UtcNow.AddDays(random.Next(-40, 40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "date-time" => DateTimeOffset.UtcNow.AddHours(random.Next(-100, 400)).ToString("O", CultureInfo.InvariantCulture),
            _ => HostileValues.Pick(random, ["来电反映残疾人护理补贴尚未发放，请核实处理。", "已联系当事人。", "张三", "说明"]),
        };
    }

    private string PathValue(ApiOperation operation, string name)
    {
        if (random.Next(10) == 0)
        {
            return HostileValues.Pick(random, HostileValues.Strings[..30]);
        }
        if (name == "id")
        {
            var type = operation.Path.Split('/')[2];
            return itemIds.TryGetValue(type, out var ids) && random.Next(6) > 0 ? HostileValues.Pick(random, ids) : Guid.NewGuid().ToString();
        }
        return Plausible.TryGetValue(name, out var values) ? HostileValues.Pick(random, values) : "x";
    }

    private string ParameterValue(ApiParameter parameter)
    {
        if (random.Next(3) == 0)
        {
            return HostileValues.Pick(random, [.. HostileValues.Strings[..36], "99999999999", "-5", "2147483647", "abc"]);
        }
        var type = parameter.Schema.ValueKind == JsonValueKind.Object ? TypeOf(parameter.Schema) : "string";
        return type switch
        {
            "integer" => random.Next(-1, 12).ToString(CultureInfo.InvariantCulture),
            "boolean" => random.Next(2) == 0 ? "true" : "false",
            _ => StringValue(parameter.Schema, parameter.Name),
        };
    }

    private string AnyItemId() => itemIds.Values.SelectMany(v => v).DefaultIfEmpty(Guid.NewGuid().ToString()).ElementAt(0) is var first
        && random.Next(3) == 0 ? Guid.NewGuid().ToString() : HostileValues.Pick(random, [.. itemIds.Values.SelectMany(v => v), first]);

    /// <summary>"string", "integer"...: OpenAPI 3.1 may give a list such as ["null", "string"].</summary>
    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return "string";
        }
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "string"
            : type.GetString() ?? "string";
    }
}
