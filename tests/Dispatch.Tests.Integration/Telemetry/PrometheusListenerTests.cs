using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>The scrape listeners answer on loopback only, and the web app's public port does not serve /metrics.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class PrometheusListenerTests(TelemetrySystem system)
{
    [Fact]
    public async Task Each_process_serves_metrics_on_loopback_and_refuses_its_other_addresses()
    {
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)).ToList();
        others.Should().NotBeEmpty("the machine needs an address other than loopback for this test to mean something");

        foreach (var port in new[] { system.SiloMetricsPort, system.WebMetricsPort })
        {
            (await TelemetrySystem.ScrapeAsync(port)).Samples.Should().NotBeEmpty();
            foreach (var address in others)
            {
                using var client = new TcpClient();
                var connecting = async () => await client.ConnectAsync(address, port);
                await connecting.Should().ThrowAsync<SocketException>($"{address}:{port} must not accept connections");
            }
        }
    }

    [Fact]
    public async Task The_web_apps_public_port_serves_no_metrics()
    {
        var response = await system.Web.Client.GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
