using System.Net;
using Dispatch.Schema;

namespace Dispatch.Silo.Hosting;

/// <summary>Cluster identity and the ports this silo listens on (Orleans:*).</summary>
/// <param name="Kubernetes">Orleans:Kubernetes: the silo runs in a Kubernetes pod (POD_IP is advertised instead of AdvertisedAddress).</param>
public sealed record SiloEndpointSettings(string ClusterId, string ServiceId, IPAddress AdvertisedAddress, int SiloPort, int GatewayPort, bool Kubernetes)
{
    public static SiloEndpointSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        return new SiloEndpointSettings(
            section["ClusterId"] ?? "dispatch",
            section["ServiceId"] ?? "dispatch-12385",
            ParseAddress(section["AdvertisedAddress"] ?? "127.0.0.1"),
            ParsePort(section, "SiloPort", 11111),
            ParsePort(section, "GatewayPort", 30000),
            ParseSwitch(section, "Kubernetes"));
    }

    private static bool ParseSwitch(IConfigurationSection section, string key) =>
        section[key] switch
        {
            null => false,
            var raw when bool.TryParse(raw, out var value) => value,
            var raw => throw new StartupConfigurationException($"Orleans:{key} '{raw}' is not true or false."),
        };

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new StartupConfigurationException($"Orleans:AdvertisedAddress '{value}' is not an IP address.");

    internal static int ParsePort(IConfigurationSection section, string key, int fallback)
    {
        var raw = section[key];
        if (raw is null)
        {
            return fallback;
        }
        return int.TryParse(raw, out var port) && port is > 0 and < 65536
            ? port
            : throw new StartupConfigurationException($"{section.Path}:{key} '{raw}' is not a TCP port (1-65535).");
    }
}
