using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Bench.Common;

namespace Dispatch.Bench.Scale;

/// <summary>
/// Sequential GET requests, one at a time, as a signed-in user of the role that uses the page: p50/p99 per kind of read.
/// Every answer must be 200, or the run stops: a figure over failed requests would mean nothing.
/// </summary>
internal sealed class ReadLatency(Uri url) : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public LatencyRecorder Recorder { get; } = new();

    public async Task MeasureAsync(string operation, string email, IReadOnlyList<string> paths, int requests)
    {
        var client = await ClientAsync(email);
        for (var i = 0; i < Math.Min(5, requests); i++)
        {
            (await client.GetAsync(paths[i % paths.Count])).EnsureSuccessStatusCode(); // warm: JIT, plans, connection
        }
        for (var i = 0; i < requests; i++)
        {
            var path = paths[i % paths.Count];
            await Recorder.Measure(operation, async () =>
            {
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                return response.EnsureSuccessStatusCode();
            });
        }
    }

    public async Task<JsonElement> GetAsync(string email, string path)
    {
        var client = await ClientAsync(email);
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<HttpResponseMessage> PostAsync(string email, string path, object body)
    {
        var client = await ClientAsync(email);
        return await client.PostAsJsonAsync(path, body);
    }

    private async Task<HttpClient> ClientAsync(string email)
    {
        if (clients.TryGetValue(email, out var existing))
        {
            return existing;
        }
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo#12385" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        clients[email] = http;
        return http;
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
