using System.Net;
using Dispatch.Schema;

namespace Dispatch.Silo.Hosting;

/// <summary>Cluster identity and the ports this silo listens on (Orleans:*).</summary>
public sealed record SiloEndpointSettings(string ClusterId, string ServiceId, IPAddress AdvertisedAddress, int SiloPort, int GatewayPort)
{
    public static SiloEndpointSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        return new SiloEndpointSettings(
            section["ClusterId"] ?? "dispatch",
            section["ServiceId"] ?? "dispatch-12385",
            ParseAddress(section["AdvertisedAddress"] ?? "127.0.0.1"),
            ParsePort(section, "SiloPort", 11111),
            ParsePort(section, "GatewayPort", 30000));
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new StartupConfigurationException($"Orleans:AdvertisedAddress '{value}' is not an IP address.");

    private static int ParsePort(IConfigurationSection section, string key, int fallback)
    {
        var raw = section[key];
        if (raw is null)
        {
            return fallback;
        }
        return int.TryParse(raw, out var port) && port is > 0 and < 65536
            ? port
            : throw new StartupConfigurationException($"Orleans:{key} '{raw}' is not a TCP port (1-65535).");
    }
}
