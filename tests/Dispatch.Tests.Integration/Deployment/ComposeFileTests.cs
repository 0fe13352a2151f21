using System.Text.RegularExpressions;
using FluentAssertions;
using static Dispatch.Tests.Integration.Deployment.DeploymentFiles;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>deploy/compose: parsed and cross-checked against the README and the proxy's configuration (Docker is not available here).</summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public void The_compose_file_runs_exactly_the_services_the_README_names()
    {
        var services = Compose["services"].Keys;

        services.Should().BeEquivalentTo(ReadmeComposeServices());
        services.Should().Contain(["postgres", "schema", "proxy"]);
        services.Count(s => s.StartsWith("silo-", StringComparison.Ordinal)).Should().Be(2);
        services.Count(s => s.StartsWith("web-", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void Silos_and_web_instances_wait_for_the_one_shot_schema_step_which_alone_holds_the_owner_s_connection()
    {
        var services = Compose["services"];
        services["schema"]["command"].Items.Select(c => c.Text).Should().Equal("schema");
        services["schema"]["environment"].Keys.Should().Equal("ConnectionStrings__DispatchSchema");

        foreach (var name in ApplicationServices())
        {
            var service = services[name];
            service["depends_on"]["schema"]["condition"].Text.Should().Be("service_completed_successfully", name);
            var environment = service["environment"];
            environment.Keys.Should().NotContain("ConnectionStrings__DispatchSchema", name);
            environment["ConnectionStrings__Dispatch"].Text.Should().Contain("Username=dispatch_app", name);
        }
    }

    [Fact]
    public void Passwords_come_from_the_environment_and_certificates_from_secret_files()
    {
        var text = File.ReadAllText(PathOf("deploy", "compose", "compose.yaml"));
        PasswordSetting().Matches(text).Select(m => m.Groups["value"].Value)
            .Should().NotBeEmpty().And.OnlyContain(v => v.StartsWith("${", StringComparison.Ordinal), "no password is written into the file");

        var secrets = Compose["secrets"];
        foreach (var name in ApplicationServices())
        {
            var service = Compose["services"][name];
            foreach (var secret in service["secrets"].Items.Select(s => s.Text))
            {
                secrets[secret]["file"].Text.Should().StartWith("./secrets/", $"{name} mounts {secret}");
            }
            foreach (var setting in new[] { "Orleans__Tls__CertificatePath", "Orleans__Tls__KeyPath", "Orleans__Tls__CaPath" })
            {
                var path = service["environment"][setting].Text;
                path.Should().StartWith("/run/secrets/", $"{name} {setting}");
                service["secrets"].Items.Select(s => s.Text).Should().Contain(path["/run/secrets/".Length..], $"{name} {setting}");
            }
        }
        File.ReadAllText(PathOf(".gitignore")).Should().Contain("deploy/compose/secrets/").And.Contain("deploy/compose/.env");
    }

    [Fact]
    public void Each_silo_advertises_its_own_fixed_address_on_the_cluster_network()
    {
        var subnet = Compose["networks"]["cluster"]["ipam"]["config"].Items.Single()["subnet"].Text;
        var prefix = subnet[..subnet.LastIndexOf('.')] + ".";
        var silos = Compose["services"].Keys.Where(s => s.StartsWith("silo-", StringComparison.Ordinal)).ToList();

        var addresses = silos.Select(s => Compose["services"][s]["environment"]["Orleans__AdvertisedAddress"].Text).ToList();

        addresses.Should().OnlyHaveUniqueItems().And.OnlyContain(a => a.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var (silo, address) in silos.Zip(addresses))
        {
            Compose["services"][silo]["networks"]["cluster"]["ipv4_address"].Text.Should().Be(address, silo);
        }
    }

    [Fact]
    public void The_containers_run_read_only_without_capabilities()
    {
        foreach (var name in ApplicationServices().Append("schema"))
        {
            var service = Compose["services"][name];
            service["read_only"].Text.Should().Be("true", name);
            service["cap_drop"].Items.Select(c => c.Text).Should().Equal(["ALL"], name);
            service["security_opt"].Items.Select(c => c.Text).Should().Contain("no-new-privileges:true", name);
        }
    }

    [Fact]
    public void The_proxy_balances_over_the_web_services_with_sticky_routing_and_passes_WebSocket_upgrades()
    {
        var nginx = File.ReadAllText(PathOf("deploy", "compose", "nginx.conf"));
        var upstream = UpstreamBlock().Match(nginx);
        upstream.Success.Should().BeTrue("nginx.conf declares the dispatch_web upstream");
        var servers = UpstreamServer().Matches(upstream.Value).Select(m => m.Groups["host"].Value);
        var webs = Compose["services"].Keys.Where(s => s.StartsWith("web-", StringComparison.Ordinal));
        var webPort = ServicePortOfWebImage();

        servers.Should().BeEquivalentTo(webs.Select(w => $"{w}:{webPort}"));
        upstream.Value.Should().MatchRegex(@"hash \$route_key consistent;", "one client stays on one instance");
        nginx.Should().Contain("proxy_set_header Upgrade $http_upgrade;");
        Compose["services"]["proxy"]["volumes"].Items.Select(v => v.Text).Should().Contain("./nginx.conf:/etc/nginx/nginx.conf:ro");
        foreach (var web in webs)
        {
            var environment = Compose["services"][web]["environment"];
            environment["Proxy__TlsTerminated"].Text.Should().Be("true");
            environment["Proxy__KnownNetworks__0"].Text.Should().Be(Compose["networks"]["cluster"]["ipam"]["config"].Items.Single()["subnet"].Text);
        }
    }

    private static IEnumerable<string> ApplicationServices() =>
        Compose["services"].Keys.Where(s => s.StartsWith("silo-", StringComparison.Ordinal) || s.StartsWith("web-", StringComparison.Ordinal));

    private static string ServicePortOfWebImage() =>
        DockerfileText("web.Dockerfile").Split('\n').Select(l => HttpPorts().Match(l)).First(m => m.Success).Groups["port"].Value;

    private static string DockerfileText(string name) => File.ReadAllText(PathOf("deploy", "docker", name));

    /// <summary>The services named in the first column of the README's compose table (section "Docker Compose").</summary>
    private static IReadOnlyList<string> ReadmeComposeServices()
    {
        var lines = File.ReadAllLines(PathOf("README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("### Docker Compose", StringComparison.Ordinal));
        start.Should().BeGreaterThan(0, "the README has a section \"### Docker Compose\"");
        var table = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        return [.. table.SelectMany(row => BacktickedName().Matches(row.Split('|')[1]).Select(m => m.Groups["name"].Value))];
    }

    [GeneratedRegex(@"Password=(?<value>[^;""\s]*)")]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"upstream dispatch_web \{[^}]*\}")]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"server (?<host>[\w.-]+:\d+)")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(?<port>\d+)")]
    private static partial Regex HttpPorts();

    [GeneratedRegex(@"`(?<name>[a-z0-9-]+)`")]
    private static partial Regex BacktickedName();
}
