using Orleans.Configuration;

namespace Dispatch.Silo.Hosting;

/// <summary>Cluster identity and endpoints: on a plain host the configured address, in Kubernetes the pod's own.</summary>
public static class SiloClusterHosting
{
    public static ISiloBuilder UseDispatchEndpoints(this ISiloBuilder silo, SiloEndpointSettings endpoints)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId));
        if (!endpoints.Kubernetes)
        {
            return silo.ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false);
        }
        // Orleans' Kubernetes hosting advertises POD_IP, listens on every address of the pod, names the silo after
        // POD_NAME and declares a silo dead as soon as its pod is deleted. Its ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID,
        // when set, override Orleans:ClusterId / ServiceId; the manifests set both to the same values. Membership stays
        // in PostgreSQL (ADO.NET clustering), so the web app finds the silos the same way everywhere.
        silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (endpoints.SiloPort, endpoints.GatewayPort));
        return silo.UseKubernetesHosting();
    }
}
