using System.Text.Json.Nodes;
using Dispatch.Silo.Hosting;
using FluentAssertions;
using static Dispatch.Tests.Integration.Deployment.DeploymentFiles;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>
/// The Dockerfiles and systemd units against what `dotnet publish` really produces (PublishedApps). Docker is not
/// available here: the images are not built, but every file they copy and run is checked to exist.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class ImagesAndUnitsTests(PublishedApps published)
{
    public static readonly TheoryData<string, string> Images = new()
    {
        { "silo.Dockerfile", "silo/Dispatch.Silo.csproj" },
        { "web.Dockerfile", "client-web/Dispatch.Web.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_is_built_in_one_stage_and_runs_the_published_output_in_a_runtime_only_stage(string dockerfile, string project)
    {
        var file = Dockerfile.Load(dockerfile);

        file.Instructions.Count(i => i.Keyword == "FROM").Should().Be(2);
        file.BuildStage.First(i => i.Keyword == "FROM").Arguments.Should().Be("${SDK_IMAGE} AS build");
        var publish = file.BuildStage.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        publish.Arguments.Should().Contain($"dotnet publish {project} -c Release").And.EndWith("-o /app");
        file.FinalStage[0].Arguments.Should().Be("${RUNTIME_IMAGE} AS runtime");
        file.FinalStage.Should().ContainEquivalentOf(new Instruction("WORKDIR", "/app"));
        file.FinalStage.Should().ContainEquivalentOf(new Instruction("COPY", "--from=build /app/ ./"));
        ArgumentDefault(dockerfile, "RUNTIME_IMAGE").Should().StartWith("mcr.microsoft.com/dotnet/aspnet:");
    }

    [Theory]
    [InlineData("silo.Dockerfile", "Silo")]
    [InlineData("web.Dockerfile", "Web")]
    public void The_entry_point_is_a_file_the_publish_produces(string dockerfile, string app)
    {
        var output = app == "Silo" ? published.Silo : published.Web;
        var entry = Dockerfile.ExecForm(Dockerfile.Load(dockerfile).FinalStage.Single(i => i.Keyword == "ENTRYPOINT").Arguments);

        entry[0].Should().Be("dotnet");
        var dll = entry[1];
        File.Exists(Path.Combine(output, dll)).Should().BeTrue($"{dll} is in the publish output of the {app}");
        File.Exists(Path.Combine(output, Path.ChangeExtension(dll, ".runtimeconfig.json"))).Should().BeTrue();
        File.Exists(Path.Combine(output, Path.ChangeExtension(dll, ".deps.json"))).Should().BeTrue();
        File.Exists(Path.Combine(output, "appsettings.json")).Should().BeTrue();
        File.Exists(Path.Combine(output, "reference-data", "jiaxing.json")).Should().BeTrue("the schema step and the silo read the reference data beside the binaries");
        Directory.GetFiles(Path.Combine(output, "reference-data", "sla-rules"), "*.json").Should().NotBeEmpty();
    }

    [Fact]
    public void The_web_image_serves_the_UI_from_the_published_static_files()
    {
        File.Exists(Path.Combine(published.Web, "wwwroot", "index.html")).Should().BeTrue();
        File.Exists(Path.Combine(published.Web, "wwwroot", "lib", "signalr", "signalr.min.js")).Should().BeTrue();
        File.Exists(Path.Combine(published.Web, "wwwroot", "lib", "echarts", "echarts.esm.min.js")).Should().BeTrue();
    }

    [Fact]
    public void The_published_static_assets_manifest_serves_every_file_it_names_with_brotli_and_gzip_forms()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Web, "Dispatch.Web.staticwebassets.endpoints.json")))!;
        var endpoints = manifest["Endpoints"]!.AsArray().Select(e => e!).ToList();

        var echarts = endpoints.Where(e => e["Route"]!.GetValue<string>() == "lib/echarts/echarts.esm.min.js")
            .SelectMany(e => e["Selectors"]!.AsArray().Select(s => s!["Value"]!.GetValue<string>())).ToList();
        echarts.Should().Contain(["br", "gzip"], "MapStaticAssets answers the compressed forms the publish wrote");
        endpoints.Should().Contain(e => e["Route"]!.GetValue<string>().StartsWith("js/app.", StringComparison.Ordinal)
            && e["Route"]!.GetValue<string>() != "js/app.js", "the entry module has a fingerprinted route");
        foreach (var file in endpoints.Select(e => e["AssetFile"]!.GetValue<string>()).Distinct())
        {
            File.Exists(Path.Combine(published.Web, "wwwroot", file)).Should().BeTrue($"{file} is named by the manifest");
        }
    }

    [Theory]
    [InlineData("silo.Dockerfile")]
    [InlineData("web.Dockerfile")]
    public void Every_file_the_build_copies_exists_in_the_repository_and_the_build_context_keeps_out_local_secrets(string dockerfile)
    {
        var sources = Dockerfile.Load(dockerfile).Instructions
            .Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToList();

        sources.Should().NotBeEmpty();
        foreach (var source in sources)
        {
            (File.Exists(PathOf(source)) || Directory.Exists(PathOf(source))).Should().BeTrue($"{dockerfile} copies {source}");
        }
        File.ReadAllLines(PathOf(".dockerignore")).Should().Contain([".data/", "deploy/compose/secrets/", "**/bin/", "**/obj/"]);
    }

    [Theory]
    [InlineData("silo.Dockerfile", "Health__Port")]
    [InlineData("web.Dockerfile", "ASPNETCORE_HTTP_PORTS")]
    public void The_image_runs_unprivileged_and_checks_its_health_on_the_port_it_opens(string dockerfile, string portSetting)
    {
        var file = Dockerfile.Load(dockerfile);
        var user = file.FinalStage.Last(i => i.Keyword == "USER").Arguments;
        var port = file.FinalEnvironment[portSetting];

        user.Should().Be("$APP_UID", "the .NET images' unprivileged user");
        var check = file.FinalStage.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        Dockerfile.ExecForm(check).Should().Equal("/usr/local/bin/dispatch-healthcheck", port, "/health/ready");
        file.FinalStage.Should().ContainEquivalentOf(new Instruction("COPY", "--chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/dispatch-healthcheck"));
        file.FinalStage.Single(i => i.Keyword == "EXPOSE").Arguments.Split(' ').Should().Contain(port);
    }

    [Fact]
    public void The_silo_image_opens_the_ports_the_silo_is_configured_for()
    {
        var environment = Dockerfile.Load("silo.Dockerfile").FinalEnvironment;
        var defaults = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Silo, "appsettings.json")))!["Orleans"]!;

        environment["Orleans__SiloPort"].Should().Be(defaults["SiloPort"]!.ToString());
        environment["Orleans__GatewayPort"].Should().Be(defaults["GatewayPort"]!.ToString());
        Dockerfile.Load("silo.Dockerfile").FinalStage.Single(i => i.Keyword == "EXPOSE").Arguments.Split(' ')
            .Should().Contain([environment["Orleans__SiloPort"], environment["Orleans__GatewayPort"]]);
    }

    [Fact]
    public void The_SDK_image_is_of_the_band_global_json_pins()
    {
        var sdk = JsonNode.Parse(File.ReadAllText(PathOf("global.json")))!["sdk"]!;
        var version = Version.Parse(sdk["version"]!.ToString());

        sdk["rollForward"]!.ToString().Should().Be("latestFeature");
        foreach (var dockerfile in new[] { "silo.Dockerfile", "web.Dockerfile" })
        {
            ArgumentDefault(dockerfile, "SDK_IMAGE").Should().Be($"mcr.microsoft.com/dotnet/sdk:{version.Major}.{version.Minor}");
            Dockerfile.Load(dockerfile).BuildStage.Should().ContainEquivalentOf(new Instruction("COPY", "global.json Directory.Build.props Directory.Packages.props ./"));
        }
        Environment.Version.Major.Should().Be(version.Major, "the tests run on the runtime of the pinned SDK");
    }

    [Theory]
    [InlineData("dispatch-silo@.service", "Silo", "")]
    [InlineData("dispatch-web.service", "Web", "")]
    [InlineData("dispatch-schema.service", "Silo", SchemaStepCommand.Verb)]
    public void Each_systemd_unit_runs_a_published_dll_as_an_unprivileged_hardened_service(string unit, string app, string verb)
    {
        var settings = UnitSettings(unit);
        var folder = app == "Silo" ? "silo" : "web";
        var publishedDll = Path.GetFileName(Directory.GetFiles(app == "Silo" ? published.Silo : published.Web, "Dispatch.*.dll")
            .Single(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json"))));

        var execStart = settings["ExecStart"].Single().Split(' ', StringSplitOptions.RemoveEmptyEntries);

        execStart[0].Should().Be("/usr/bin/dotnet");
        execStart[1].Should().Be($"/opt/dispatch/{folder}/{publishedDll}");
        execStart.Skip(2).Should().Equal(verb.Length == 0 ? [] : [verb]);
        settings["WorkingDirectory"].Single().Should().Be($"/opt/dispatch/{folder}");
        settings["User"].Single().Should().Be("dispatch");
        settings["EnvironmentFile"].Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith("/etc/dispatch/", StringComparison.Ordinal));
        foreach (var (key, value) in new[] { ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"), ("CapabilityBoundingSet", "") })
        {
            settings[key].Should().Equal([value], $"{unit} {key}");
        }
        settings.Keys.Should().NotContain("MemoryDenyWriteExecute", "the .NET JIT writes code it then runs");
    }

    [Theory]
    [InlineData("dispatch-silo@.service")]
    [InlineData("dispatch-web.service")]
    public void Silos_and_web_app_are_restarted_on_failure_but_not_after_a_start_up_failure_they_report(string unit)
    {
        var settings = UnitSettings(unit);

        settings["Restart"].Should().Equal("on-failure");
        settings["RestartPreventExitStatus"].Should().Equal("2");
        settings["After"].Single().Should().Contain("dispatch-schema.service");
    }

    private static string ArgumentDefault(string dockerfile, string name) =>
        Dockerfile.Load(dockerfile).Instructions.Single(i => i.Keyword == "ARG" && i.Arguments.StartsWith(name + "=", StringComparison.Ordinal)).Arguments[(name.Length + 1)..];

    private static Dictionary<string, List<string>> UnitSettings(string unit)
    {
        var settings = new Dictionary<string, List<string>>();
        foreach (var line in File.ReadAllLines(PathOf("deploy", "systemd", unit)))
        {
            if (line.StartsWith('#') || line.StartsWith('[') || !line.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }
            var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
            if (!settings.TryGetValue(key, out var values))
            {
                settings[key] = values = [];
            }
            values.Add(value);
        }
        return settings;
    }
}
