using Dispatch.Schema;
using System.Net;

namespace Dispatch.Web.Auth;

/// <summary>Outside Development the web app serves plain HTTP only on loopback, unless a TLS proxy in front says so.</summary>
public static class ProductionMode
{
    /// <summary>Set to true when a reverse proxy terminates TLS in front of the app.</summary>
    public const string TlsTerminatedSwitch = "Proxy:TlsTerminated";

    public static void RefusePlainHttpBeyondLoopback(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || configuration.GetValue<bool>(TlsTerminatedSwitch))
        {
            return;
        }
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? "")).ToList();
        if (urls.Count == 0)
        {
            // Without URLs, HTTP_PORTS / ASPNETCORE_HTTP_PORTS (container images set it) listen on every address.
            urls.AddRange((configuration["http_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => $"http://*:{port}"));
        }
        var exposed = urls.FirstOrDefault(url => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(url));
        if (exposed is not null)
        {
            throw new StartupConfigurationException(
                $"Refusing to serve plain HTTP beyond loopback ({exposed}) in {environment.EnvironmentName}: passwords and personal data would cross " +
                $"the network unencrypted. Listen on 127.0.0.1 behind a TLS proxy and set {TlsTerminatedSwitch}=true " +
                $"(environment Proxy__TlsTerminated=true). 拒绝在回环地址以外以明文 HTTP 提供服务（{exposed}）：请在 TLS 反向代理之后监听 127.0.0.1，" +
                $"并设置 {TlsTerminatedSwitch}=true。");
        }
    }

    private static bool IsLoopback(string url)
    {
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
