using System.Text.Json.Nodes;
using FluentAssertions;
using static Dispatch.Tests.Integration.Deployment.DeploymentFiles;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>deploy/kubernetes carries what a cluster needs; Kubernetes itself is not available here, so the files are read, not applied.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string[] Workloads = ["dispatch-silo", "dispatch-web"];

    [Fact]
    public void Every_manifest_parses_and_names_its_kind_and_namespace()
    {
        var objects = KubernetesObjects;

        objects.Should().NotBeEmpty();
        foreach (var item in objects)
        {
            item["apiVersion"].Text.Should().NotBeNullOrWhiteSpace(item.Where);
            item["kind"].Text.Should().NotBeNullOrWhiteSpace(item.Where);
            if (item["kind"].Text != "Namespace")
            {
                item["metadata"]["namespace"].Text.Should().Be("dispatch", item.Where);
            }
        }
    }

    [Fact]
    public void The_kustomization_applies_every_manifest_of_the_folder()
    {
        var kustomization = YamlFile.Load(PathOf("deploy", "kubernetes", "kustomization.yaml")).Documents.Single();

        kustomization["resources"].Items.Select(r => r.Text)
            .Should().BeEquivalentTo(KubernetesManifests.Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("dispatch-silo", "health")]
    [InlineData("dispatch-web", "http")]
    public void Liveness_and_readiness_probe_the_health_endpoints(string deployment, string port)
    {
        var container = ContainersOf(KubernetesObject("Deployment", deployment)).Single();

        container["livenessProbe"]["httpGet"]["path"].Text.Should().Be("/health/live");
        container["readinessProbe"]["httpGet"]["path"].Text.Should().Be("/health/ready");
        container["startupProbe"]["httpGet"]["path"].Text.Should().Be("/health/live");
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            container[probe]["httpGet"]["port"].Text.Should().Be(port);
        }
        container["ports"].Items.Select(p => p["name"].Text).Should().Contain(port);
    }

    [Fact]
    public void The_silo_probes_answer_on_the_port_it_is_told_to_open_for_them()
    {
        var silo = ContainersOf(KubernetesObject("Deployment", "dispatch-silo")).Single();

        var healthPort = silo["ports"].Items.Single(p => p["name"].Text == "health")["containerPort"].Text;

        EnvironmentOf(silo)["Health__Port"]["value"].Text.Should().Be(healthPort);
    }

    [Fact]
    public void Every_container_has_resource_requests_and_limits_and_runs_unprivileged_on_a_read_only_file_system()
    {
        var workloads = KubernetesObjects.Where(o => o["kind"].Text is "Deployment" or "Job").ToList();

        workloads.Select(w => w["metadata"]["name"].Text).Should().Contain([.. Workloads, "dispatch-schema"]);
        foreach (var workload in workloads)
        {
            workload["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"].Text.Should().Be("true", workload.Where);
            foreach (var container in ContainersOf(workload))
            {
                foreach (var bound in new[] { "requests", "limits" })
                {
                    container["resources"][bound]["cpu"].Text.Should().NotBeNullOrWhiteSpace(container.Where);
                    container["resources"][bound]["memory"].Text.Should().NotBeNullOrWhiteSpace(container.Where);
                }
                container["securityContext"]["readOnlyRootFilesystem"].Text.Should().Be("true", container.Where);
                container["securityContext"]["allowPrivilegeEscalation"].Text.Should().Be("false", container.Where);
                container["volumeMounts"].Items.Select(m => m["mountPath"].Text).Should().Contain("/tmp", container.Where);
            }
        }
    }

    [Theory]
    [InlineData("dispatch-silo")]
    [InlineData("dispatch-web")]
    public void A_disruption_budget_covers_the_pods_of_each_deployment(string deployment)
    {
        var labels = KubernetesObject("Deployment", deployment)["spec"]["template"]["metadata"]["labels"];
        var budget = KubernetesObjects.Single(o => o["kind"].Text == "PodDisruptionBudget" && o["metadata"]["name"].Text == deployment);

        var selector = budget["spec"]["selector"]["matchLabels"];
        foreach (var key in selector.Keys)
        {
            labels[key].Text.Should().Be(selector[key].Text);
        }
        (budget["spec"].Find("maxUnavailable") ?? budget["spec"]["minAvailable"]).Text.Should().NotBeNullOrWhiteSpace();
        int.Parse(KubernetesObject("Deployment", deployment)["spec"]["replicas"].Text).Should().BeGreaterThan(1);
    }

    [Fact]
    public void The_network_policy_opens_the_silo_ports_the_silo_really_listens_on_and_only_to_the_cluster_s_own_pods()
    {
        var silo = ContainersOf(KubernetesObject("Deployment", "dispatch-silo")).Single();
        var environment = EnvironmentOf(silo);
        var siloPort = environment["Orleans__SiloPort"]["value"].Text;
        var gatewayPort = environment["Orleans__GatewayPort"]["value"].Text;
        var defaults = JsonNode.Parse(File.ReadAllText(PathOf("silo", "appsettings.json")))!["Orleans"]!;
        siloPort.Should().Be(defaults["SiloPort"]!.ToString(), "the manifests use the silo's own default ports");
        gatewayPort.Should().Be(defaults["GatewayPort"]!.ToString());
        silo["ports"].Items.Select(p => p["containerPort"].Text).Should().Contain([siloPort, gatewayPort]);

        var policy = KubernetesObject("NetworkPolicy", "dispatch-silo");
        policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"].Text.Should().Be("dispatch-silo");
        policy["spec"]["policyTypes"].Items.Select(t => t.Text).Should().Contain("Ingress");
        var rules = policy["spec"]["ingress"].Items;
        string[] PeersFor(string port) => [.. rules
            .Where(r => r["ports"].Items.Any(p => p["port"].Text == port))
            .SelectMany(r => r["from"].Items)
            .Select(f => f.FindPath("podSelector", "matchLabels", "app.kubernetes.io/name")?.Text ?? "any pod of the namespace")];

        PeersFor(siloPort).Should().BeEquivalentTo(["dispatch-silo"]);
        PeersFor(gatewayPort).Should().BeEquivalentTo(["dispatch-silo", "dispatch-web"]);
        rules.SelectMany(r => r["from"].Items).Should().OnlyContain(f => f.Find("ipBlock") == null && f.Find("namespaceSelector") == null,
            "no peer outside the namespace reaches a silo");
    }

    [Fact]
    public void Secrets_are_referenced_never_written_into_the_manifests()
    {
        KubernetesObjects.Should().NotContain(o => o["kind"].Text == "Secret", "secrets are created from the environment with kubectl");
        var containers = KubernetesObjects.Where(o => o["kind"].Text is "Deployment" or "Job").SelectMany(ContainersOf).ToList();

        var connectionStrings = containers.SelectMany(c => EnvironmentOf(c)).Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();
        connectionStrings.Should().HaveCount(3, "the silo and the web app as the application role, the schema job as the owner");
        foreach (var (name, variable) in connectionStrings)
        {
            variable.Find("value").Should().BeNull(name);
            variable["valueFrom"]["secretKeyRef"]["name"].Text.Should().Be("dispatch-database", name);
        }
        EnvironmentOf(ContainersOf(KubernetesObject("Job", "dispatch-schema")).Single()).Keys.Should().Contain("ConnectionStrings__DispatchSchema");
        foreach (var deployment in Workloads)
        {
            var workload = KubernetesObject("Deployment", deployment);
            var environment = EnvironmentOf(ContainersOf(workload).Single());
            environment.Keys.Should().NotContain("ConnectionStrings__DispatchSchema", "only the schema job holds the owner's connection");
            var tlsVolume = workload["spec"]["template"]["spec"]["volumes"].Items.Single(v => v["name"].Text == "tls");
            tlsVolume["secret"]["secretName"].Text.Should().Be("dispatch-tls");
            environment["Orleans__Tls__CertificatePath"]["value"].Text.Should().StartWith("/etc/dispatch/tls/");
            environment["Orleans__Tls__CaPath"]["value"].Text.Should().StartWith("/etc/dispatch/tls/");
        }
    }

    [Fact]
    public void The_silo_runs_with_Orleans_Kubernetes_hosting_and_its_pods_carry_the_cluster_labels_it_watches()
    {
        var deployment = KubernetesObject("Deployment", "dispatch-silo");
        var environment = EnvironmentOf(ContainersOf(deployment).Single());
        var config = KubernetesObject("ConfigMap", "dispatch-config")["data"];

        environment["Orleans__Kubernetes"]["value"].Text.Should().Be("true");
        environment["POD_NAME"]["valueFrom"]["fieldRef"]["fieldPath"].Text.Should().Be("metadata.name");
        environment["POD_NAMESPACE"]["valueFrom"]["fieldRef"]["fieldPath"].Text.Should().Be("metadata.namespace");
        environment["POD_IP"]["valueFrom"]["fieldRef"]["fieldPath"].Text.Should().Be("status.podIP");
        var labels = deployment["spec"]["template"]["metadata"]["labels"];
        labels["orleans/clusterId"].Text.Should().Be(config["cluster-id"].Text);
        labels["orleans/serviceId"].Text.Should().Be(config["service-id"].Text);
        foreach (var (variable, key) in new[] { ("ORLEANS_CLUSTER_ID", "cluster-id"), ("Orleans__ClusterId", "cluster-id"),
                     ("ORLEANS_SERVICE_ID", "service-id"), ("Orleans__ServiceId", "service-id") })
        {
            environment[variable]["valueFrom"]["configMapKeyRef"]["key"].Text.Should().Be(key, variable);
        }

        var account = deployment["spec"]["template"]["spec"]["serviceAccountName"].Text;
        var binding = KubernetesObjects.Single(o => o["kind"].Text == "RoleBinding"
            && o["subjects"].Items.Any(s => s["name"].Text == account));
        var role = KubernetesObject("Role", binding["roleRef"]["name"].Text);
        var podRule = role["rules"].Items.Single(r => r["resources"].Items.Any(x => x.Text == "pods"));
        podRule["verbs"].Items.Select(v => v.Text).Should().Contain(["get", "list", "watch", "patch"]);
    }
}
