using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>An API key as the administrator received it.</summary>
public sealed record IssuedKey(string Id, string ApiKey);

/// <summary>Calls of the Open311 API as a partner site makes them: form-encoded posts, reads with the key in the query.</summary>
public static class Open311Api
{
    public const string Root = "/open311/v2";

    public static Task<HttpClient> Admin(RunningSystem system) => system.SignInAsync("admin@jx12385.test");

    public static async Task<IssuedKey> IssueKeyAsync(HttpClient admin, string name = "市残联网站诉求表单")
    {
        var response = await admin.PostAsJsonAsync("/api/admin/open311-keys", new { name });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Issuing a key answered {(int)response.StatusCode}: {body}");
        }
        return new IssuedKey(body.GetProperty("key").GetProperty("id").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    /// <summary>A complete form for the help service about care services in 南湖区.</summary>
    public static Dictionary<string, string> Form(string apiKey, string serviceCode = "help-care_services", string? description = null) => new()
    {
        ["api_key"] = apiKey,
        ["service_code"] = serviceCode,
        ["description"] = description ?? "网上反映：残疾人护理补贴本季度尚未到账，请帮助核实。" + Guid.NewGuid().ToString("N")[..6],
        ["first_name"] = "秀英",
        ["last_name"] = "王",
        ["phone"] = "13912345678",
        ["email"] = "wang.xiuying@example.org",
        ["address_string"] = "南湖区建设街道禾兴南路 88 号",
        ["lat"] = "30.7467",
        ["long"] = "120.7555",
        ["attribute[county]"] = "330402",
    };

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDictionary<string, string> form, string format = "json",
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Root}/requests.{format}") { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Submits and answers the new request's service_request_id (the ticket number).</summary>
    public static async Task<string> SubmittedAsync(HttpClient client, IDictionary<string, string> form)
    {
        var response = await SubmitAsync(client, form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submitting answered {(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {body}");
        }
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<XDocument> XmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {body}");
        }
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        body.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "the specification asks for the declaration with its encoding");
        return XDocument.Parse(body);
    }

    /// <summary>One request of the key, read by its id in JSON.</summary>
    public static async Task<JsonElement> RequestAsync(HttpClient client, string apiKey, string id) =>
        (await JsonAsync(client, $"{Root}/requests/{id}.json?api_key={Uri.EscapeDataString(apiKey)}"))[0];

    /// <summary>The error list of a refusal: its HTTP status, and every [{code, description}] entry.</summary>
    public static async Task<(int Status, JsonElement Errors)> JsonErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
