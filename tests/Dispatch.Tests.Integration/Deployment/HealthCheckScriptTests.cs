using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>deploy/docker/healthcheck.sh, the images' HEALTHCHECK (the .NET runtime images have no curl).</summary>
public sealed class HealthCheckScriptTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK", 0)]
    [InlineData("HTTP/1.1 503 Service Unavailable", 1)]
    [InlineData("HTTP/1.1 404 Not Found", 1)]
    public async Task The_check_passes_only_on_a_200_answer_from_the_path_it_asks(string statusLine, int expectedExit)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnceAsync(listener, statusLine);

        var (exit, output) = await CommandLine.RunAsync("bash", [Script, port.ToString(), "/health/ready"], "/", TimeSpan.FromSeconds(20));

        exit.Should().Be(expectedExit, output);
        (await served).Should().StartWith("GET /health/ready HTTP/1.1");
    }

    [Fact]
    public async Task The_check_fails_when_nothing_listens()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _) = await CommandLine.RunAsync("bash", [Script, port.ToString()], "/", TimeSpan.FromSeconds(20));

        exit.Should().NotBe(0);
    }

    private static string Script => DeploymentFiles.PathOf("deploy", "docker", "healthcheck.sh");

    private static async Task<string> ServeOnceAsync(TcpListener listener, string statusLine)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[1024];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }
            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{statusLine}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return request.ToString();
    }
}
