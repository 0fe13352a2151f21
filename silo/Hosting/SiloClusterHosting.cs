using Dispatch.Schema;
using Orleans.Configuration;

namespace Dispatch.Silo.Hosting;

/// <summary>Cluster identity and endpoints: on a plain host the configured address, in Kubernetes the pod's own.</summary>
public static class SiloClusterHosting
{
    private static readonly string[] PodVariables = ["KUBERNETES_SERVICE_HOST", "POD_NAME"];

    public static ISiloBuilder UseDispatchEndpoints(this ISiloBuilder silo, SiloEndpointSettings endpoints)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId));
        if (!endpoints.Kubernetes)
        {
            return silo.ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false);
        }
        CheckKubernetesEnvironment(Environment.GetEnvironmentVariable);
        // Orleans' Kubernetes hosting advertises POD_IP, listens on every address of the pod, names the silo after
        // POD_NAME and declares a silo dead as soon as its pod is deleted. Its ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID,
        // when set, override Orleans:ClusterId / ServiceId; the manifests set both to the same values. Membership stays
        // in PostgreSQL (ADO.NET clustering), so the web app finds the silos the same way everywhere.
        silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (endpoints.SiloPort, endpoints.GatewayPort));
        return silo.UseKubernetesHosting();
    }

    /// <summary>
    /// Outside a pod the hosting package fails deep in its start with a stack trace; say it in one line instead.
    /// KUBERNETES_SERVICE_HOST is set by Kubernetes in every pod, POD_NAME by the manifest (deploy/kubernetes/silo.yaml).
    /// </summary>
    public static void CheckKubernetesEnvironment(Func<string, string?> variable)
    {
        var missing = PodVariables.Where(name => string.IsNullOrWhiteSpace(variable(name))).ToList();
        if (missing.Count > 0)
        {
            throw new StartupConfigurationException(
                $"Orleans:Kubernetes is true but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set: "
                + "run the silo in a Kubernetes pod (deploy/kubernetes/silo.yaml), or set Orleans:Kubernetes to false.");
        }
    }
}
