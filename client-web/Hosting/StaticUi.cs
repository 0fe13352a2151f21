using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticAssets.Infrastructure;

namespace Dispatch.Web.Hosting;

/// <summary>
/// The browser UI (wwwroot) through MapStaticAssets: the build precompresses every file (gzip; brotli too when published)
/// and fingerprints it, and each file answers with a content ETag. A fingerprinted URL is cached for a year as immutable;
/// a plain URL revalidates. "/" answers index.html with every asset it names rewritten to its fingerprinted URL, so a
/// new release reaches the browser at once while unchanged files are never fetched again.
/// </summary>
public static partial class StaticUi
{
    /// <summary>The build's static web assets manifest; named after the web project, not the process that hosts it.</summary>
    public static string ManifestPath { get; } = Path.Combine(AppContext.BaseDirectory, "Dispatch.Web.staticwebassets.endpoints.json");

    public static WebApplication MapStaticUi(this WebApplication app)
    {
        if (!File.Exists(ManifestPath))
        {
            throw new InvalidOperationException(
                $"The static web assets manifest {ManifestPath} is missing: build or publish client-web (Dispatch.Web.csproj) so that it is written.");
        }
        app.MapStaticAssets(ManifestPath).Add(endpoint => endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute()));
        var page = IndexPage.Create(app.Environment.WebRootFileProvider.GetFileInfo("index.html"), FingerprintedRoutes(app));
        app.MapGet("/", (HttpContext context) => page.Write(context)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Each asset's path (css/app.css) and its fingerprinted route (css/app.8li6hqy7zc.css), from the manifest.</summary>
    private static Dictionary<string, string> FingerprintedRoutes(WebApplication app)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var descriptor in StaticAssetsEndpointDataSourceHelper.ResolveStaticAssetDescriptors(app, ManifestPath))
        {
            var label = descriptor.Properties.FirstOrDefault(p => p.Name == "label")?.Value;
            var fingerprinted = descriptor.Properties.Any(p => p.Name == "fingerprint");
            if (label is not null && fingerprinted && descriptor.Selectors.Count == 0 && descriptor.Route != label
                && !descriptor.Route.EndsWith(".gz", StringComparison.Ordinal) && !descriptor.Route.EndsWith(".br", StringComparison.Ordinal))
            {
                routes[label] = descriptor.Route;
            }
        }
        return routes;
    }

    /// <summary>index.html with its local href and src pointing at fingerprinted URLs; revalidated by its ETag.</summary>
    private sealed class IndexPage(byte[] body, string etag)
    {
        public static IndexPage Create(Microsoft.Extensions.FileProviders.IFileInfo file, Dictionary<string, string> routes)
        {
            if (!file.Exists)
            {
                throw new InvalidOperationException("wwwroot/index.html is missing: the UI cannot be served.");
            }
            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            var html = LocalReference().Replace(reader.ReadToEnd(),
                m => routes.TryGetValue(m.Groups["path"].Value, out var route) ? $"{m.Groups["attribute"].Value}=\"/{route}\"" : m.Value);
            var bytes = Encoding.UTF8.GetBytes(html);
            return new IndexPage(bytes, $"\"{Convert.ToBase64String(SHA256.HashData(bytes))}\"");
        }

        public Task Write(HttpContext context)
        {
            var response = context.Response;
            response.Headers.CacheControl = "no-cache";
            response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }
    }

    [GeneratedRegex("(?<attribute>href|src)=\"/(?<path>[^\"/][^\"]*)\"")]
    private static partial Regex LocalReference();
}
