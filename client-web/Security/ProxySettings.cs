using Dispatch.Schema;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dispatch.Web.Security;

/// <summary>
/// Running behind a TLS proxy, from the configuration section <c>Proxy</c>: which proxies may set X-Forwarded-For and
/// X-Forwarded-Proto (loopback always may). Addresses and networks that do not parse stop the start with their name.
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "Proxy";

    /// <summary>Proxy addresses, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new StartupConfigurationException($"Proxy:KnownProxies has '{proxy}', which is not an IP address."));
        }
        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new StartupConfigurationException($"Proxy:KnownNetworks has '{network}', which is not a CIDR network (e.g. 10.0.0.0/24)."));
        }
    }
}
