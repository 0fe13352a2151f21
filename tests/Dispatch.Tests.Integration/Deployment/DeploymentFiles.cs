namespace Dispatch.Tests.Integration.Deployment;

/// <summary>Where the deployment files of the checkout are, and the Kubernetes objects they declare.</summary>
public static class DeploymentFiles
{
    public static readonly string Root = RepositoryRoot.Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static IReadOnlyList<string> KubernetesManifests =>
        [.. Directory.GetFiles(PathOf("deploy", "kubernetes"), "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order()];

    public static IReadOnlyList<YamlNode> KubernetesObjects =>
        [.. KubernetesManifests.SelectMany(f => YamlFile.Load(f).Documents)];

    public static YamlNode KubernetesObject(string kind, string name) =>
        KubernetesObjects.SingleOrDefault(o => o["kind"].Text == kind && o["metadata"]["name"].Text == name)
        ?? throw new KeyNotFoundException($"no {kind} {name} in deploy/kubernetes");

    public static YamlNode Compose => YamlFile.Load(PathOf("deploy", "compose", "compose.yaml")).Documents.Single();

    /// <summary>The environment of a container: name to the node giving `value` or `valueFrom`.</summary>
    public static IReadOnlyDictionary<string, YamlNode> EnvironmentOf(YamlNode container) =>
        (container.Find("env")?.Items ?? []).ToDictionary(e => e["name"].Text, e => e);

    public static IEnumerable<YamlNode> ContainersOf(YamlNode workload) =>
        workload["spec"]["template"]["spec"]["containers"].Items;
}
