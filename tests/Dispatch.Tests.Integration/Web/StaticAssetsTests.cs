using System.Net;
using System.Text.RegularExpressions;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Fixtures.Hosting;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

/// <summary>The UI's files as MapStaticAssets serves them: precompressed, and cached for good under fingerprinted URLs.</summary>
public sealed partial class StaticAssetsTests(StaticAssetsTests.PublishedAssetsSystem system) : IClassFixture<StaticAssetsTests.PublishedAssetsSystem>
{
    /// <summary>
    /// Run from a build, MapStaticAssets watches wwwroot for edits (no caching, files changed on disk recompressed on the
    /// fly); with ReloadStaticAssetsAtRuntime=false it serves the build's assets as a published app does.
    /// </summary>
    public sealed class PublishedAssetsSystem() : LocalSystem("assets")
    {
        protected override WebAppSettings WebSettings => new() { Arguments = ["--ReloadStaticAssetsAtRuntime=false"] };
    }

    private const string Echarts = "/lib/echarts/echarts.esm.min.js";

    [Fact]
    public async Task The_charting_library_is_served_compressed_at_a_fraction_of_its_size()
    {
        var onDisk = new FileInfo(Path.Combine(RepositoryRoot.Find(), "client-web", "wwwroot", Echarts.TrimStart('/'))).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, Echarts);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        using var response = await system.Web.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().ContainSingle().Which.Should().BeOneOf("br", "gzip");
        onDisk.Should().BeGreaterThan(1_000_000);
        body.Length.Should().BeLessThan((int)(onDisk / 3), "ECharts compresses to well under a third of its size");
        response.Headers.ETag.Should().NotBeNull();
    }

    [Fact]
    public async Task The_page_names_fingerprinted_assets_that_are_cached_as_immutable()
    {
        var page = await system.Web.Client.GetStringAsync("/");
        var script = EntryScript().Match(page);
        var stylesheet = Stylesheet().Match(page);

        script.Success.Should().BeTrue("index.html names the entry module at its fingerprinted URL: " + page);
        stylesheet.Success.Should().BeTrue("index.html names the stylesheet at its fingerprinted URL");
        foreach (var url in new[] { script.Groups[1].Value, stylesheet.Groups[1].Value })
        {
            using var response = await system.Web.Client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            var cache = response.Headers.CacheControl!;
            cache.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(365), url);
            cache.Extensions.Select(e => e.Name).Should().Contain("immutable", url);
        }
    }

    [Fact]
    public async Task A_plain_asset_url_revalidates_and_the_page_itself_is_never_cached_stale()
    {
        using var asset = await system.Web.Client.GetAsync("/js/app.js");
        using var page = await system.Web.Client.GetAsync("/");

        asset.Headers.CacheControl!.NoCache.Should().BeTrue();
        page.Headers.CacheControl!.NoCache.Should().BeTrue();
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Be(Dispatch.Web.Security.SecurityHeaders.ContentSecurityPolicy);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var revalidated = await system.Web.Client.SendAsync(again);
        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [GeneratedRegex("<script type=\"module\" src=\"(/js/app\\.[a-z0-9]+\\.js)\"")]
    private static partial Regex EntryScript();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/app\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex Stylesheet();
}
